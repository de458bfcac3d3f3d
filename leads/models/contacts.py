"""A lead's contact data: its email addresses and phone numbers."""

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.db import models
from django.db.models import Case, Q, Value, When
from django.db.models.functions import Length, Lower, Substr
from django.db.models.lookups import EndsWith, Exact, GreaterThanOrEqual, In, StartsWith
from django.utils.translation import gettext_lazy as _

from accounts.constraints import choices_check
from leads import phones

from . import choices
from .children import LeadChild
from .match_keys import email_key_expression

# What agents type when a customer will not give an address. Such an
# address is kept (it records the refusal) but is not valid for sending.
PLACEHOLDER_MAILBOXES = [
    "no",
    "non",
    "none",
    "noemail",
    "nomail",
    "aucun",
    "na",
    "test",
]
PLACEHOLDER_DOMAINS = [
    "example.com",
    "example.org",
    "example.net",
    "noemail.com",
    "none.com",
]


class PhoneNumberField(models.CharField):
    """A phone number stored in E.164.

    Reading what people type needs the dealership's country and fills the
    extension too, so forms and serializers do it (leads.phones.read); this
    field accepts E.164 as stored, or a number with its country code.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 16)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        # Stored numbers pass as they are: one stored before phonenumbers
        # read them, which it refuses (reported by
        # leads/migrations/0005_renormalise_phone_numbers.py), must not stop
        # its lead from being saved.
        if not value or phones.E164.fullmatch(value):
            return value
        try:
            return phones.normalize(value, region=None)
        except phones.InvalidNumber as error:
            raise ValidationError(error.message, code="invalid") from None

    def formfield(self, **kwargs):
        # Typed numbers are longer than stored ones: "(514) 555-1234 x12".
        return super().formfield(**{"max_length": phones.TYPED_MAX_LENGTH, **kwargs})


def _is_placeholder_email():
    address = Lower("address")
    condition = Q()
    for mailbox in PLACEHOLDER_MAILBOXES:
        condition |= Q(StartsWith(address, f"{mailbox}@"))
    for domain in PLACEHOLDER_DOMAINS:
        condition |= Q(EndsWith(address, f"@{domain}"))
    return condition


def _is_plausible_phone():
    """NANP numbers need real area and exchange codes; others a sane length."""
    nanp = Q(number__startswith="+1")
    real_nanp = (
        Exact(Length("number"), 12)
        & ~Q(In(Substr("number", 3, 1), ["0", "1"]))
        & ~Q(In(Substr("number", 6, 1), ["0", "1"]))
        # 555-0100 to 555-0199 are reserved for fiction.
        & ~Q(Exact(Substr("number", 6, 5), "55501"))
    )
    return (nanp & real_nanp) | (~nanp & Q(GreaterThanOrEqual(Length("number"), 9)))


def _flag(condition):
    return Case(When(condition, then=Value(True)), default=Value(False))


class LeadEmail(LeadChild):
    Type = choices.EmailType

    lead = models.ForeignKey(
        "leads.Lead",
        models.CASCADE,
        verbose_name=_("lead"),
        related_name="emails",
        # The (lead, type) unique constraint's index serves lookups by lead.
        db_index=False,
    )
    address = models.CharField(
        _("address"), max_length=254, validators=[EmailValidator()]
    )
    type = models.CharField(_("type"), max_length=4, choices=choices.EmailType)
    # Computed by the database, so no write path can get it wrong.
    valid = models.GeneratedField(
        expression=_flag(~_is_placeholder_email()),
        output_field=models.BooleanField(_("valid")),
        db_persist=True,
    )
    # What another lead's address must equal to be the same customer's.
    match_key = models.GeneratedField(
        expression=email_key_expression(),
        output_field=models.CharField(_("matching key"), max_length=254),
        db_persist=True,
    )

    class Meta:
        verbose_name = _("email")
        verbose_name_plural = _("emails")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["lead", "type"],
                name="leads_leademail_one_per_type",
                violation_error_message=_(
                    "This lead already has an email of this type."
                ),
            ),
            choices_check("type", choices.EmailType),
            models.CheckConstraint(
                condition=Q(address__contains="@"),
                name="leads_leademail_address_valid",
                violation_error_message=_("Enter a valid email address."),
            ),
        ]
        indexes = [
            # Django's iexact compiles to UPPER(address) = UPPER(%s).
            models.Index(
                models.functions.Upper("address"), name="lead_email_address_idx"
            ),
            models.Index(fields=["match_key"], name="lead_email_match_key_idx"),
        ]

    def __str__(self):
        return self.address


class LeadPhone(LeadChild):
    Type = choices.PhoneType

    lead = models.ForeignKey(
        "leads.Lead",
        models.CASCADE,
        verbose_name=_("lead"),
        related_name="phones",
        # The (lead, type) unique constraint's index serves lookups by lead.
        db_index=False,
    )
    number = PhoneNumberField(
        _("number"), help_text=_("Stored in E.164: +15145551234.")
    )
    extension = models.PositiveIntegerField(_("extension"), null=True, blank=True)
    type = models.CharField(_("type"), max_length=6, choices=choices.PhoneType)
    valid = models.GeneratedField(
        expression=_flag(_is_plausible_phone()),
        output_field=models.BooleanField(_("valid")),
        db_persist=True,
    )

    class Meta:
        verbose_name = _("phone")
        verbose_name_plural = _("phones")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["lead", "type"],
                name="leads_leadphone_one_per_type",
                violation_error_message=_(
                    "This lead already has a phone of this type."
                ),
            ),
            choices_check("type", choices.PhoneType),
            models.CheckConstraint(
                condition=Q(number__regex=phones.E164_PATTERN),
                name="leads_leadphone_number_e164",
                violation_error_message=_("The number format is invalid."),
            ),
        ]
        indexes = [
            # E.164 is the number's digits behind a "+": searches in any
            # format are normalised to it and match on this index.
            models.Index(fields=["number"], name="lead_phone_number_idx"),
        ]

    def __str__(self):
        return self.number
