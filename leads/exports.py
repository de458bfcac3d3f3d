"""A CSV download of leads, streamed as it is made."""

from collections.abc import Callable

from django.http import StreamingHttpResponse
from django.utils import timezone

from . import csv_copy, csv_python
from .models import LeadQuerySet


def csv_response(
    leads: LeadQuerySet,
    *,
    filename_prefix: str = "leads",
    on_complete: Callable[[int], None] | None = None,
) -> StreamingHttpResponse:
    """A download of `leads` named with today's date: written by PostgreSQL
    itself where it can, else row by row in Python."""
    filename = f"{filename_prefix}-{timezone.localdate():%Y-%m-%d}.csv"
    if csv_copy.can_copy(leads):
        content = csv_copy.iter_csv_bytes(leads, on_complete=on_complete)
    else:
        content = csv_python.iter_csv_text(leads, on_complete=on_complete)
    return StreamingHttpResponse(
        content,
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
