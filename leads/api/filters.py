"""Filters of GET /leads (docs/api.md, "Filters").

The bracket syntax `filter[x][op]` is translated once, by
config.api.filters.BracketFilterBackend, into the names declared here.
"""

import datetime
import re

import django_filters as filters
from django import forms
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Concat
from django.utils.dateparse import parse_date, parse_datetime
from drf_spectacular.utils import extend_schema_field

from .. import phones
from ..models import Lead, LeadEmail, LeadPhone

DATE_FIELDS = ["created_at", "updated_at", "sale_date", "appointment_date"]


def wildcard(value: str) -> str:
    """Activix's `%` wildcard as a case-insensitive anchored regex."""
    return "^" + ".*".join(re.escape(part) for part in re.split("%+", value)) + "$"


def text_match(field: str, value: str) -> Q:
    if "%" in value:
        return Q(**{f"{field}__iregex": wildcard(value)})
    return Q(**{f"{field}__iexact": value})


class MomentField(forms.Field):
    """An ISO date (a whole UTC day) or an ISO datetime with any offset."""

    default_error_messages = {
        "invalid": "Enter a date (2024-02-15) or an ISO datetime."
    }

    def to_python(self, value):
        if value in self.empty_values:
            return None
        # An unencoded "+02:00" in a query string arrives as " 02:00".
        value = re.sub(r"(T[\d:.]+) (\d\d:?\d\d)$", r"\1+\2", value.strip())
        try:
            moment = parse_datetime(value) if "T" in value else parse_date(value)
        except ValueError:
            moment = None
        if moment is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        if isinstance(moment, datetime.datetime) and moment.tzinfo is None:
            moment = moment.replace(tzinfo=datetime.UTC)
        return moment


@extend_schema_field(
    {
        "type": "string",
        "description": "A date (`2024-02-15`: that whole day, in UTC) or an "
        "ISO 8601 datetime with an offset. With `[gt]`, `[gte]`, `[lt]` or "
        "`[lte]`, a date compares by whole days: `[lte]=2024-02-15` includes "
        "that day.",
    }
)
class MomentFilter(filters.Filter):
    """A date compares by whole UTC days: `lte 2024-02-15` includes that day,
    `gt 2024-02-15` starts the day after; a datetime compares as given."""

    field_class = MomentField

    def filter(self, qs, value):
        if value is None:
            return qs
        name, lookup = self.field_name, self.lookup_expr
        if isinstance(value, datetime.datetime):
            return qs.filter(**{f"{name}__{lookup}": value})
        # The day's last microsecond, not the next midnight: 9999-12-31 has none.
        start = datetime.datetime.combine(value, datetime.time.min, datetime.UTC)
        end = datetime.datetime.combine(value, datetime.time.max, datetime.UTC)
        bounds = {
            "exact": {f"{name}__gte": start, f"{name}__lte": end},
            "gt": {f"{name}__gt": end},
            "gte": {f"{name}__gte": start},
            "lt": {f"{name}__lt": start},
            "lte": {f"{name}__lte": end},
        }
        return qs.filter(**bounds[lookup])


class CommaChoiceField(forms.Field):
    """`new,used,none`: each item must be one of the choices."""

    def __init__(self, *, choices, **kwargs):
        self.allowed = [str(value) for value, _label in choices]
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return []
        items = [item.strip() for item in value.split(",") if item.strip()]
        wrong = [item for item in items if item not in self.allowed]
        if wrong or not items:
            raise forms.ValidationError(
                "Each value must be one of: %(allowed)s.",
                code="invalid_choice",
                params={"allowed": ", ".join(self.allowed)},
            )
        return items


@extend_schema_field(
    {
        "type": "string",
        "description": "Comma-separated divisions, any of which matches: "
        "`new`, `used`, `service`, and `none` for leads without one.",
    }
)
class DivisionFilter(filters.Filter):
    field_class = CommaChoiceField

    def filter(self, qs, value):
        if not value:
            return qs
        wanted = Q(division__in=[item for item in value if item != "none"])
        if "none" in value:
            wanted |= Q(division="")
        return qs.filter(wanted)


class TextFilter(filters.CharFilter):
    """Free text, bounded: no field holds more, and long `%` patterns would
    cost the database dearly."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 255)
        super().__init__(**kwargs)


class IdField(forms.IntegerField):
    """An id in ASCII digits: Django would also read "+5", " 5", "5.0" and
    "٥", none of them an integer in the schema."""

    def to_python(self, value):
        if value not in self.empty_values and not re.fullmatch(r"-?[0-9]+", value):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


class IntegerFilter(filters.Filter):
    field_class = IdField


def _choices_with(*extra, of):
    return [*extra, *of.choices]


class LeadFilter(filters.FilterSet):
    # Activix named these `created` and `updated` until July 2020.
    aliases = {"created": "created_at", "updated": "updated_at"}

    name = TextFilter(
        method="filter_name",
        help_text="First, last or full name, or second contact; case "
        "insensitive; `%` matches any text (`Tremb%`).",
    )
    email = TextFilter(
        method="filter_email",
        help_text="An email address of the lead; `%` matches any text.",
    )
    phone = TextFilter(
        method="filter_phone",
        help_text="A phone number in any format, matched on its digits; a "
        "partial number matches the numbers that contain it.",
    )
    postal_code = TextFilter(
        method="filter_postal_code",
        help_text="Postal codes that start with it (`h3c`).",
    )
    division = DivisionFilter(
        choices=_choices_with(("none", "No division"), of=Lead.Division)
    )
    segment = filters.ChoiceFilter(choices=Lead.Segment.choices)
    status = filters.ChoiceFilter(
        choices=_choices_with(("active", "Active"), of=Lead.Status),
        help_text="`active` finds the leads without a status.",
        method="filter_status",
    )
    type = filters.ChoiceFilter(choices=Lead.Type.choices)
    result = filters.ChoiceFilter(choices=Lead.Result.choices)
    source = TextFilter(
        method="filter_source", help_text="The source name; `%` matches any text."
    )
    created_method = filters.ChoiceFilter(choices=Lead.CreatedMethod.choices)
    bdc = IntegerFilter(field_name="bdc_id", help_text="The BDC agent's user id.")
    advisor = IntegerFilter(field_name="advisor_id", help_text="The advisor's user id.")

    class Meta:
        model = Lead
        fields = {name: ["exact", "gt", "gte", "lt", "lte"] for name in DATE_FIELDS}
        filter_overrides = {
            models.DateTimeField: {"filter_class": MomentFilter},
        }

    def filter_name(self, queryset, name, value):
        """First, last or full name, or second contact."""
        full_name = Concat("first_name", models.Value(" "), "last_name")
        return queryset.alias(full_name=full_name).filter(
            text_match("first_name", value)
            | text_match("last_name", value)
            | text_match("full_name", value)
            | text_match("second_contact", value)
        )

    def filter_email(self, queryset, name, value):
        emails = LeadEmail.objects.filter(
            text_match("address", value), lead=OuterRef("pk")
        )
        return queryset.filter(Exists(emails))

    def filter_phone(self, queryset, name, value):
        region = phones.region_of(self.request.user.account)
        digits = phones.search_digits(value.replace("%", ""), region)
        numbers = LeadPhone.objects.filter(lead=OuterRef("pk"), number__contains=digits)
        return queryset.filter(Exists(numbers)) if digits else queryset.none()

    def filter_postal_code(self, queryset, name, value):
        # "h3c" finds "H3C 1A1": postal codes are matched by prefix.
        return queryset.filter(postal_code__istartswith=value.strip())

    def filter_status(self, queryset, name, value):
        return queryset.filter(status="" if value == "active" else value)

    def filter_source(self, queryset, name, value):
        return queryset.filter(text_match("source", value))
