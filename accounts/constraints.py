"""Database checks shared by the models that hold enums and addresses.

Choices alone are a form-level rule; these make the database refuse a value
outside the list whatever path wrote it (admin, API, shell, raw SQL).
"""

from django.db import models
from django.db.models import Q

from .iso_choices import subdivisions

CANADIAN_PROVINCES = [code for code, _name in subdivisions("CA")]
# States, the District of Columbia and the outlying areas.
US_STATES = [code for code, _name in subdivisions("US")]


def choices_check(field: str, choices, *, blank: bool = False, null: bool = False):
    """A CheckConstraint limiting `field` to the values of `choices`."""
    condition = Q(**{f"{field}__in": choices.values})
    if blank:
        condition |= Q(**{field: ""})
    if null:
        condition |= Q(**{f"{field}__isnull": True})
    return models.CheckConstraint(
        condition=condition,
        name=f"%(app_label)s_%(class)s_{field}_valid",
        violation_error_message=f"{field} is not one of the allowed values.",
    )


def province_matches_country_check():
    """A province must exist and, when the country is set, belong to it."""
    return models.CheckConstraint(
        condition=Q(province="")
        | Q(province__in=CANADIAN_PROVINCES, country__in=["CA", ""])
        | Q(province__in=US_STATES, country__in=["US", ""]),
        name="%(app_label)s_%(class)s_province_in_country",
        violation_error_message="The province does not belong to the country.",
    )


def province_in_country(province: str, country: str) -> bool:
    """The Python side of province_matches_country_check."""
    if country == "CA":
        return province in CANADIAN_PROVINCES
    if country == "US":
        return province in US_STATES
    return country == "" and province in CANADIAN_PROVINCES + US_STATES
