"""Leads as CSV: the columns, defined once for every export path, and a
response that streams them in constant memory.

A spreadsheet is the reader: UTF-8 with a byte order mark (so Excel shows
accents), ISO 8601 dates, and text that Excel would run as a formula
neutralised with a leading apostrophe (OWASP "CSV injection").
"""

import csv
import datetime
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.db.models import Prefetch
from django.http import StreamingHttpResponse
from django.utils import timezone

from .models import (
    USER_SLOTS,
    Lead,
    LeadEmail,
    LeadPhone,
    LeadQuerySet,
    LeadVehicle,
)

# Leads fetched (with their contact data) per round trip: bounds memory.
CHUNK_SIZE = 2000
# Text handed to the server per write: one write a row costs a syscall each.
FLUSH_SIZE = 64 * 1024
BOM = "\ufeff"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
VEHICLE_COLUMNS = ["year", "make", "model", "trim", "vin"]


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[Lead], object]


def _attribute(attname: str) -> Column:
    return Column(attname, lambda lead: getattr(lead, attname))


def _user(slot: str, part: str) -> Column:
    def value(lead):
        user = getattr(lead, slot)
        if user is None:
            return None
        return str(user) if part == "name" else user.email

    return Column(f"{slot}_{part}", value)


def _contact(relation: str, type_: str) -> Column:
    def value(lead):
        for contact in getattr(lead, relation).all():
            if contact.type == type_:
                return contact.address if relation == "emails" else contact.number
        return None

    return Column(f"{relation[:-1]}_{type_}", value)


def _vehicle(type_: str, attribute: str) -> Column:
    def value(lead):
        # Prefetched in id order: the first of its type is the first added.
        for vehicle in lead.vehicles.all():
            if vehicle.type == type_:
                return getattr(vehicle, attribute)
        return None

    return Column(f"{type_}_{attribute}", value)


def _count(relation: str) -> Column:
    return Column(
        f"{relation[:-1]}_count", lambda lead: len(getattr(lead, relation).all())
    )


# Every scalar attribute in model order (the Activix Lead object's, then the
# later additions); account_id is the one foreign key shown as a scalar.
LEAD_ATTRIBUTES = [
    field.attname
    for field in Lead._meta.concrete_fields
    if field.name not in USER_SLOTS
]
COLUMNS: list[Column] = [
    *(_attribute(attname) for attname in LEAD_ATTRIBUTES),
    Column("account_name", lambda lead: lead.account.name),
    *(_user(slot, part) for slot in USER_SLOTS for part in ("name", "email")),
    *(_contact("emails", type_) for type_ in LeadEmail.Type.values),
    *(_contact("phones", type_) for type_ in LeadPhone.Type.values),
    *(
        _vehicle(type_, attribute)
        for type_ in LeadVehicle.Type.values
        for attribute in VEHICLE_COLUMNS
    ),
    *(_count(relation) for relation in ("emails", "phones", "vehicles")),
]
HEADER = [column.header for column in COLUMNS]


def format_cell(value: object) -> str:
    """A value as spreadsheet text; text that could be a formula is defused."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = str(value)
    if isinstance(value, str) and text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def export_queryset(leads: LeadQuerySet) -> LeadQuerySet:
    """`leads` with everything the columns read: 4 queries a chunk."""
    vehicles = LeadVehicle.objects.only("lead", "type", *VEHICLE_COLUMNS)
    return leads.select_related("account", *USER_SLOTS).prefetch_related(
        "emails", "phones", Prefetch("vehicles", queryset=vehicles)
    )


def iter_csv(
    leads: LeadQuerySet, *, on_complete: Callable[[int], None] | None = None
) -> Iterator[str]:
    """The CSV text of `leads` in pieces; `on_complete(rows)` after the last."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    # Sent before the first query, so the download starts at once.
    yield BOM + _drain(buffer)
    rows = 0
    for lead in export_queryset(leads).iterator(chunk_size=CHUNK_SIZE):
        writer.writerow([format_cell(column.value(lead)) for column in COLUMNS])
        rows += 1
        if buffer.tell() >= FLUSH_SIZE:
            yield _drain(buffer)
    yield _drain(buffer)
    if on_complete is not None:
        on_complete(rows)


def _drain(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def csv_response(
    leads: LeadQuerySet,
    *,
    filename_prefix: str = "leads",
    on_complete: Callable[[int], None] | None = None,
) -> StreamingHttpResponse:
    """A download of `leads` named with today's date, streamed row by row."""
    filename = f"{filename_prefix}-{timezone.localdate():%Y-%m-%d}.csv"
    return StreamingHttpResponse(
        iter_csv(leads, on_complete=on_complete),
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
