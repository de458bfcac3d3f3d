"""A stored phone number as the admin shows it: a link that dials it, its
text as people of the dealership's country read it (leads.phone_display)."""

import html

from django.utils.safestring import SafeString

from ..phone_display import shown


def dial_link(number: str, region: str) -> SafeString:
    """`<a href="tel:+15816584257">(581) 658-4257</a>` for a number of
    `region`'s country code.

    The markup format_html would make, escaped by the html.escape that
    Django's escape calls: format_html costs about 5 us a call, 8 times
    this, and the lead list makes one a row (bench/README.md).
    """
    text = shown(number, region)
    return SafeString(f'<a href="tel:{html.escape(number)}">{html.escape(text)}</a>')
