"""The possible duplicates kept for the list filter and the lead page:
each write of a lead finds its matches again (found_for); a scan finds a
whole dealership's."""

from django.db import transaction
from django.db.models import Q

from leads.models import Lead

from .matching import Customer, Match, find_matches
from .models import PossibleDuplicate


@transaction.atomic
def keep_matches(lead_id: int, account_id: int, matches: list[Match]) -> None:
    """Make `matches` the lead's open pairs: new ones added, reasons kept
    current, those that no longer match dropped; a pair ruled out by a
    person stays ruled out."""
    PossibleDuplicate.objects.filter(
        Q(lead_id=lead_id) | Q(other_id=lead_id), dismissed_at__isnull=True
    ).exclude(
        Q(lead_id__in=[m.lead_id for m in matches])
        | Q(other_id__in=[m.lead_id for m in matches])
    ).delete()
    PossibleDuplicate.objects.bulk_create(
        [
            PossibleDuplicate(
                account_id=account_id,
                lead_id=min(lead_id, match.lead_id),
                other_id=max(lead_id, match.lead_id),
                reasons=match.reasons,
            )
            for match in matches
        ],
        update_conflicts=True,
        unique_fields=["lead", "other"],
        update_fields=["reasons"],
    )


def found_for(lead: Lead) -> list[Match]:
    """Find the lead's matches now, keep them, and return them."""
    matches = find_matches(Customer.of_lead(lead))
    keep_matches(lead.pk, lead.account_id, matches)
    return matches
