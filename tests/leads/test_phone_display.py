"""Stored numbers shown as people dial them (leads/phone_display.py): the
text is phonenumbers.format_number's, however it is arrived at."""

import random
import re

import phonenumbers
import pytest
from django.utils.html import format_html
from phonenumbers import PhoneMetadata, PhoneNumberFormat, PhoneNumberType

from leads.admin.dialling import dial_link
from leads.phone_display import shown

DIGIT_GROUPS = re.compile(r"(?:\(\\d(?:\{\d+(?:,\d+)?\})?\))+")
DEALERSHIP_COUNTRIES = ["CA", "US", "FR", "GB", "IT", "AR", "DE", "JP"]


def format_numbers(number: str, region: str) -> str:
    """What phonenumbers itself shows: national for the region's code."""
    parsed = phonenumbers.parse(number, None)
    national = parsed.country_code == phonenumbers.country_code_for_region(region)
    style = PhoneNumberFormat.NATIONAL if national else PhoneNumberFormat.INTERNATIONAL
    return phonenumbers.format_number(parsed, style)


def every_example_number() -> list[str]:
    """phonenumbers' example of each type of number of each country, and
    three more of each with their last digits changed, in E.164."""
    examples = [
        phonenumbers.example_number_for_type(region, kind)
        for region in sorted(phonenumbers.SUPPORTED_REGIONS)
        for kind in vars(PhoneNumberType).values()
        if isinstance(kind, int)
    ]
    examples += [
        phonenumbers.example_number_for_non_geo_entity(code)
        for code in sorted(phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS)
    ]
    draw = random.Random(2026)
    numbers = []
    for example in filter(None, examples):
        e164 = phonenumbers.format_number(example, PhoneNumberFormat.E164)
        numbers.append(e164)
        for _ in range(3):
            size = draw.randint(1, 5)
            changed = "".join(draw.choice("0123456789") for _ in range(size))
            numbers.append(e164[:-size] + changed)
    return [number for number in numbers if _round_trips(number)]


def _round_trips(number: str) -> bool:
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.format_number(parsed, PhoneNumberFormat.E164) == number


def test_every_format_in_the_metadata_is_a_run_of_digit_groups():
    """What makes a layout depend on a number's length and first digits only,
    so that one learnt on probe numbers fits every number sharing them."""
    patterns = set()
    for code in phonenumbers.COUNTRY_CODE_TO_REGION_CODE:
        region = phonenumbers.region_code_for_country_code(code)
        metadata = PhoneMetadata.metadata_for_region_or_calling_code(code, region)
        formats = [*metadata.number_format, *(metadata.intl_number_format or ())]
        patterns |= {number_format.pattern for number_format in formats}

    assert patterns
    assert {p for p in patterns if not DIGIT_GROUPS.fullmatch(p)} == set()


@pytest.mark.parametrize(
    ("number", "region", "expected"),
    [
        ("+15816584257", "CA", "(581) 658-4257"),
        ("+15145551234", "CA", "(514) 555-1234"),
        ("+12125550123", "CA", "(212) 555-0123"),  # +1 dials +1 without it
        ("+33123456789", "CA", "+33 1 23 45 67 89"),
        ("+442079460958", "CA", "+44 20 7946 0958"),
        ("+33123456789", "FR", "01 23 45 67 89"),
        ("+15145551234", "FR", "+1 514-555-1234"),
    ],
)
def test_numbers_read_as_dialled_from_the_dealerships_country(number, region, expected):
    assert shown(number, region) == expected == format_numbers(number, region)


def test_every_example_number_reads_as_format_number_writes_it():
    numbers = every_example_number()

    differing = [
        (number, region)
        for number in numbers
        for region in DEALERSHIP_COUNTRIES
        if shown(number, region) != format_numbers(number, region)
    ]

    assert len(numbers) > 2000
    assert differing == []


def test_text_that_is_no_e164_number_is_shown_as_it_is():
    assert shown("+999123", "CA") == "+999123"  # no such country code
    assert shown("5145551234", "CA") == "5145551234"


@pytest.mark.parametrize(
    ("number", "region"),
    [("+15816584257", "CA"), ("+33123456789", "CA"), ('"><b>+1', "CA")],
)
def test_dial_link_is_the_markup_format_html_makes(number, region):
    expected = format_html('<a href="tel:{}">{}</a>', number, shown(number, region))

    assert dial_link(number, region) == expected
