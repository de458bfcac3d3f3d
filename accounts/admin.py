"""The admin of dealerships and their staff, and the tenancy every admin page
shares: staff see only their own dealership's rows, superusers see all."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as AuthUserAdmin
from django.contrib.auth.models import Group
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from . import roles
from .models import Account, User


class DealershipScopedMixin:
    """Scopes a ModelAdmin to the user's dealership through `for_user`.

    The model's manager and every related model offered in a form must have
    `for_user(user)`; so do the admins of models named in
    `autocomplete_fields`, since the autocomplete asks those.
    """

    def get_queryset(self, request):
        return super().get_queryset(request).for_user(request.user)

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


@admin.register(Account)
class AccountAdmin(DealershipScopedMixin, admin.ModelAdmin):
    list_display = ["name", "province", "country", "locale", "time_zone"]
    search_fields = ["name"]
    readonly_fields = ["created_at", "updated_at"]
    fields = [
        "name",
        "locale",
        "country",
        "province",
        "time_zone",
        "created_at",
        "updated_at",
    ]


@admin.register(User)
class UserAdmin(DealershipScopedMixin, AuthUserAdmin):
    """Managers run their dealership's staff but may hand out only the roles.

    They never see superusers, `is_superuser` or per-user permissions, so no
    one can be given more than a role grants.
    """

    list_display = [
        "username",
        "first_name",
        "last_name",
        "email",
        "account",
        "is_active",
        "is_staff",
    ]
    list_filter = ["is_active", "is_staff", "groups"]
    list_select_related = ["account"]
    ordering = ["username"]
    # Managers deactivate staff rather than delete them (DESIGN.md, "Roles").
    actions = None
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["username", "usable_password", "password1", "password2"],
            },
        ),
        (_("Personal info"), {"fields": ["first_name", "last_name", "email"]}),
        # With both fields in the form, the "only superusers may have no
        # dealership" constraint is checked by the form, not left to the DB.
        (
            _("Dealership and role"),
            {"fields": ["account", "groups", "is_staff", "is_superuser"]},
        ),
    ]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        (_("Personal info"), {"fields": ["first_name", "last_name", "email"]}),
        (
            _("Dealership and role"),
            {
                "fields": [
                    "account",
                    "groups",
                    "is_active",
                    "is_staff",
                    "is_superuser",
                    "user_permissions",
                ]
            },
        ),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    readonly_fields = ["last_login", "date_joined"]
    # What only superusers may see or set.
    superuser_fields = {"is_superuser", "user_permissions"}

    def get_queryset(self, request):
        staff = super().get_queryset(request)
        if not request.user.is_superuser:
            # A manager must not reset a superuser's password.
            staff = staff.filter(is_superuser=False)
        return staff

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.is_superuser:
            return fieldsets
        hidden = set(self.superuser_fields)
        if obj is not None and not self.has_change_permission(request, obj):
            # Read-only, the password field would show the hash itself.
            hidden.add("password")
        return [
            (
                name,
                {
                    **options,
                    "fields": [f for f in options["fields"] if f not in hidden],
                },
            )
            for name, options in fieldsets
        ]

    def get_list_filter(self, request):
        list_filter = super().get_list_filter(request)
        if request.user.is_superuser:
            return [*list_filter, "is_superuser", "account"]
        return list_filter

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "account" and not request.user.is_superuser:
            # Staff of a dealership belong to it: one choice, preselected.
            kwargs["queryset"] = Account.objects.for_user(request.user)
            kwargs["initial"] = request.user.account_id
            kwargs["required"] = True
            kwargs["empty_label"] = None
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups" and not request.user.is_superuser:
            kwargs["queryset"] = Group.objects.filter(
                name__in=[roles.BDC_AGENT, roles.MANAGER]
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)
