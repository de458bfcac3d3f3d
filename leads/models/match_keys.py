"""The keys leads are matched on (leads/duplicates/), spelled once for
Python and once for SQL, where the contacts' generated columns hold them.

An email address's key is the address lowercased and trimmed; a Gmail
address's also drops the dots and `+tag` of its mailbox, which Gmail
ignores ("Marie.Roy+cars@Gmail.com" reaches marieroy@gmail.com). A VIN's
is the VIN uppercased and trimmed. Phones are E.164 already.
"""

from django.db.models import Case, CharField, F, Func, Value, When
from django.db.models.functions import Concat, Lower, Replace, Trim, Upper
from django.db.models.lookups import In

GMAIL_DOMAINS = ["gmail.com", "googlemail.com"]


def email_key(address: str) -> str:
    address = address.strip().lower()
    mailbox, _, domain = address.partition("@")
    if domain.partition("@")[0] in GMAIL_DOMAINS:
        return mailbox.partition("+")[0].replace(".", "") + "@gmail.com"
    return address


def vin_key(vin: str) -> str:
    return vin.strip().upper()


def _split_part(text, separator: str, number: int) -> Func:
    return Func(
        text,
        Value(separator),
        Value(number),
        function="split_part",
        output_field=CharField(),
    )


def email_key_expression():
    """email_key() in SQL, over LeadEmail.address."""
    address = Lower(Trim(F("address")))
    mailbox = _split_part(address, "@", 1)
    domain = _split_part(address, "@", 2)
    unplussed = _split_part(mailbox, "+", 1)
    gmail = Concat(Replace(unplussed, Value("."), Value("")), Value("@gmail.com"))
    return Case(When(In(domain, GMAIL_DOMAINS), then=gmail), default=address)


def vin_key_expression():
    """vin_key() in SQL, over LeadVehicle.vin."""
    return Upper(Trim(F("vin")))
