"""CSV downloads from the lead list, each recorded for managers."""

from django.contrib import admin
from django.http import StreamingHttpResponse
from django.utils.translation import gettext_lazy as _

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
