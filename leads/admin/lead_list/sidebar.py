"""The lead list's sidebar filters, rendered as Django's admin/filter.html
renders them but without a template render per filter: the list's thirteen
filters and their hundred-odd choices cost milliseconds a page that way."""

from django.contrib.admin.templatetags.admin_list import admin_list_filter
from django.utils.encoding import iri_to_uri
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext


def rendered_filter(cl, spec) -> SafeString:
    if spec.template != "admin/filter.html":
        return admin_list_filter(cl, spec)  # e.g. the date range form
    # As filter.html's blocktranslate does: the catalogue's text is trusted
    # like the template's own, the title it is given is escaped.
    title = conditional_escape(spec.title)
    heading = SafeString(gettext(" By %(filter_title)s ") % {"filter_title": title})
    items = format_html_join(
        "",
        '<li{}><a href="{}">{}</a></li>',
        (
            (
                SELECTED if choice["selected"] else "",
                iri_to_uri(choice["query_string"]),
                choice["display"],
            )
            for choice in spec.choices(cl)
        ),
    )
    return format_html(
        '<details data-filter-title="{}" open><summary>{}</summary><ul>{}</ul>'
        "</details>",
        title,
        heading,
        items,
    )


SELECTED = SafeString(' class="selected"')
