"""The leads CSV written by csv.writer over model instances, for querysets
that leads.csv_copy cannot wrap (sliced, combined or distinct ones)."""

import csv
import io
from collections.abc import Callable, Iterator

from django.db.models import Prefetch

from .csv_columns import COLUMNS, VEHICLE_COLUMNS, format_cell, header_text
from .models import USER_SLOTS, LeadQuerySet, LeadVehicle

# Leads fetched (with their children) per round trip: bounds memory.
ROWS_PER_FETCH = 2000
# Text handed on at a time: a write a row would cost a syscall each.
CHARACTERS_PER_PIECE = 64 * 1024


def export_queryset(leads: LeadQuerySet) -> LeadQuerySet:
    """`leads` with everything the columns read: 4 queries a fetch."""
    vehicles = LeadVehicle.objects.only("lead", "type", *VEHICLE_COLUMNS)
    return leads.select_related("account", *USER_SLOTS).prefetch_related(
        "emails", "phones", Prefetch("vehicles", queryset=vehicles)
    )


def iter_csv_text(
    leads: LeadQuerySet, *, on_complete: Callable[[int], None] | None = None
) -> Iterator[str]:
    """The CSV text of `leads` in pieces; `on_complete(rows)` after the last."""
    # Sent before the first query, so the download starts at once.
    yield header_text()
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    rows = 0
    for lead in export_queryset(leads).iterator(chunk_size=ROWS_PER_FETCH):
        writer.writerow([format_cell(column.value(lead)) for column in COLUMNS])
        rows += 1
        if buffer.tell() >= CHARACTERS_PER_PIECE:
            yield _drain(buffer)
    yield _drain(buffer)
    if on_complete is not None:
        on_complete(rows)


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text
