"""Stored numbers shown as people dial them, fast enough for the lead list.

A number with the dealership's country code is shown in its national
format, "(581) 658-4257", the way it is dialled there; any other in
international format, "+33 1 23 45 67 89". The countries of +1 (Canada,
the US, the Caribbean) dial one another without it, as phonenumbers'
format_out_of_country_calling_number has it for regions sharing a code.

The text is phonenumbers.format_number's, without its cost on every row
(about 7 us a number, 1 ms a page of 100 leads; parsing E.164 first would
double it). Within one country code the format phonenumbers picks depends
only on the national number's length and its first few digits, as many as
its formats' leading-digit patterns can match (3 for +1's area codes, 2
for France), since each format pattern is a run of digit groups
(tests/leads/test_phone_display.py checks both over all the metadata).
So each (code, format, length, first digits) is laid out once, by
format_number itself on two probe numbers whose other digits differ, and
every number sharing it is its digits poured into that layout: about 1 us.
"""

import functools
import re._parser  # the stdlib's own regex parser: how far a pattern reaches

import phonenumbers
from phonenumbers import PhoneMetadata, PhoneNumber, PhoneNumberFormat

COUNTRY_CODES = frozenset(phonenumbers.COUNTRY_CODE_TO_REGION_CODE)
# The probes' other digits: distinct, and each differs between the two, so
# where a digit lands in the output is where that position goes.
PROBE = "0123456789"
SHIFTED = "1234567890"


def shown(number: str, region: str) -> str:
    """`number` (E.164) as dialled from `region` (a country, ISO alpha-2)."""
    found = _country_code(number[1:4]) if number[:1] == "+" else None
    if found is None:
        return number
    code, size = found
    national = number[1 + size :]
    international = code != _home_code(region)
    lead = _lead(code)
    layout = _layout(code, international, len(national), national[:lead])
    if layout is None:
        return formatted(code, national, international)
    return layout.format(*national[lead:])


def formatted(code: int, national: str, international: bool) -> str:
    """phonenumbers' own formatting of +`code` `national`, from E.164's
    parts rather than by parsing."""
    zeros = len(national) - len(str(int(national)))
    number = PhoneNumber(
        country_code=code,
        national_number=int(national),
        # How phonenumbers.parse keeps an Italian-style leading 0.
        italian_leading_zero=True if zeros else None,
        number_of_leading_zeros=zeros if zeros > 1 else None,
    )
    style = (
        PhoneNumberFormat.INTERNATIONAL if international else PhoneNumberFormat.NATIONAL
    )
    return phonenumbers.format_number(number, style)


@functools.cache
def _country_code(head: str) -> tuple[int, int] | None:
    """The country code E.164 digits `head` start with, and its length;
    codes are prefix-free, so the shortest match is the one."""
    for size in (1, 2, 3):
        if head[:size].isdigit() and int(head[:size]) in COUNTRY_CODES:
            return int(head[:size]), size
    return None


@functools.cache
def _home_code(region: str) -> int:
    return phonenumbers.country_code_for_region(region)


@functools.cache
def _lead(code: int) -> int:
    """How many leading digits of a national number can decide which of
    its country code's formats applies."""
    region = phonenumbers.region_code_for_country_code(code)
    metadata = PhoneMetadata.metadata_for_region_or_calling_code(code, region)
    formats = [*metadata.number_format, *(metadata.intl_number_format or ())]
    # phonenumbers matches the last, most detailed, leading-digit pattern.
    patterns = [
        f.leading_digits_pattern[-1] for f in formats if f.leading_digits_pattern
    ]
    return max((re._parser.parse(p).getwidth()[1] for p in patterns), default=0)


@functools.lru_cache(maxsize=4096)
def _layout(code: int, international: bool, length: int, prefix: str) -> str | None:
    """A str.format template placing the digits after `prefix` where
    format_number places them; None if the probes show no such layout."""
    free = length - len(prefix)
    if free > len(PROBE):
        return None
    first = formatted(code, prefix + PROBE[:free], international)
    second = formatted(code, prefix + SHIFTED[:free], international)
    if len(first) != len(second):
        return None
    pieces, places = [], []
    for shown_first, shown_second in zip(first, second, strict=True):
        if shown_first == shown_second:
            pieces.append(shown_first.replace("{", "{{").replace("}", "}}"))
            continue
        place = PROBE.find(shown_first)
        if place < 0 or SHIFTED[place] != shown_second:
            return None
        pieces.append(f"{{{place}}}")
        places.append(place)
    # Each digit once, in order: what a run of digit groups gives.
    if places != list(range(free)):
        return None
    return "".join(pieces)
