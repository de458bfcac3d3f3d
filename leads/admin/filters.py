"""The lead list's sidebar filters that Django's field filters cannot do."""

import datetime

from django import forms
from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Account, User

from ..models import USER_SLOTS, Lead


class BlankMeaningFilter(admin.SimpleListFilter):
    """A choices field whose blank value means something agents pick too."""

    field_name: str
    blank_value: str
    blank_label: str

    def lookups(self, request, model_admin):
        choices = Lead._meta.get_field(self.field_name).choices
        return [(self.blank_value, self.blank_label), *choices]

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            return queryset
        if value == self.blank_value:
            return queryset.filter(**{self.field_name: ""})
        return queryset.filter(**{self.field_name: value})


class StatusFilter(BlankMeaningFilter):
    title = _("status")
    parameter_name = field_name = "status"
    blank_value = "active"
    blank_label = _("Active")


class DivisionFilter(BlankMeaningFilter):
    title = _("division")
    parameter_name = field_name = "division"
    blank_value = "none"
    blank_label = _("No division")


class AssignedToMeFilter(admin.SimpleListFilter):
    title = _("assignment")
    parameter_name = "assigned"

    def lookups(self, request, model_admin):
        return [("me", _("Assigned to me"))]

    def queryset(self, request, queryset):
        if self.value() != "me":
            return queryset
        in_any_slot = Q()
        for slot in USER_SLOTS:
            in_any_slot |= Q(**{slot: request.user})
        return queryset.filter(in_any_slot)


class DealershipUserFilter(admin.RelatedFieldListFilter):
    """A user slot filter offering only the staff of the user's dealership."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        self.empty_value_display = _("Nobody")

    def field_choices(self, field, request, model_admin):
        # Every user slot filter offers the same staff: one query a page.
        if not hasattr(request, "_dealership_staff_choices"):
            staff = User.objects.for_user(request.user).order_by(
                "first_name", "last_name", "username"
            )
            request._dealership_staff_choices = [(user.pk, str(user)) for user in staff]
        return request._dealership_staff_choices


class SourceFilter(admin.AllValuesFieldListFilter):
    """The sources the user's dealership has, without the empty one."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        self.user = request.user

    def choices(self, changelist):
        # Asked only when the sidebar is shown, not for a CSV export.
        self.lookup_choices = lead_sources(self.user)
        yield from super().choices(changelist)


# A dealership's sources, one index probe each on (account, source), where
# DISTINCT would read every lead (bench/README.md). Past this many a sidebar
# list is no help anyway.
MAX_SOURCES = 100
SOURCES_SQL = """
WITH RECURSIVE found (account_id, source, rank) AS (
    SELECT account.id, first.source, 1
    FROM ({accounts}) AS account (id), LATERAL (
        SELECT source FROM {leads} WHERE account_id = account.id
        ORDER BY source LIMIT 1
    ) AS first
    UNION ALL
    SELECT found.account_id, next.source, found.rank + 1
    FROM found, LATERAL (
        SELECT source FROM {leads}
        WHERE account_id = found.account_id AND source > found.source
        ORDER BY source LIMIT 1
    ) AS next
    WHERE found.rank <= %s
)
SELECT DISTINCT source FROM found WHERE source <> '' ORDER BY source LIMIT %s
"""


def lead_sources(user) -> list[str]:
    """The distinct non-blank sources of the leads `user` may see."""
    accounts = Account.objects.for_user(user).values("pk")
    try:
        accounts_sql, params = accounts.query.sql_with_params()
    except EmptyResultSet:
        return []
    sql = SOURCES_SQL.format(accounts=accounts_sql, leads=Lead._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, MAX_SOURCES, MAX_SOURCES])
        return [source for (source,) in cursor.fetchall()]


class DateRangeForm(forms.Form):
    since = forms.DateField(required=False)
    until = forms.DateField(required=False)


class DateRangeFilter(admin.FieldListFilter):
    """From one day to another (both included), in the site's time zone.

    Bounds become datetimes so the column's own index serves the filter.
    """

    template = "admin/leads/date_range_filter.html"

    def __init__(self, field, request, params, model, model_admin, field_path):
        self.since_parameter = f"{field_path}__since"
        self.until_parameter = f"{field_path}__until"
        super().__init__(field, request, params, model, model_admin, field_path)
        self.form = DateRangeForm(
            {
                "since": self.used_parameters.get(self.since_parameter, [""])[-1],
                "until": self.used_parameters.get(self.until_parameter, [""])[-1],
            }
        )

    def expected_parameters(self):
        return [self.since_parameter, self.until_parameter]

    def queryset(self, request, queryset):
        if not self.form.is_valid():
            raise IncorrectLookupParameters(self.form.errors)
        since, until = self.form.cleaned_data["since"], self.form.cleaned_data["until"]
        if since:
            queryset = queryset.filter(**{f"{self.field_path}__gte": _midnight(since)})
        if until:
            next_day = until + datetime.timedelta(days=1)
            queryset = queryset.filter(
                **{f"{self.field_path}__lt": _midnight(next_day)}
            )
        return queryset

    def choices(self, changelist):
        # One "choice" carrying what the template's form needs.
        yield {
            "form": self.form,
            "since_parameter": self.since_parameter,
            "until_parameter": self.until_parameter,
            "other_parameters": [
                (key, value)
                for key, value in changelist.params.items()
                if key not in self.expected_parameters()
            ],
            "clear_query_string": changelist.get_query_string(
                remove=self.expected_parameters()
            ),
            "selected": bool(self.used_parameters),
        }


def _midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
