"""Countries, provinces and languages from pycountry: the codes the database
checks hold, and names that follow the active language."""

import pytest
from django.utils import translation

from accounts.constraints import CANADIAN_PROVINCES, US_STATES
from accounts.iso_choices import Country, Language, Province

# The lists the database checks held before pycountry supplied them; a new
# pycountry release that changes them needs a migration of both apps.
CANADA = ["AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"]
UNITED_STATES = [
    "AK", "AL", "AR", "AS", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "GU", "HI",
    "IA", "ID", "IL", "IN", "KS", "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MP",
    "MS", "MT", "NC", "ND", "NE", "NH", "NJ", "NM", "NV", "NY", "OH", "OK", "OR", "PA",
    "PR", "RI", "SC", "SD", "TN", "TX", "UM", "UT", "VA", "VI", "VT", "WA", "WI", "WV",
    "WY",
]  # fmt: skip


def test_provinces_are_the_canadian_and_us_codes_as_before():
    assert CANADIAN_PROVINCES == CANADA
    assert US_STATES == UNITED_STATES
    assert Province.values == CANADA + UNITED_STATES


def test_countries_are_every_iso_3166_1_code_in_code_order():
    assert len(Country.values) == 249
    assert Country.values == sorted(Country.values)
    assert {"CA", "US", "FR", "MX", "PM", "AX"} <= set(Country.values)
    # Kosovo's XK is a code ISO leaves to users, not an assigned one.
    assert "XK" not in Country.values


def test_languages_are_every_iso_639_1_code_in_code_order():
    assert len(Language.values) == 184
    assert Language.values == sorted(Language.values)
    assert {"en", "fr", "es", "iu", "cr"} <= set(Language.values)


ENGLISH_AND_FRENCH = [
    (Country.CA, "Canada", "Canada"),
    (Country.US, "United States", "États-Unis"),
    (Country.DE, "Germany", "Allemagne"),
    (Province.QC, "Quebec (CA)", "Québec (CA)"),
    (Province.CA, "California (US)", "Californie (US)"),
    (Language.fr, "French", "Français"),
]


@pytest.mark.parametrize(
    ("member", "english", "french"),
    ENGLISH_AND_FRENCH,
    ids=[f"{type(member).__name__}.{member}" for member, *_ in ENGLISH_AND_FRENCH],
)
def test_names_follow_the_active_language(member, english, french):
    with translation.override("en"):
        assert member.label == english
    with translation.override("fr"):
        assert member.label == french


def test_names_without_an_active_language_are_isos_english_ones():
    """What makemigrations records: no migration when the language changes."""
    with translation.override(None):
        assert Country.US.label == "United States"
        assert Province.QC.label == "Quebec (CA)"
