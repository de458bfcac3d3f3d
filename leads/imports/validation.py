"""A row of an imported file, read as a lead with its emails, phones and
vehicles, or the errors that reject it, each naming its column."""

import zoneinfo
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from accounts.constraints import province_in_country
from accounts.models import Account
from leads import phones
from leads.csv_columns import FORMULA_PREFIXES

from . import cells
from .columns import IGNORE, TARGETS

TYPE_MISSING = _(
    "A lead needs a type: map a column to it, or choose the type of rows without one."
)
STAFF_DISAGREE = _("The name and the email name different staff members.")
PROVINCE_ELSEWHERE = _("The province does not belong to the country.")
TYPE_LABEL = TARGETS["type"].label


@dataclass
class Error:
    """What is wrong in a row: its column's index (None when no column is
    at fault, as for a missing type), the column's name, and why."""

    column: int | None
    name: str
    message: str


@dataclass
class CheckedRow:
    """A lead's field values (by attname), its emails as (type, address),
    phones as (type, number, extension), vehicles' values by type; or,
    with `errors`, a row that makes no lead."""

    lead: dict = field(default_factory=dict)
    emails: list = field(default_factory=list)
    phones: list = field(default_factory=list)
    vehicles: dict = field(default_factory=dict)
    errors: list[Error] = field(default_factory=list)


@dataclass(frozen=True)
class Column:
    index: int
    name: str
    kind: str
    part: str
    attname: str
    clean: cells.Cleaner


def reason(errors: list[Error]) -> str:
    """The errors of a row as one sentence each, for the rejected rows' file."""
    return " ".join(f"{error.name}: {error.message}" for error in errors)


def unquote(value: str) -> str:
    """A cell as typed: our export writes a cell a spreadsheet would run as
    a formula behind an apostrophe ('+15145551234), which goes."""
    if value[0] == "'" and value[1:2] in FORMULA_PREFIXES:
        return value[1:].strip()
    return value


class RowChecker:
    """Reads rows of a file whose columns map to `mapping`'s targets, for a
    dealership's leads."""

    def __init__(
        self,
        header: list[str],
        mapping: list[str],
        *,
        account: Account,
        default_type: str = "",
    ):
        staff = cells.Staff(account.pk)
        region = phones.region_of(account)
        zone = zoneinfo.ZoneInfo(account.time_zone)
        self.default_type = default_type
        self.columns = []
        for index, key in enumerate(mapping):
            if key == IGNORE:
                continue
            target = TARGETS[key]
            name = header[index] if index < len(header) else ""
            self.columns.append(
                Column(
                    index,
                    name or str(target.label),
                    target.kind,
                    target.part,
                    target.field.attname,
                    cells.cleaner(target, region=region, zone=zone, staff=staff),
                )
            )
        lead_columns = {c.attname: c for c in self.columns if c.kind == "lead"}
        # A province is set only through its column.
        self.province_column = lead_columns.get("province")
        self.type_column = getattr(lead_columns.get("type"), "index", None)

    def check(self, row: list[str]) -> CheckedRow | None:
        """The lead of `row`, or None for a row of blank cells."""
        if not any(map(str.strip, row)):
            return None
        checked = CheckedRow()
        lead, errors, width = checked.lead, checked.errors, len(row)
        named = {}  # slot: (column, staff id or CellError), settled below
        for column in self.columns:
            if column.index >= width:
                continue
            value = row[column.index].strip()
            if not value:
                continue
            value = unquote(value)
            kind = column.kind
            try:
                cleaned = column.clean(value)
            except cells.CellError as error:
                if kind == "staff_name":
                    named[column.part] = (column, error)
                else:
                    errors.append(Error(column.index, column.name, error.message))
                    if kind == "staff_email":
                        lead[f"{column.part}_id"] = None
                continue
            if kind == "lead":
                lead[column.attname] = cleaned
            elif kind == "vehicle":
                vehicle = checked.vehicles.setdefault(column.part, {})
                vehicle[column.attname] = cleaned
            elif kind == "email":
                checked.emails.append((column.part, cleaned))
            elif kind == "phone":
                checked.phones.append((column.part, *cleaned))
            elif kind == "staff_email":
                lead[f"{column.part}_id"] = cleaned
            else:
                named[column.part] = (column, cleaned)
        if named:
            self._settle_names(named, lead, errors)
        self._check_lead(lead, errors)
        return checked

    @staticmethod
    def _settle_names(named: dict, lead: dict, errors: list[Error]) -> None:
        """A slot named by email is the email's: its name, if given, must
        not name someone else, but may be one several staff share."""
        for slot, (column, found) in named.items():
            key = f"{slot}_id"
            if key not in lead:
                if isinstance(found, cells.CellError):
                    errors.append(Error(column.index, column.name, found.message))
                else:
                    lead[key] = found
            elif isinstance(found, int) and lead[key] not in (None, found):
                errors.append(Error(column.index, column.name, STAFF_DISAGREE))

    def _check_lead(self, lead: dict, errors: list[Error]) -> None:
        """What holds between a lead's fields, and what it cannot lack."""
        if "type" not in lead:
            if self.default_type:
                lead["type"] = self.default_type
            elif not any(error.column == self.type_column for error in errors):
                errors.append(Error(None, str(TYPE_LABEL), str(TYPE_MISSING)))
        province = lead.get("province", "")
        if province and not province_in_country(province, lead.get("country", "")):
            column = self.province_column
            errors.append(Error(column.index, column.name, str(PROVINCE_ELSEWHERE)))
