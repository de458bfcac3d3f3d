"""The record of CSV exports: who took which leads out, for managers."""

from django.contrib import admin

from accounts.admin_scoping import DealershipScopedMixin

from ..models import LeadExport


@admin.register(LeadExport)
class LeadExportAdmin(DealershipScopedMixin, admin.ModelAdmin):
    """Read-only: a record of what left the dealership is never edited."""

    list_display = ["created_at", "user", "selection", "row_count", "query"]
    list_filter = ["selection", "created_at"]
    list_select_related = ["user", "account"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
