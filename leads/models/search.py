"""What a lead search matches, in the admin's search box and the API's
/leads/search alike: names, contact data, VIN and service orders.

Every word must match some field, so "marie tremblay" finds Marie Tremblay
and a quoted "marie tremblay" a field holding both words. A phone number
typed in any format (read in the searcher's dealership's country when it has
no country code) is looked up exactly on the numbers' index, and a word of
four or more digits matches the numbers that contain them. Contact data and
vehicles are matched with EXISTS subqueries rather than joins, so a lead with
two matching emails is found once without DISTINCT.
"""

import re
from functools import reduce
from operator import and_

from django.db.models import Exists, OuterRef, Q
from django.utils.text import smart_split, unescape_string_literal

from .. import phones
from .contacts import LeadEmail, LeadPhone
from .vehicles import LeadVehicle

LEAD_TEXT_FIELDS = [
    "first_name",
    "last_name",
    "second_contact",
    "business_name",
    "work_order",
    "repair_order",
]
# What people type for a phone number: digits and the usual punctuation.
PHONE_LIKE = re.compile(r"\+?[\d\s().-]+")
# Fewer digits than this match too many numbers to be a useful search.
MIN_PHONE_DIGITS = 4


def _has(model, **lookups) -> Exists:
    return Exists(model.objects.filter(lead=OuterRef("pk"), **lookups))


def _word_matches(word: str, region: str) -> Q:
    matches = Q(
        _has(LeadEmail, address__icontains=word),
        _has(LeadVehicle, vin__icontains=word),
        _connector=Q.OR,
    )
    for field in LEAD_TEXT_FIELDS:
        matches |= Q(**{f"{field}__icontains": word})
    digits = phones.search_digits(word, region) if PHONE_LIKE.fullmatch(word) else ""
    if len(digits) >= MIN_PHONE_DIGITS:
        # "marie 5550101": a name and part of her number.
        matches |= Q(_has(LeadPhone, number__contains=digits))
    return matches


def _phone_matches(term: str, region: str) -> Q | None:
    """Numbers in E.164 matching a number typed in any format, or None."""
    if not PHONE_LIKE.fullmatch(term):
        return None
    try:
        # A whole number is looked up exactly, on the number's index.
        return Q(_has(LeadPhone, number=phones.normalize(term, region)))
    except phones.InvalidNumber:
        pass
    digits = phones.search_digits(term, region)
    if len(digits) < MIN_PHONE_DIGITS:
        return None
    return Q(_has(LeadPhone, number__contains=digits))


def matching(text: str, *, region: str) -> Q | None:
    """What a lead matching `text` satisfies; None when `text` is blank."""
    text = text.strip()
    words = [_unquote(word) for word in smart_split(text)]
    if not words:
        return None
    matches = reduce(and_, (_word_matches(word, region) for word in words))
    phone = _phone_matches(text, region)
    if phone is not None:
        matches |= phone
    return matches


def _unquote(word: str) -> str:
    # "Marie Tremblay" in quotes is one word, as in Django's own search.
    if len(word) > 1 and word[0] in "\"'" and word[-1] == word[0]:
        return unescape_string_literal(word)
    return word
