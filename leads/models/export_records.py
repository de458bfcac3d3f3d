from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.constraints import choices_check
from accounts.models import Account
from accounts.tenancy import DealershipScopedQuerySet


class ExportSelection(models.TextChoices):
    FILTERED = "filtered", _("Filtered list")
    SELECTED = "selected", _("Selected leads")


class LeadExport(models.Model):
    """One CSV export of leads: who made it, when, of what, how many rows."""

    Selection = ExportSelection

    created_at = models.DateTimeField(
        _("created at"), default=timezone.now, editable=False
    )
    # The exporter's dealership, kept even if they later move: it is whose
    # data left. Empty for a superuser without one.
    account = models.ForeignKey(
        Account,
        models.PROTECT,
        verbose_name=_("dealership"),
        related_name="lead_exports",
        null=True,
        blank=True,
        db_index=False,
    )
    # PROTECT: staff are deactivated, not deleted, so the record keeps who.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        verbose_name=_("user"),
        related_name="lead_exports",
    )
    selection = models.CharField(
        _("selection"),
        max_length=8,
        choices=ExportSelection,
        default=ExportSelection.FILTERED,
    )
    query = models.TextField(
        _("filters and search"),
        blank=True,
        help_text=_("The lead list's query string when the export was made."),
    )
    row_count = models.PositiveIntegerField(
        _("rows"),
        null=True,
        blank=True,
        help_text=_("Empty when the download did not finish."),
    )

    objects = DealershipScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("lead export")
        verbose_name_plural = _("lead exports")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["account", "-created_at"], name="lead_export_account_idx"
            ),
        ]
        constraints = [choices_check("selection", ExportSelection)]

    def __str__(self):
        return _("Export #%(id)s") % {"id": self.pk}
