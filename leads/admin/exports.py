"""CSV exports from the lead list, and their record for managers."""

from django.contrib import admin
from django.http import StreamingHttpResponse
from django.utils.translation import gettext_lazy as _

from accounts.admin_scoping import DealershipScopedMixin

from .. import exports
from ..models import LeadExport, LeadQuerySet


def export_response(
    request, leads: LeadQuerySet, *, selection: str
) -> StreamingHttpResponse:
    """Stream `leads` as CSV, recording who exported what and how many rows."""
    record = LeadExport.objects.create(
        account_id=request.user.account_id,
        user=request.user,
        selection=selection,
        query=request.GET.urlencode(),
    )

    def record_row_count(rows: int) -> None:
        LeadExport.objects.filter(pk=record.pk).update(row_count=rows)

    return exports.csv_response(leads, on_complete=record_row_count)


@admin.action(permissions=["export"], description=_("Export selected leads to CSV"))
def export_csv(modeladmin, request, leads):
    return export_response(request, leads, selection=LeadExport.Selection.SELECTED)


@admin.register(LeadExport)
class LeadExportAdmin(DealershipScopedMixin, admin.ModelAdmin):
    """Read-only: a record of what left the dealership is never edited."""

    list_display = ["created_at", "user", "selection", "row_count", "query"]
    list_filter = ["selection", "created_at"]
    list_select_related = ["user", "account"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]

    def get_list_display(self, request):
        list_display = super().get_list_display(request)
        if request.user.is_superuser:
            return [*list_display, "account"]
        return list_display

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
