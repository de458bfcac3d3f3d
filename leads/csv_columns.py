"""The columns of the leads CSV, defined once for every export.

A spreadsheet is the reader: UTF-8 with a byte order mark (so Excel shows
accents), ISO 8601 dates, and text that Excel would run as a formula
neutralised with a leading apostrophe (OWASP "CSV injection"). Each column
is a SQL expression over the relations leads.csv_copy joins; PostgreSQL
writes the file itself (bench/README.md, "CSV export").
"""

import csv
import io
from dataclasses import dataclass

from django.db import models

from accounts.models import Account, User

from .models import USER_SLOTS, Lead, LeadEmail, LeadPhone, LeadVehicle

BOM = "\ufeff"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
VEHICLE_COLUMNS = ["year", "make", "model", "trim", "vin"]
# What str.strip() removes (U+3000 is the last), as a SQL string literal.
_SPACES = (char for char in map(chr, range(0x3001)) if char.isspace())
WHITESPACE = "U&'" + "".join(f"\\{ord(char):04X}" for char in _SPACES) + "'"


@dataclass(frozen=True)
class Column:
    """A CSV column: its header, its value in SQL over the relations that
    csv_copy joins, and the field whose type decides how the cell is
    written (csv_copy's `_cell`)."""

    header: str
    sql: str
    field: models.Field


def _attribute(field: models.Field) -> Column:
    return Column(field.attname, f'lead."{field.column}"', field)


def _user(slot: str, part: str) -> Column:
    if part == "name":
        # User.__str__: the full name, stripped as str.strip() does, else
        # the username.
        full_name = f"{slot}.first_name || ' ' || {slot}.last_name"
        sql = f"COALESCE(NULLIF(btrim({full_name}, {WHITESPACE}), ''), {slot}.username)"
        return Column(f"{slot}_name", sql, models.CharField())
    return Column(f"{slot}_email", f"{slot}.email", User._meta.get_field("email"))


def _contact(relation: str, type_: str) -> Column:
    model = Lead._meta.get_field(relation).related_model
    field = model._meta.get_field("address" if relation == "emails" else "number")
    return Column(f"{relation[:-1]}_{type_}", f"{relation}.{type_}", field)


def _vehicle(type_: str, attribute: str) -> Column:
    field = LeadVehicle._meta.get_field(attribute)
    return Column(f"{type_}_{attribute}", f'{type_}."{attribute}"', field)


def _count(relation: str) -> Column:
    count = models.BigIntegerField()
    return Column(f"{relation[:-1]}_count", f"{relation}.count", count)


# Every scalar attribute in model order (the Activix Lead object's, then the
# later additions); account_id is the one foreign key shown as a scalar.
SCALAR_FIELDS = [
    field for field in Lead._meta.concrete_fields if field.name not in USER_SLOTS
]
COLUMNS: list[Column] = [
    *(_attribute(field) for field in SCALAR_FIELDS),
    Column("account_name", "account.name", Account._meta.get_field("name")),
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


def header_text() -> str:
    """The file's start: the byte order mark and the header row."""
    buffer = io.StringIO()
    csv.writer(buffer).writerow(HEADER)
    return BOM + buffer.getvalue()
