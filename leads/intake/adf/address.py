"""The contact's <address> as Lead's address fields, its region and
country as the ISO codes Lead accepts."""

import functools
import unicodedata
from xml.etree.ElementTree import Element

import pycountry

from .reading import Reading, text_of

# Lead's lengths (leads/models/lead.py).
LINE_MAX = 255
CITY_MAX = 100
POSTAL_CODE_MAX = 16
# Lead.province holds Canadian and US codes only.
PROVINCE_COUNTRIES = ["CA", "US"]


def read_address(reading: Reading, address: Element) -> dict[str, str]:
    fields: dict[str, str] = {}
    streets = sorted(
        address.findall("street"), key=lambda street: street.get("line", "").strip()
    )
    lines = [street for street in streets if text_of(street)]
    apartment = address.find("apartment")
    if text_of(apartment):
        lines.append(apartment)
    for field, element in zip(["address_line1", "address_line2"], lines, strict=False):
        if len(text_of(element)) <= LINE_MAX:
            fields[field] = text_of(element)
            reading.take(element, "line")
    for tag, field, max_length in [
        ("city", "city", CITY_MAX),
        ("postalcode", "postal_code", POSTAL_CODE_MAX),
    ]:
        element = address.find(tag)
        if text_of(element) and len(text_of(element)) <= max_length:
            fields[field] = text_of(element)
            reading.take(element)
    country_element = address.find("country")
    country = country_code(text_of(country_element))
    if country:
        fields["country"] = country
        reading.take(country_element)
    region = address.find("regioncode")
    province, province_country = province_code(text_of(region), country)
    if province:
        fields["province"] = province
        fields.setdefault("country", province_country)
        reading.take(region)
    return fields


def country_code(text: str) -> str:
    """The ISO code of a country written "CA", "CAN" or "Canada"; "" when
    ISO knows no such country."""
    if not text:
        return ""
    try:
        return pycountry.countries.lookup(text.strip()).alpha_2
    except LookupError:
        return ""


def province_code(text: str, country: str) -> tuple[str, str]:
    """A region's code and country ("QC", "Québec" as ("QC", "CA")), only
    where it belongs to the country given; ("", "") when none fits."""
    if not text:
        return "", ""
    wanted = _folded(text)
    countries = [country] if country else PROVINCE_COUNTRIES
    for code, name, in_country in _provinces():
        if in_country in countries and wanted in (code.lower(), name):
            return code, in_country
    return "", ""


@functools.cache
def _provinces() -> list[tuple[str, str, str]]:
    """(code, folded English name, country) of every province and state."""
    return [
        (row.code.partition("-")[2], _folded(row.name), country)
        for country in PROVINCE_COUNTRIES
        for row in pycountry.subdivisions.get(country_code=country)
    ]


def _folded(text: str) -> str:
    """text without accents, in lower case: "Québec" is "quebec"."""
    decomposed = unicodedata.normalize("NFKD", text.strip())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
