"""What every admin page shares: staff see only their own dealership's
rows (superusers see all), and a page answers the same for an object the
user may not see as for one that does not exist."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext_lazy as _


class DealershipScopedMixin:
    """Scopes a ModelAdmin to the user's dealership through `for_user`.

    The model's manager and every related model offered in a form must have
    `for_user(user)`; so do the admins of models named in
    `autocomplete_fields`, since the autocomplete asks those.

    Superusers, who see every dealership's rows, also get the dealership
    as a column and a filter (`dealership_field`, None where the rows have
    no such field).
    """

    dealership_field: str | None = "account"

    def get_list_display(self, request):
        list_display = super().get_list_display(request)
        if request.user.is_superuser and self.dealership_field:
            return [*list_display, self.dealership_field]
        return list_display

    def get_list_filter(self, request):
        list_filter = super().get_list_filter(request)
        if request.user.is_superuser and self.dealership_field:
            return [*list_filter, self.dealership_field]
        return list_filter

    def get_queryset(self, request):
        return self.scope(request, super().get_queryset(request))

    def scope(self, request, queryset):
        """The rows of the user's dealership; all of them for superusers."""
        return queryset.for_user(request.user)

    def get_object(self, request, object_id, from_field=None):
        # The admin redirects to its index for a missing object; another
        # dealership's object must look like any missing page instead.
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            raise Http404(_("No such object."))
        return obj

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        manager = db_field.related_model._default_manager
        if "queryset" not in kwargs and hasattr(manager, "for_user"):
            kwargs["queryset"] = manager.for_user(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class PermissionFirstMixin:
    """Refuses a user without the model's permission whatever the id.

    Django's admin looks the object up first, then redirects for a missing
    id but refuses an existing one: the answer would tell which ids exist.
    """

    def get_object(self, request, object_id, from_field=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        return super().get_object(request, object_id, from_field)
