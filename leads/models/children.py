"""What every row that belongs to one lead has: its emails, phones and
vehicles are the lead's children, scoped to a dealership through it."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.tenancy import DealershipScopedQuerySet


class LeadChildQuerySet(DealershipScopedQuerySet):
    account_lookup = "lead__account_id"


class LeadChild(models.Model):
    """An email, phone or vehicle of one lead."""

    lead = models.ForeignKey("leads.Lead", models.CASCADE, verbose_name=_("lead"))
    # A default rather than auto_now_add, so imports can keep the history.
    created_at = models.DateTimeField(
        _("created at"), default=timezone.now, editable=False
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = LeadChildQuerySet.as_manager()

    class Meta:
        abstract = True

    def get_additional_data(self) -> dict:
        """What django-auditlog stores with each entry: whose lead it is."""
        return {"account_id": self.lead.account_id, "lead_id": self.lead_id}
