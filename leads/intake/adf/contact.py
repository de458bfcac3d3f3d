"""The customer's <contact>: names, email addresses and phones, as values
for Lead, LeadEmail and LeadPhone."""

import re
from typing import NamedTuple
from xml.etree.ElementTree import Element

from .address import read_address
from .names import split_full_name
from .reading import Reading, attribute, text_of

# Lead's lengths (leads/models/lead.py), LeadEmail's and what a typed
# phone number may be (leads/phones.py, TYPED_MAX_LENGTH).
NAME_MAX = 100
BUSINESS_NAME_MAX = 255
ADDRESS_MAX = 254
PHONE_MAX = 64
# The spellings of mobile and work lines seen in feeds, as LeadPhone's
# types. Any other type (none, ADF's "voice", "phone", "home", one never
# seen) is a line to call at home; fax and pager are not called, so they
# stay in Prospect.unmapped.
PHONE_TYPES = {
    "cellphone": "mobile",
    "cell": "mobile",
    "cellular": "mobile",
    "mobile": "mobile",
    "work": "work",
    "office": "work",
    "business": "work",
}
NOT_CALLED = {"fax", "facsimile", "pager"}
EMAIL_TYPES = ["home", "work"]
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+")
_DIGITS = re.compile(r"\D")


class Contact(NamedTuple):
    lead: dict[str, object]
    emails: list[dict]
    phones: list[dict]


def read_contact(reading: Reading, contact: Element) -> Contact:
    lead: dict[str, object] = {}
    _read_names(reading, contact, lead)
    address = contact.find("address")
    if address is not None:
        lead.update(read_address(reading, address))
    return Contact(lead, _read_emails(reading, contact), _read_phones(reading, contact))


def _put(lead: dict, field: str, value: str, max_length: int) -> bool:
    """Set lead[field] unless it is set, or value is empty or too long."""
    if field in lead or not value or len(value) > max_length:
        return False
    lead[field] = value
    return True


def _read_names(reading: Reading, contact: Element, lead: dict) -> None:
    """Parts first, then a full name for what they left empty."""
    full_names = []
    for name in contact.findall("name"):
        value = text_of(name)
        part, kind = attribute(name, "part"), attribute(name, "type")
        if kind == "business":
            if _put(lead, "business_name", value, BUSINESS_NAME_MAX):
                lead["business"] = True
                reading.take(name, "part", "type")
        elif part == "first":
            if _put(lead, "first_name", value, NAME_MAX):
                reading.take(name, "part", "type")
        elif part in ("last", "surname"):
            if _put(lead, "last_name", value, NAME_MAX):
                reading.take(name, "part", "type")
        elif part in ("full", "") and kind in ("full", "individual", ""):
            full_names.append(name)
        # A middle name has no field: Prospect.unmapped keeps it.
    for name in full_names:
        if "first_name" in lead or "last_name" in lead:
            break
        civility, first, last = split_full_name(text_of(name))
        if len(first) > NAME_MAX or len(last) > NAME_MAX or not (first or last):
            continue
        _put(lead, "first_name", first, NAME_MAX)
        _put(lead, "last_name", last, NAME_MAX)
        if civility:
            lead["civility"] = civility
        reading.take(name, "part", "type")


def _read_emails(reading: Reading, contact: Element) -> list[dict]:
    """One address of each type: one typed home or work keeps its type,
    the others take the first type still free, home then work."""
    emails: dict[str, str] = {}
    for element in contact.findall("email"):
        address = text_of(element).removeprefix("mailto:").strip("<> ")
        if not _EMAIL.fullmatch(address) or len(address) > ADDRESS_MAX:
            continue
        if address.lower() in (known.lower() for known in emails.values()):
            reading.take(element, "type")  # the same address again
            continue
        wanted = attribute(element, "type")
        if wanted in EMAIL_TYPES:
            kind = None if wanted in emails else wanted
        else:
            kind = next((kind for kind in EMAIL_TYPES if kind not in emails), None)
        if kind:
            emails[kind] = address
            reading.take(element, "type")
    return [{"address": address, "type": kind} for kind, address in emails.items()]


def _read_phones(reading: Reading, contact: Element) -> list[dict]:
    """One number of each type, the first met; as written: the caller reads
    it in the dealership's country."""
    phones: dict[str, str] = {}
    seen = set()
    for element in contact.findall("phone"):
        number = text_of(element)
        digits = _DIGITS.sub("", number)
        written_type = attribute(element, "type")
        kind = PHONE_TYPES.get(written_type, "home")
        if not digits or written_type in NOT_CALLED or len(number) > PHONE_MAX:
            continue
        if digits in seen:
            reading.take(element, "type")  # the same number again
            continue
        if kind not in phones:
            phones[kind] = number
            seen.add(digits)
            reading.take(element, "type")
    return [{"number": number, "type": kind} for kind, number in phones.items()]
