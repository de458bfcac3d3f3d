"""Checked rows stored with COPY (psycopg 3), a batch at a time.

Leads carry explicit ids, so their emails, phones and vehicles can point at
them within the same batch. The ids come from the lead table's own
sequence, a batch's worth in one statement: unlike leads/demo/writers.py,
which locks the tables to number rows past the largest id, an import runs
while agents work, and a lock would hold every dealership's saves for as
long as the import's transaction lasts (all of it, for all or nothing).
Children take their ids from their column defaults, as COPY leaves them
out. Foreign keys and check constraints are checked by the database as
for any insert.
"""

from collections.abc import Iterable

from django.db import connection
from django.db.models import Model
from psycopg.types.json import Jsonb

from leads.models import Lead, LeadEmail, LeadPhone, LeadVehicle

from .models import UnimportedRow
from .validation import CheckedRow


def _omitted(field):
    """What a row holds for a field the file did not fill."""
    default = field.default
    if field.has_default() and not callable(default):
        return getattr(default, "value", default)  # an enum member's value
    if field.empty_strings_allowed and not field.null:
        return ""
    return None


class Shape:
    """A table's columns as COPY writes them, and each one's value when a
    row leaves it out."""

    def __init__(self, model: type[Model], exclude: Iterable[str] = ()):
        fields = [
            f
            for f in model._meta.concrete_fields
            if not f.generated and f.attname not in exclude
        ]
        self.names = [f.attname for f in fields]
        self.defaults = [_omitted(f) for f in fields]
        columns = ", ".join(f'"{f.column}"' for f in fields)
        self.copy = f"COPY {model._meta.db_table} ({columns}) FROM STDIN"

    def row(self, values: dict) -> tuple:
        return tuple(map(values.get, self.names, self.defaults))


LEAD = Shape(Lead)
EMAIL = Shape(LeadEmail, exclude=["id"])
PHONE = Shape(LeadPhone, exclude=["id"])
VEHICLE = Shape(LeadVehicle, exclude=["id"])
UNIMPORTED = Shape(UnimportedRow, exclude=["id"])
LEAD_SEQUENCE = "SELECT nextval(pg_get_serial_sequence(%s, 'id'))"


def take_lead_ids(cursor, count: int) -> list[int]:
    cursor.execute(
        f"{LEAD_SEQUENCE} FROM generate_series(1, %s)",
        [Lead._meta.db_table, count],
    )
    return [lead_id for (lead_id,) in cursor.fetchall()]


def write_leads(rows: list[CheckedRow], *, account_id: int, now) -> list[int]:
    """Store `rows` as new leads of the dealership; return their ids."""
    if not rows:
        return []
    connection.ensure_connection()
    with connection.connection.cursor() as cursor:
        ids = take_lead_ids(cursor, len(rows))
        fixed = {
            "account_id": account_id,
            "created_method": Lead.CreatedMethod.MANUAL_IMPORT.value,
            "created_at": now,
            "updated_at": now,
        }
        emails, phones, vehicles = [], [], []
        with cursor.copy(LEAD.copy) as copy:
            for lead_id, row in zip(ids, rows, strict=True):
                copy.write_row(LEAD.row({**row.lead, **fixed, "id": lead_id}))
                child = {"lead_id": lead_id, "created_at": now, "updated_at": now}
                for type_, address in row.emails:
                    values = {"type": type_, "address": address}
                    emails.append(EMAIL.row({**child, **values}))
                for type_, number, extension in row.phones:
                    values = {"type": type_, "number": number, "extension": extension}
                    phones.append(PHONE.row({**child, **values}))
                for type_, values in row.vehicles.items():
                    vehicles.append(VEHICLE.row({**child, "type": type_, **values}))
        for shape, children in [(EMAIL, emails), (PHONE, phones), (VEHICLE, vehicles)]:
            if children:
                with cursor.copy(shape.copy) as copy:
                    for values in children:
                        copy.write_row(values)
    return ids


def write_unimported(cursor, import_id: int, rows: list[tuple]) -> None:
    """Store (row number, skipped, reason, cells) of rows that made no lead,
    through `cursor` (psycopg's)."""
    if not rows:
        return
    with cursor.copy(UNIMPORTED.copy) as copy:
        for number, skipped, why, cells in rows:
            copy.write_row(
                UNIMPORTED.row(
                    {
                        "lead_import_id": import_id,
                        "row_number": number,
                        "skipped": skipped,
                        "reason": why,
                        "cells": Jsonb(cells),
                    }
                )
            )


def id_ranges(ids: list[int], ranges: list[list[int]]) -> list[list[int]]:
    """`ranges` of ids ([first, last], ascending) extended by `ids`."""
    ranges = [list(pair) for pair in ranges]
    for lead_id in sorted(ids):
        if ranges and ranges[-1][1] + 1 == lead_id:
            ranges[-1][1] = lead_id
        else:
            ranges.append([lead_id, lead_id])
    return ranges
