"""The audit trail's admin: managers read their dealership's entries.

django-auditlog ships no French; the words of its pages are listed in
accounts/audit_labels.py so our catalogue translates them.
"""

from auditlog.admin import LogEntryAdmin
from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .admin_scoping import DealershipScopedMixin
from .models import User
from .tenancy import for_user


class AuditedModelFilter(admin.SimpleListFilter):
    """The kinds of record the trail holds: leads, emails, phones, vehicles."""

    title = _("record")
    parameter_name = "model"

    def lookups(self, request, model_admin):
        content_types = ContentType.objects.get_for_models(*auditlog.get_models())
        return [
            (str(content_type.pk), capfirst(model._meta.verbose_name_plural))
            for model, content_type in content_types.items()
        ]

    def queryset(self, request, queryset):
        if self.value() in dict(self.lookup_choices):
            return queryset.filter(content_type_id=self.value())
        return queryset


class ActorFilter(admin.RelatedFieldListFilter):
    """Who made the change: staff of the user's dealership, not everyone's."""

    def field_choices(self, field, request, model_admin):
        staff = User.objects.for_user(request.user)
        return [
            (user.pk, str(user))
            for user in staff.order_by("first_name", "last_name", "username")
        ]


admin.site.unregister(LogEntry)


@admin.register(LogEntry)
class AuditEntryAdmin(DealershipScopedMixin, LogEntryAdmin):
    """auditlog's read-only trail, of the user's dealership only.

    Each entry stores its lead's dealership in `additional_data` (the
    audited models' `get_additional_data`).
    """

    # An entry keeps its dealership in additional_data, not as a field.
    dealership_field = None
    # It would read the whole trail for its distinct dates on every page.
    date_hierarchy = None
    list_display = [
        "created",
        "resource_url",
        "action",
        "msg_short",
        "user_url",
        "remote_addr",
    ]
    list_filter = [
        AuditedModelFilter,
        "action",
        ("actor", ActorFilter),
        "timestamp",
    ]
    search_fields = ["object_repr"]
    search_help_text = _("Lead, email, phone or vehicle as it was named then.")
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER

    def scope(self, request, queryset):
        # auditlog's model, not ours: the rule is applied to its queryset.
        return for_user(queryset, request.user, "additional_data__account_id")

    @admin.display(description=_("Changes"))
    def msg_short(self, entry):
        # auditlog's says "2 changes: first_name, city", in English only.
        if entry.action in (LogEntry.Action.DELETE, LogEntry.Action.ACCESS):
            return ""
        model = ContentType.objects.get_for_id(entry.content_type_id).model_class()
        fields = [_field_label(model, name) for name in entry.changes_dict]
        text = ngettext(
            "%(count)d change: %(fields)s",
            "%(count)d changes: %(fields)s",
            len(fields),
        ) % {"count": len(fields), "fields": ", ".join(fields)}
        return Truncator(text).chars(80)


def _field_label(model, name: str) -> str:
    try:
        return str(model._meta.get_field(name).verbose_name)
    except (AttributeError, FieldDoesNotExist):  # a model or field since removed
        return name
