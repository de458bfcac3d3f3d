"""A CSV download of leads, streamed as PostgreSQL writes it."""

from collections.abc import Callable

from django.http import StreamingHttpResponse
from django.utils import timezone

from .csv_copy import check_copyable, iter_csv_bytes
from .models import LeadQuerySet


def csv_response(
    leads: LeadQuerySet,
    *,
    filename_prefix: str = "leads",
    on_complete: Callable[[int], None] | None = None,
) -> StreamingHttpResponse:
    """A download of `leads` named with today's date."""
    # Before the response starts: a refusal must not arrive mid-file.
    check_copyable(leads)
    filename = f"{filename_prefix}-{timezone.localdate():%Y-%m-%d}.csv"
    return StreamingHttpResponse(
        iter_csv_bytes(leads, on_complete=on_complete),
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
