"""The lead list's rows as Django's admin renders them, in one pass.

Django's items_for_result works out each cell's kind, label and empty value
for every one of a page's 1,300 cells. Here each column's rendering is
worked out once a page: its tag, its classes, how its value is shown; a row
is then one format_html per cell. Everything a customer typed goes through
Django's escaping (format_html, conditional_escape).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.utils import display_for_field, display_for_value
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.urls import reverse
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString

# Stands for a lead's id in its change page's URL, worked out once a page.
PK_MARK = "~pk~"
NOWRAP_FIELDS = (models.DateField, models.TimeField, models.ForeignKey)


@dataclass
class Column:
    """One column of the list: `content(lead)` is what its cell shows,
    escaped by format_html unless it is already safe HTML."""

    tag: SafeString
    classes: SafeString
    content: Callable[[object], object]

    def cell(self, lead) -> tuple[SafeString, SafeString, object]:
        return self.tag, self.classes, self.content(lead)


class MethodColumn(Column):
    """A ModelAdmin method's column: Django adds `nowrap` to a cell whose
    value is a date or time, so its classes are known only per lead."""

    def __init__(self, name: str, method, empty: SafeString):
        super().__init__(_TD, conditional_escape(f"field-{name}"), method)
        self.nowrap = conditional_escape(f"field-{name} nowrap")
        self.empty = conditional_escape(getattr(method, "empty_value_display", empty))
        self.boolean = getattr(method, "boolean", False)

    def cell(self, lead):
        value = self.content(lead)
        if not self.boolean and isinstance(value, str):  # most cells: text
            return self.tag, self.classes, _text_or_empty(value, self.empty)
        value = _blanked(value)
        dated = isinstance(value, datetime.date | datetime.time)
        shown = display_for_value(value, self.empty, self.boolean)
        return self.tag, self.nowrap if dated else self.classes, shown


def rendered_rows(cl) -> list[SafeString]:
    """The `<tr>` of each result on the changelist `cl`'s page."""
    columns, linked = [], False
    for name in cl.list_display:
        column = _column(cl, name)
        if name in (cl.list_display_links or ()):
            column = _linked(cl, column, tag="td" if linked else "th")
            linked = True
        columns.append(column)
    return [
        format_html(
            "<tr>{}</tr>",
            format_html_join(
                "",
                '<{0} class="{1}">{2}</{0}>',
                (column.cell(lead) for column in columns),
            ),
        )
        for lead in cl.result_list
    ]


def _column(cl, name: str) -> Column:
    admin = cl.model_admin
    empty = conditional_escape(admin.get_empty_value_display())
    if name == "action_checkbox":
        return Column(_TD, SafeString("action-checkbox"), admin.action_checkbox)
    try:
        field = cl.lookup_opts.get_field(name)
    except FieldDoesNotExist:
        return MethodColumn(name, getattr(admin, name), empty)
    nowrap = " nowrap" if isinstance(field, NOWRAP_FIELDS) else ""
    classes = conditional_escape(f"field-{name}{nowrap}")

    def value(lead):
        return getattr(lead, name)

    if field.flatchoices:
        labels = {key: conditional_escape(label) for key, label in field.flatchoices}
        return Column(_TD, classes, lambda lead: labels.get(value(lead), empty))
    if field.is_relation:
        return Column(_TD, classes, lambda lead: _or_empty(value(lead), empty))
    if isinstance(field, models.CharField | models.TextField):
        return Column(_TD, classes, lambda lead: _text_or_empty(value(lead), empty))
    return Column(
        _TD,
        classes,
        lambda lead: display_for_field(_blanked(value(lead)), field, empty),
    )


def _linked(cl, column: Column, tag: str) -> Column:
    """`column` in `tag`, its content a link to the result's change page
    with the list's filters kept."""
    url = reverse(
        f"admin:{cl.opts.app_label}_{cl.opts.model_name}_change",
        args=[PK_MARK],
        current_app=cl.model_admin.admin_site.name,
    )
    context = {"preserved_filters": cl.preserved_filters, "opts": cl.opts}
    # The path's mark comes first: a search for the mark itself follows it.
    before, after = add_preserved_filters(context, url).split(PK_MARK, 1)
    before, after = conditional_escape(before), conditional_escape(after)
    pk_name = cl.lookup_opts.pk.attname
    column.tag = SafeString(tag)
    cell = column.cell

    def linked_cell(lead):
        tag, classes, content = cell(lead)
        pk = getattr(lead, pk_name)
        link = format_html('<a href="{}{}{}">{}</a>', before, pk, after, content)
        return tag, classes, link

    column.cell = linked_cell
    return column


_TD = SafeString("td")


def _or_empty(value, empty: SafeString):
    return empty if value is None else value


def _text_or_empty(value: str, empty: SafeString):
    return value if value and not value.isspace() else empty


def _blanked(value):
    """Django's admin shows a blank string as empty, like None."""
    return "" if isinstance(value, str) and value.strip() == "" else value
