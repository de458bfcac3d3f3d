from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.constraints import choices_check
from accounts.models import Account
from accounts.tenancy import DealershipScopedQuerySet
from leads.models import Lead, choices


class IntakeChannel(models.Model):
    """Where a lead provider sends a dealership's leads: an HTTP path and an
    email address, both made from a secret (channel_secrets.py)."""

    account = models.ForeignKey(
        Account,
        models.PROTECT,
        verbose_name=_("dealership"),
        related_name="intake_channels",
    )
    provider = models.CharField(
        _("provider"),
        max_length=100,
        help_text=_("Who sends these leads (AutoTrader, Brand website): their source."),
    )
    division = models.CharField(
        _("division"), max_length=10, choices=choices.Division, blank=True
    )
    segment = models.CharField(
        _("segment"), max_length=12, choices=choices.Segment, blank=True
    )
    type = models.CharField(
        _("lead type"),
        max_length=12,
        choices=choices.Type,
        default=choices.Type.EMAIL,
    )
    secret_hash = models.CharField(max_length=64, unique=True, editable=False)
    secret_hint = models.CharField(_("secret"), max_length=8, editable=False)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    objects = DealershipScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("intake channel")
        verbose_name_plural = _("intake channels")
        ordering = ["provider", "id"]
        constraints = [
            choices_check("division", choices.Division, blank=True),
            choices_check("segment", choices.Segment, blank=True),
            choices_check("type", choices.Type),
        ]

    def __str__(self):
        return f"{self.provider} ({self.secret_hint}…)"


class DocumentVia(models.TextChoices):
    HTTP = "http", _("HTTP")
    EMAIL = "email", _("Email")


class DocumentStatus(models.TextChoices):
    RECEIVED = "received", _("Received, not read yet")
    READ = "read", _("Read")
    REJECTED = "rejected", _("Rejected, to review")


class DocumentQuerySet(DealershipScopedQuerySet):
    def waiting_for_review(self) -> "DocumentQuerySet":
        return self.filter(status=DocumentStatus.REJECTED)


class IntakeDocument(models.Model):
    """A document as it came, kept before it is read: nothing a provider
    sent is lost to a bug of the reader, a crash or a bad document."""

    Via = DocumentVia
    Status = DocumentStatus

    channel = models.ForeignKey(
        IntakeChannel,
        models.PROTECT,
        verbose_name=_("channel"),
        related_name="documents",
    )
    # The channel's, copied: tenancy without a join, kept if channels move.
    account = models.ForeignKey(
        Account,
        models.PROTECT,
        verbose_name=_("dealership"),
        related_name="intake_documents",
        db_index=False,
    )
    via = models.CharField(_("via"), max_length=5, choices=DocumentVia)
    received_at = models.DateTimeField(_("received at"), default=timezone.now)
    sender = models.CharField(_("sender"), max_length=254, blank=True)
    content_type = models.CharField(_("content type"), max_length=255, blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    raw = models.BinaryField(_("as received"))
    corrected = models.TextField(
        _("corrected XML"),
        blank=True,
        help_text=_("Read instead of the document as received when set."),
    )
    status = models.CharField(
        _("status"),
        max_length=8,
        choices=DocumentStatus,
        default=DocumentStatus.RECEIVED,
    )
    reason = models.TextField(_("why rejected"), blank=True)
    notes = models.JSONField(
        _("reading notes"),
        default=list,
        blank=True,
        help_text=_("Repairs made, values not used, tags not mapped."),
    )
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("intake document")
        verbose_name_plural = _("intake documents")
        ordering = ["-received_at", "-id"]
        constraints = [
            choices_check("via", DocumentVia),
            choices_check("status", DocumentStatus),
        ]
        indexes = [
            models.Index(
                fields=["account", "-received_at"], name="intake_doc_account_idx"
            ),
            models.Index(
                fields=["account", "status"],
                condition=Q(status="rejected"),
                name="intake_doc_review_idx",
            ),
        ]

    def __str__(self):
        return _("Document #%(id)s") % {"id": self.pk}


class IntakeLead(models.Model):
    """A lead made from one prospect of a document. The provider's own lead
    id, unique per channel, makes a resend or a retry no second lead."""

    document = models.ForeignKey(
        IntakeDocument,
        models.CASCADE,
        verbose_name=_("document"),
        related_name="intake_leads",
    )
    channel = models.ForeignKey(
        IntakeChannel, models.PROTECT, verbose_name=_("channel"), db_index=False
    )
    provider_key = models.CharField(_("provider's lead id"), max_length=255)
    lead = models.ForeignKey(
        Lead,
        models.SET_NULL,
        verbose_name=_("lead"),
        related_name="intake_records",
        null=True,
    )

    class Meta:
        verbose_name = _("lead from intake")
        verbose_name_plural = _("leads from intake")
        constraints = [
            models.UniqueConstraint(
                fields=["channel", "provider_key"], name="intake_lead_once_per_channel"
            ),
        ]

    def __str__(self):
        return self.provider_key
