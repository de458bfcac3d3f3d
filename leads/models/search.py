"""The lead list's search box: names, contact data, VIN and service orders.

Contact data and vehicles are matched with EXISTS subqueries rather than
joins, so a lead with two matching emails is listed once without DISTINCT.
"""

import re
from functools import reduce
from operator import and_

from django.db.models import Exists, OuterRef, Q
from django.utils.text import smart_split, unescape_string_literal

from .. import phones
from ..models import LeadEmail, LeadPhone, LeadQuerySet, LeadVehicle

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


def _word_matches(word: str) -> Q:
    matches = Q(
        _has(LeadEmail, address__icontains=word),
        _has(LeadVehicle, vin__icontains=word),
        _connector=Q.OR,
    )
    for field in LEAD_TEXT_FIELDS:
        matches |= Q(**{f"{field}__icontains": word})
    return matches


def _phone_matches(term: str) -> Q | None:
    """Numbers in E.164 matching a number typed in any format, or None."""
    if not PHONE_LIKE.fullmatch(term):
        return None
    try:
        # A whole number is looked up exactly, on the number's index.
        return Q(_has(LeadPhone, number=phones.normalize(term)))
    except ValueError:
        pass
    digits = phones.search_digits(term)
    if len(digits) < MIN_PHONE_DIGITS:
        return None
    return Q(_has(LeadPhone, number__contains=digits))


def search_leads(leads: LeadQuerySet, term: str) -> LeadQuerySet:
    """Leads where every word matches a field, or whose phone is `term`."""
    term = term.strip()
    words = [_unquote(word) for word in smart_split(term)]
    if not words:
        return leads
    matches = reduce(and_, (_word_matches(word) for word in words))
    phone = _phone_matches(term)
    if phone is not None:
        matches |= phone
    return leads.filter(matches)


def _unquote(word: str) -> str:
    # "Marie Tremblay" in quotes is one word, as in Django's own search.
    if len(word) > 1 and word[0] in "\"'" and word[-1] == word[0]:
        return unescape_string_literal(word)
    return word
