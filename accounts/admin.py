"""The admin of dealerships, their staff and API tokens, and the sign-in
records; the audit trail's is in audit_admin, the scoping all share in
admin_scoping."""

import axes.admin  # noqa: F401  (registers axes' admins, wrapped at the end)
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as AuthUserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _
from rest_framework.authtoken.admin import TokenAdmin as AuthTokenAdmin
from rest_framework.authtoken.models import TokenProxy

from . import (
    audit_admin,  # noqa: F401  (registers the audit trail's admin)
    roles,
)
from .admin_choices import LabelOrderedChoicesMixin
from .admin_scoping import DealershipScopedMixin, PermissionFirstMixin
from .models import Account, User


@admin.register(Account)
class AccountAdmin(DealershipScopedMixin, LabelOrderedChoicesMixin, admin.ModelAdmin):
    dealership_field = None  # a dealership is its own
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
        "is_active",
        "is_staff",
    ]
    list_filter = ["is_active", "is_staff", "groups"]
    list_select_related = ["account"]
    ordering = ["username"]
    # Managers deactivate staff rather than delete them, so the leads they
    # worked keep naming them.
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
            return ["is_superuser", *list_filter]
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


# --- API tokens ---


class UnusedTokenFilter(admin.SimpleListFilter):
    """The tokens the worker flagged as unused (accounts.jobs), to revoke."""

    title = _("use")
    parameter_name = "unused"

    def lookups(self, request, model_admin):
        return [("yes", _("Flagged unused")), ("no", _("In use"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(activity__unused_since__isnull=False)
        if self.value() == "no":
            return queryset.exclude(activity__unused_since__isnull=False)
        return queryset


admin.site.unregister(TokenProxy)


@admin.register(TokenProxy)
class TokenAdmin(DealershipScopedMixin, AuthTokenAdmin):
    """Managers issue API tokens to their staff and revoke them (delete).

    The list shows only the start of each key, enough to tell tokens apart;
    the message after issuing one shows it in full.
    """

    list_display = ["key_start", "user", "created", "last_used", "unused_since"]
    list_filter = [UnusedTokenFilter]
    list_select_related = ["user", "activity"]
    dealership_field = "user__account"

    def scope(self, request, queryset):
        if request.user.is_superuser:
            return queryset
        return queryset.filter(user__in=self._staff(request))

    def has_change_permission(self, request, obj=None):
        # A token is issued to one person and revoked; moving it to another
        # user would hand that user's access to whoever holds the key.
        return False

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user" and not request.user.is_superuser:
            kwargs["queryset"] = self._staff(request).order_by("username")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def _staff(self, request):
        # As in UserAdmin: a manager never acts for a superuser.
        return User.objects.for_user(request.user).filter(is_superuser=False)

    @admin.display(description=_("key"))
    def key_start(self, token):
        return f"{token.key[:8]}…"

    @admin.display(description=_("last used"), ordering="activity__last_used_at")
    def last_used(self, token):
        activity = getattr(token, "activity", None)
        return activity and activity.last_used_at

    @admin.display(
        description=_("flagged unused since"), ordering="activity__unused_since"
    )
    def unused_since(self, token):
        activity = getattr(token, "activity", None)
        return activity and activity.unused_since


# Superusers' pages (sign-in records span every dealership; the roles are
# made by migrations), refused to staff whatever the id.
for model in (AccessAttempt, AccessLog, AccessFailureLog, Group):
    model_admin = type(admin.site._registry[model])
    admin.site.unregister(model)
    admin.site.register(
        model, type(model_admin.__name__, (PermissionFirstMixin, model_admin), {})
    )
