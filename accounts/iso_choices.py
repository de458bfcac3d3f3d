"""Countries, Canadian and US provinces and languages as model choices, from
pycountry: ISO 3166-1 alpha-2, ISO 3166-2 and ISO 639-1 codes.

The stored values are the codes. The labels are ISO's English names, which
the migrations record, translated when shown into the active language by the
gettext catalogues pycountry ships (Debian's iso-codes), not by ours.
"""

import functools
import gettext

import pycountry
from django.db import models
from django.utils.functional import lazy
from django.utils.translation import get_language, to_locale

# The dealerships this product serves are North American.
PROVINCE_COUNTRIES = ["CA", "US"]


@functools.cache
def _catalogue(domain: str, language: str) -> gettext.NullTranslations:
    """One of pycountry's catalogues, read once per language."""
    return gettext.translation(
        domain, pycountry.LOCALES_DIR, languages=[to_locale(language)], fallback=True
    )


def _translate(domain: str, name: str, suffix: str = "") -> str:
    language = get_language()
    # None while translations are off, as makemigrations runs: the English
    # name, so the migrations' labels stay ISO's.
    if language is not None:
        name = _catalogue(domain, language).gettext(name)
    return name + suffix


_lazy_name = lazy(_translate, str)


def _country_name(country) -> str:
    # "Bolivia" rather than "Bolivia, Plurinational State of": ISO's common
    # name where it gives one, as people say it.
    return getattr(country, "common_name", None) or country.name


def subdivisions(country: str) -> list[tuple[str, str]]:
    """(code without the country prefix, English name) of a country's ISO
    3166-2 subdivisions, by code."""
    rows = pycountry.subdivisions.get(country_code=country)
    return sorted((row.code.removeprefix(f"{country}-"), row.name) for row in rows)


# Members are (name, (value, label)), the functional form of TextChoices.

Country = models.TextChoices(
    "Country",
    [
        (row.alpha_2, (row.alpha_2, _lazy_name("iso3166-1", _country_name(row))))
        for row in sorted(pycountry.countries, key=lambda row: row.alpha_2)
    ],
)

# A province's code alone does not say its country (CA is also California),
# so its label does.
Province = models.TextChoices(
    "Province",
    [
        (code, (code, _lazy_name("iso3166-2", name, f" ({country})")))
        for country in PROVINCE_COUNTRIES
        for code, name in subdivisions(country)
    ],
)

# ISO 639's reference names: its one common name, "Bangla" for Bengali, is
# missing from the catalogues.
Language = models.TextChoices(
    "Language",
    [
        (row.alpha_2, (row.alpha_2, _lazy_name("iso639-3", row.name)))
        for row in sorted(
            (row for row in pycountry.languages if hasattr(row, "alpha_2")),
            key=lambda row: row.alpha_2,
        )
    ],
)
