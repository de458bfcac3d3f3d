"""The lead list's table, its rows rendered by leads.admin.results."""

from django import template
from django.contrib.admin.templatetags.admin_list import result_headers, result_list

from ..admin.results import rendered_rows

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
