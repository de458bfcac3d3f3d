"""Many leads at once: the queryset every lead query starts from, and the
lead's version that concurrent writers compare."""

import datetime

from django.db.models import Prefetch

from accounts.tenancy import DealershipScopedQuerySet

from .search import matching
from .vehicles import LeadVehicle

# The staff slots of a lead, in the order the Activix Lead object lists them.
USER_SLOTS = ["advisor", "bdc", "commercial", "service_advisor", "service_agent"]


def version_of(pk: int, updated_at: datetime.datetime) -> str:
    """A lead's version: its id and `updated_at` to the microsecond, which
    every save moves. The API sends it as the ETag; the admin's form keeps
    it, so neither overwrites what another agent saved meanwhile."""
    return f'"{pk}-{int(updated_at.timestamp() * 1_000_000)}"'


class LeadQuerySet(DealershipScopedQuerySet):
    def with_related(self) -> "LeadQuerySet":
        """The leads with what the API shows of them (dealership, user
        slots, emails, phones, vehicles), in a fixed 4 queries."""
        # A vehicle shows its verifier: joined, or it costs a query a vehicle.
        vehicles = LeadVehicle.objects.select_related("verified_by")
        return self.select_related("account", *USER_SLOTS).prefetch_related(
            "emails", "phones", Prefetch("vehicles", vehicles)
        )

    def lock_version(self, pk: int) -> str:
        """The lead's current version, its row locked until the transaction
        ends: a second writer waits, then sees the version this one made."""
        updated_at = self.select_for_update().values_list("updated_at", flat=True)
        return version_of(pk, updated_at.get(pk=pk))

    def newest_first(self) -> "LeadQuerySet":
        return self.order_by("-created_at", "-id")

    def search(self, text: str, *, region: str) -> "LeadQuerySet":
        """Leads matching `text` (see leads.models.search); all for blank."""
        matches = matching(text, region=region)
        return self if matches is None else self.filter(matches)
