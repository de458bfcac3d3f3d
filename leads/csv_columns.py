"""The columns of the leads CSV, defined once for every export path.

A spreadsheet is the reader: UTF-8 with a byte order mark (so Excel shows
accents), ISO 8601 dates, and text that Excel would run as a formula
neutralised with a leading apostrophe (OWASP "CSV injection").

Two writers make the same bytes from these columns: PostgreSQL itself, with
the COPY that leads.csv_copy generates from each column's SQL, and
csv.writer over model instances (leads.csv_python), for querysets a COPY
cannot wrap. The COPY is many times faster (bench/README.md, "CSV export").
"""

import csv
import datetime
import io
from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter

from django.db import models
from django.utils import timezone

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
    """A CSV column, defined once for both writers of the file.

    `value` reads it from a lead loaded by csv_python.export_queryset;
    `sql` is the same value over the relations that csv_copy joins, and
    `field` its type, which decides how SQL formats it as `format_cell`
    would. Tests hold the two writers byte-equal.
    """

    header: str
    value: Callable[[Lead], object]
    sql: str
    field: models.Field


def _attribute(field: models.Field) -> Column:
    return Column(
        field.attname, attrgetter(field.attname), f'lead."{field.column}"', field
    )


def _user(slot: str, part: str) -> Column:
    def value(lead):
        user = getattr(lead, slot)
        if user is None:
            return None
        return str(user) if part == "name" else user.email

    if part == "name":
        # User.__str__: the full name, stripped as str.strip() does, else
        # the username.
        full_name = f"{slot}.first_name || ' ' || {slot}.last_name"
        sql = f"COALESCE(NULLIF(btrim({full_name}, {WHITESPACE}), ''), {slot}.username)"
        field = models.CharField()
    else:
        sql = f"{slot}.email"
        field = User._meta.get_field("email")
    return Column(f"{slot}_{part}", value, sql, field)


def _contact(relation: str, type_: str) -> Column:
    def value(lead):
        for contact in getattr(lead, relation).all():
            if contact.type == type_:
                return contact.address if relation == "emails" else contact.number
        return None

    model = Lead._meta.get_field(relation).related_model
    field = model._meta.get_field("address" if relation == "emails" else "number")
    return Column(f"{relation[:-1]}_{type_}", value, f"{relation}.{type_}", field)


def _vehicle(type_: str, attribute: str) -> Column:
    def value(lead):
        # Prefetched in id order: the first of its type is the first added.
        for vehicle in lead.vehicles.all():
            if vehicle.type == type_:
                return getattr(vehicle, attribute)
        return None

    field = LeadVehicle._meta.get_field(attribute)
    return Column(f"{type_}_{attribute}", value, f'{type_}."{attribute}"', field)


def _count(relation: str) -> Column:
    return Column(
        f"{relation[:-1]}_count",
        lambda lead: len(getattr(lead, relation).all()),
        f"{relation}.count",
        models.BigIntegerField(),
    )


# Every scalar attribute in model order (the Activix Lead object's, then the
# later additions); account_id is the one foreign key shown as a scalar.
SCALAR_FIELDS = [
    field for field in Lead._meta.concrete_fields if field.name not in USER_SLOTS
]
COLUMNS: list[Column] = [
    *(_attribute(field) for field in SCALAR_FIELDS),
    Column(
        "account_name",
        lambda lead: lead.account.name,
        "account.name",
        Account._meta.get_field("name"),
    ),
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


def header_text() -> str:
    """The file's start: the byte order mark and the header row."""
    buffer = io.StringIO()
    csv.writer(buffer).writerow(HEADER)
    return BOM + buffer.getvalue()
