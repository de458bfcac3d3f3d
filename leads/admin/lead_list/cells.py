"""The lead list's rows as Django's admin renders them, in one pass.

Django's items_for_result works out each cell's kind, label and empty value
for every one of a page's 1,300 cells. Here that is worked out once a
column; a cell's markup is built with format_html once for each set of
classes, and its value escaped with conditional_escape once for each
distinct value: a page repeats its users, sources and labels, and Django's
escaping costs several times the standard library's (bench/README.md).
"""

import datetime
from collections.abc import Callable

from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.utils import display_for_field, display_for_value
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString

# Stands for a lead's id in its change page's URL, worked out once a page.
PK_MARK = "~pk~"
NOWRAP_FIELDS = (models.DateField, models.TimeField, models.ForeignKey)

# A column's reading of a result: its cell's classes and its content as safe
# HTML.
Shown = Callable[[object], tuple[str, SafeString]]


class Memo(dict):
    """`make(key)` for each distinct key, worked out once."""

    def __init__(self, make: Callable[[object], SafeString]):
        super().__init__()
        self.make = make

    def __missing__(self, key) -> SafeString:
        made = self[key] = self.make(key)
        return made


class EscapedValues(Memo):
    """Each distinct value escaped once. Safe HTML passes as it is and is
    never a key: a SafeString equals the plain text of its markup, which a
    customer could type."""

    def __init__(self):
        super().__init__(conditional_escape)

    def of(self, value) -> SafeString:
        return value.__html__() if hasattr(value, "__html__") else self[value]


def rendered_rows(cl) -> list[SafeString]:
    """The `<tr>` of each result on the changelist `cl`'s page."""
    escaped = EscapedValues()
    cells, linked = [], False
    for name in cl.list_display:
        shown = _shown(cl, name, escaped)
        if name in (cl.list_display_links or ()):
            tag = "td" if linked else "th"
            cells.append(_linked_cell(cl, shown, tag, escaped))
            linked = True
        else:
            cells.append(_cell(shown))
    # Every piece is markup built by format_html or a value escaped by
    # conditional_escape, so the row they make up is safe.
    return [
        SafeString("<tr>" + "".join([cell(lead) for cell in cells]) + "</tr>")
        for lead in cl.result_list
    ]


def _cell(shown: Shown) -> Callable[[object], str]:
    openings = Memo(lambda classes: format_html('<td class="{}">', classes))

    def cell(lead):
        classes, content = shown(lead)
        # Plain formatting of safe pieces: SafeString's own + costs a
        # Python call a cell.
        return f"{openings[classes]}{content}</td>"

    return cell


def _linked_cell(cl, shown: Shown, tag: str, escaped: EscapedValues):
    """The cell in `tag`, its content a link to the result's change page
    with the list's filters kept."""
    url = reverse(
        f"admin:{cl.opts.app_label}_{cl.opts.model_name}_change",
        args=[PK_MARK],
        current_app=cl.model_admin.admin_site.name,
    )
    context = {"preserved_filters": cl.preserved_filters, "opts": cl.opts}
    # The path's mark comes first: a search for the mark itself follows it.
    before, after = add_preserved_filters(context, url).split(PK_MARK, 1)
    openings = Memo(
        lambda classes: format_html('<{} class="{}"><a href="{}', tag, classes, before)
    )
    middle = format_html('{}">', after)
    closing = format_html("</a></{}>", tag)
    pk_name = cl.lookup_opts.pk.attname

    def linked_cell(lead):
        classes, content = shown(lead)
        pk = escaped[getattr(lead, pk_name)]
        return f"{openings[classes]}{pk}{middle}{content}{closing}"

    return linked_cell


def _shown(cl, name: str, escaped: EscapedValues) -> Shown:
    """How column `name` shows a result, as Django's items_for_result would."""
    admin = cl.model_admin
    empty = conditional_escape(admin.get_empty_value_display())
    if name == "action_checkbox":
        return lambda lead: ("action-checkbox", admin.action_checkbox(lead))
    try:
        field = cl.lookup_opts.get_field(name)
    except FieldDoesNotExist:
        return _method_shown(name, getattr(admin, name), empty, escaped)
    nowrap = " nowrap" if isinstance(field, NOWRAP_FIELDS) else ""
    classes = f"field-{name}{nowrap}"
    if field.flatchoices:
        labels = {key: conditional_escape(label) for key, label in field.flatchoices}
        return lambda lead: (classes, labels.get(getattr(lead, name), empty))
    # The rows' values come from the database: plain text, never safe HTML.
    if field.is_relation:
        return lambda lead: (classes, _or_empty(getattr(lead, name), empty, escaped))
    if isinstance(field, models.CharField | models.TextField):
        return lambda lead: (classes, _text(getattr(lead, name), empty, escaped))

    def other_field(lead):
        shown = display_for_field(_blanked(getattr(lead, name)), field, empty)
        return classes, escaped.of(shown)

    return other_field


def _method_shown(
    name: str, method, empty: SafeString, escaped: EscapedValues
) -> Shown:
    """A ModelAdmin method's column; Django adds `nowrap` to a cell whose
    value is a date or time."""
    empty = conditional_escape(getattr(method, "empty_value_display", empty))
    boolean = getattr(method, "boolean", False)
    plain, nowrap = f"field-{name}", f"field-{name} nowrap"

    def method_shown(lead):
        value = method(lead)
        if not boolean and isinstance(value, str):  # most cells: text
            if not value or value.isspace():
                return plain, empty
            return plain, escaped.of(value)
        value = _blanked(value)
        dated = isinstance(value, datetime.date | datetime.time)
        shown = display_for_value(value, empty, boolean)
        return nowrap if dated else plain, escaped.of(shown)

    return method_shown


def _or_empty(value, empty: SafeString, escaped: EscapedValues) -> SafeString:
    return empty if value is None else escaped[value]


def _text(value: str, empty: SafeString, escaped: EscapedValues) -> SafeString:
    return escaped[value] if value and not value.isspace() else empty


def _blanked(value):
    """Django's admin shows a blank string as empty, like None."""
    return "" if isinstance(value, str) and value.strip() == "" else value
