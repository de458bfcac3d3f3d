from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.constraints import choices_check
from accounts.models import Account
from accounts.tenancy import DealershipScopedQuerySet
from leads.models import Lead

from .reasons import reason_text


class PairQuerySet(DealershipScopedQuerySet):
    def open(self) -> "PairQuerySet":
        """Pairs nobody has ruled out."""
        return self.filter(dismissed_at__isnull=True)

    def of(self, lead_id: int) -> "PairQuerySet":
        return self.filter(Q(lead_id=lead_id) | Q(other_id=lead_id))


class PossibleDuplicate(models.Model):
    """Two leads of a dealership that may be the same customer, and why.

    Kept so the lead list can be filtered by them and a manager can rule a
    pair out; found again by every write of either lead and by scans.
    """

    account = models.ForeignKey(
        Account, models.CASCADE, verbose_name=_("dealership"), db_index=False
    )
    # The lower id first, so a pair is stored once.
    lead = models.ForeignKey(
        Lead, models.CASCADE, related_name="+", verbose_name=_("lead")
    )
    other = models.ForeignKey(
        Lead, models.CASCADE, related_name="+", verbose_name=_("other lead")
    )
    reasons = ArrayField(models.CharField(max_length=200), verbose_name=_("reasons"))
    found_at = models.DateTimeField(_("found at"), default=timezone.now)
    dismissed_at = models.DateTimeField(_("ruled out at"), null=True, blank=True)
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ruled out by"),
    )

    objects = PairQuerySet.as_manager()

    class Meta:
        verbose_name = _("possible duplicate")
        verbose_name_plural = _("possible duplicates")
        constraints = [
            models.UniqueConstraint(
                fields=["lead", "other"], name="duplicate_pair_once"
            ),
            models.CheckConstraint(
                condition=Q(lead__lt=F("other")), name="duplicate_pair_ordered"
            ),
        ]
        indexes = [
            models.Index(
                fields=["account", "lead"],
                condition=Q(dismissed_at__isnull=True),
                name="duplicate_open_by_lead_idx",
            ),
            models.Index(
                fields=["other"],
                condition=Q(dismissed_at__isnull=True),
                name="duplicate_open_by_other_idx",
            ),
        ]

    def __str__(self):
        return f"#{self.lead_id} ~ #{self.other_id}"

    @property
    def reason_texts(self) -> list[str]:
        return [reason_text(reason) for reason in self.reasons]


class ScanStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class DuplicateScan(models.Model):
    """A search of a whole dealership for groups of duplicates (a job)."""

    Status = ScanStatus

    account = models.ForeignKey(
        Account, models.CASCADE, verbose_name=_("dealership"), db_index=False
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("started by"),
    )
    created_at = models.DateTimeField(_("asked at"), default=timezone.now)
    status = models.CharField(
        _("status"), max_length=8, choices=ScanStatus, default=ScanStatus.WAITING
    )
    step = models.CharField(_("step"), max_length=100, blank=True)
    pairs_found = models.PositiveIntegerField(_("pairs found"), default=0)
    groups_found = models.PositiveIntegerField(_("groups found"), default=0)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    objects = DealershipScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("duplicate scan")
        verbose_name_plural = _("duplicate scans")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["account", "-created_at"], name="duplicate_scan_idx")
        ]
        constraints = [choices_check("status", ScanStatus)]

    def __str__(self):
        return _("Scan #%(id)s") % {"id": self.pk}
