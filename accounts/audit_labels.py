"""The words django-auditlog's pages show, which it ships no French for.

They are listed here so `makemessages` puts them in our catalogue
(locale/fr); Django merges catalogues of the same domain, so auditlog's own
`gettext` calls find our translations. Nothing reads this list.
"""

from django.utils.translation import gettext_noop

AUDITLOG_WORDS = [
    gettext_noop("Audit log"),
    gettext_noop("Audit log: %s"),
    gettext_noop("log entry"),
    gettext_noop("log entries"),
    gettext_noop("Created"),
    gettext_noop("Resource"),
    gettext_noop("Resource Type"),
    gettext_noop("User"),
    gettext_noop("Changes"),
    gettext_noop("View"),
    gettext_noop("create"),
    gettext_noop("update"),
    gettext_noop("delete"),
    gettext_noop("access"),
    gettext_noop("action"),
    gettext_noop("actor"),
    gettext_noop("actor email"),
    gettext_noop("additional data"),
    gettext_noop("change message"),
    gettext_noop("content type"),
    gettext_noop("object id"),
    gettext_noop("object pk"),
    gettext_noop("object representation"),
    gettext_noop("remote address"),
    gettext_noop("remote port"),
    gettext_noop("timestamp"),
    gettext_noop("Correlation ID"),
    gettext_noop("Click to filter by records with this correlation id"),
    gettext_noop("No field changes"),
    gettext_noop("No log entries found."),
    gettext_noop("system"),
]
