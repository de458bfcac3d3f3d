"""The record of each CSV import: the file as it came, who sent it, how its
columns were mapped, how far the job got and what it made; and the rows
that made no lead, with why."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.constraints import choices_check
from accounts.models import Account
from accounts.tenancy import DealershipScopedQuerySet
from leads.models import Lead


class ImportStatus(models.TextChoices):
    UPLOADED = "uploaded", _("Waiting for the mapping")
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Importing")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


# leads.imports.reading's codec names.
ENCODING_NAMES = {"utf-8-sig": "UTF-8", "cp1252": "Windows-1252", "latin-1": "Latin-1"}


class LeadImport(models.Model):
    """One CSV file of leads sent by a manager, and what became of it.

    It is also the audit of the leads it created: COPY sends no signals, so
    django-auditlog records none of them; `lead_ids` names them instead.
    """

    Status = ImportStatus

    created_at = models.DateTimeField(
        _("created at"), default=timezone.now, editable=False
    )
    # Where the leads go, whatever the file says.
    account = models.ForeignKey(
        Account,
        models.PROTECT,
        verbose_name=_("dealership"),
        related_name="lead_imports",
        db_index=False,
    )
    # PROTECT: staff are deactivated, not deleted, so the record keeps who.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        verbose_name=_("user"),
        related_name="lead_imports",
    )
    file = models.FileField(_("file"), upload_to="lead-imports/%Y/%m/")
    filename = models.CharField(_("file name"), max_length=255)
    encoding = models.CharField(_("encoding"), max_length=16)
    delimiter = models.CharField(_("delimiter"), max_length=1)
    header = models.JSONField(_("header"), default=list)
    # One target key of leads.imports.columns per column of the header; an
    # empty one ignores its column.
    mapping = models.JSONField(_("mapping"), default=list)
    default_type = models.CharField(
        _("type of leads whose row gives none"),
        max_length=12,
        choices=Lead.Type,
        blank=True,
    )
    all_or_nothing = models.BooleanField(
        _("all or nothing"),
        default=False,
        help_text=_("Create no lead at all if any row is rejected."),
    )
    skip_duplicates = models.BooleanField(
        _("skip duplicates"),
        default=False,
        help_text=_("Skip a row whose email an earlier row of the file has."),
    )
    # The manager's language, in which the job words the rejections.
    language = models.CharField(_("language"), max_length=8, default="en")
    status = models.CharField(
        _("status"),
        max_length=8,
        choices=ImportStatus,
        default=ImportStatus.UPLOADED,
    )
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    rows_done = models.PositiveIntegerField(_("rows done"), default=0)
    created_count = models.PositiveIntegerField(_("created"), default=0)
    skipped_count = models.PositiveIntegerField(_("skipped"), default=0)
    rejected_count = models.PositiveIntegerField(_("rejected"), default=0)
    # [first, last] id ranges of the leads created.
    lead_ids = models.JSONField(_("leads created"), default=list)
    error = models.TextField(_("error"), blank=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    objects = DealershipScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("lead import")
        verbose_name_plural = _("lead imports")
        ordering = ["-created_at", "-id"]
        permissions = [("import_lead", _("Can import leads from CSV"))]
        indexes = [
            models.Index(
                fields=["account", "-created_at"], name="lead_import_account_idx"
            ),
        ]
        constraints = [choices_check("status", ImportStatus)]

    def __str__(self):
        return _("Import #%(id)s") % {"id": self.pk}

    @property
    def encoding_name(self) -> str:
        """The encoding as people name it."""
        return ENCODING_NAMES.get(self.encoding, self.encoding)

    @property
    def is_finished(self) -> bool:
        return self.status in (ImportStatus.DONE, ImportStatus.FAILED)


class UnimportedRow(models.Model):
    """A row of an imported file that made no lead: rejected, with what is
    wrong in it, or skipped as a duplicate of an earlier row."""

    lead_import = models.ForeignKey(
        LeadImport,
        models.CASCADE,
        verbose_name=_("lead import"),
        related_name="unimported_rows",
        # The (lead_import, row_number) index serves lookups by import.
        db_index=False,
    )
    # As a spreadsheet numbers it: the header is row 1.
    row_number = models.PositiveIntegerField(_("row"))
    skipped = models.BooleanField(_("skipped"), default=False)
    reason = models.TextField(_("reason"))
    cells = models.JSONField(_("cells"))

    class Meta:
        verbose_name = _("row not imported")
        verbose_name_plural = _("rows not imported")
        ordering = ["lead_import", "row_number"]
        indexes = [
            models.Index(
                fields=["lead_import", "row_number"], name="unimported_row_idx"
            ),
        ]

    def __str__(self):
        return f"{self.lead_import_id}:{self.row_number}"
