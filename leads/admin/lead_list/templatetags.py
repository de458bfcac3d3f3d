"""The template tags of the lead list's templates (registered as `lead_list`
in TEMPLATES): its table from cells.py and its sidebar from sidebar.py."""

from django import template
from django.contrib.admin.templatetags.admin_list import result_headers, result_list

from .cells import rendered_rows
from .sidebar import rendered_filter

register = template.Library()


@register.inclusion_tag("admin/leads/lead/change_list_results.html")
def lead_result_list(cl):
    if cl.formset or cl.is_popup:
        # Editable and popup lists need Django's own rendering.
        return {**result_list(cl), "rows": None}
    headers = list(result_headers(cl))
    return {
        "cl": cl,
        "result_headers": headers,
        "num_sorted_fields": sum(
            bool(header["sortable"] and header["sorted"]) for header in headers
        ),
        "rows": rendered_rows(cl),
    }


@register.simple_tag
def lead_list_filter(cl, spec):
    return rendered_filter(cl, spec)
