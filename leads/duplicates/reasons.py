"""Why two leads may be the same customer, in words: a reason is kept as
"rule:value" ("email:marie@roy.ca") and read in the reader's language."""

from django.utils.translation import gettext_lazy as _

REASONS = {
    "email": _("same email (%(value)s)"),
    "vin": _("same VIN (%(value)s)"),
    "phone": _("same phone (%(value)s) and names that agree"),
    "provider": _("same provider (%(value)s) within 30 days"),
}


def reason_text(reason: str) -> str:
    """A kept reason ("email:marie@roy.ca") in words."""
    rule, _colon, value = reason.partition(":")
    return REASONS[rule] % {"value": value}
