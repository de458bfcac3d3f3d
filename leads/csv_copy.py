"""Leads as CSV made by PostgreSQL: one `COPY (SELECT ...) TO STDOUT`
generated from leads.csv_columns, whose bytes Python only passes on.

Each cell is formatted and defused in SQL (`_cell`): empty for NULL,
`true`/`false`, ISO dates, local times with their offset, and text that a
spreadsheet would run as a formula behind an apostrophe. The queryset to
export (the admin list's, filtered, searched and scoped to the user) is
compiled by Django into the lead source, parameters included, and its
ordering is repeated outside it, so rows keep the list's order.

Measured on a million leads in bench/csv_export.py (bench/README.md).
"""

from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import contextmanager

from django.core.exceptions import EmptyResultSet, FieldDoesNotExist
from django.db import connections, models
from django.db.models import F, OrderBy
from django.utils import timezone

from .csv_columns import COLUMNS, FORMULA_PREFIXES, VEHICLE_COLUMNS, Column, header_text
from .models import USER_SLOTS, Lead, LeadEmail, LeadPhone, LeadQuerySet, LeadVehicle

# Bytes handed to the response at a time: the server sends one message a
# row (~600 bytes), and each piece costs the WSGI server a write.
BYTES_PER_PIECE = 64 * 1024
# isoformat(timespec="seconds") of the local time. Only times before the
# zone's standard time (1895 in Toronto) differ: Python writes their
# offset's seconds too (-05:17:32), TZM stops at minutes.
DATETIME_FORMAT = 'YYYY-MM-DD"T"HH24:MI:SSTZH:TZM'
FORMULA_CODES = ", ".join(str(ord(prefix)) for prefix in FORMULA_PREFIXES)


def _cell(column: Column) -> str:
    """The SQL of `column`'s cell: its value as a spreadsheet reads it."""
    value, field = column.sql, column.field
    if isinstance(field, models.DateTimeField):
        # TZH:TZM is the session's time zone, set to the site's for the COPY.
        return f"to_char({value}, '{DATETIME_FORMAT}')"
    if isinstance(field, models.DateField):
        return f"to_char({value}, 'YYYY-MM-DD')"
    if isinstance(field, models.BooleanField):
        return f"{value}::text"
    if isinstance(field, models.CharField | models.TextField):
        # COPY quotes an empty string ("") but not NULL: an empty cell is
        # written as nothing, whatever its column, so "" becomes NULL.
        return (
            f"CASE WHEN ascii({value}) IN ({FORMULA_CODES}) "
            f"THEN '''' || {value} ELSE NULLIF({value}, '') END"
        )
    return value


def _relations() -> str:
    """The joins that the columns' SQL reads, each lead's related rows.

    LATERAL subqueries rather than joins to tables grouped by lead: the
    planner probes the (lead, type) indexes for just the exported leads,
    so a filtered export costs by its own rows, not the table's."""
    users = Lead._meta.get_field("bdc").related_model._meta.db_table
    accounts = Lead._meta.get_field("account").related_model._meta.db_table
    joins = [f"JOIN {accounts} AS account ON account.id = lead.account_id"]
    joins += [
        f"LEFT JOIN {users} AS {slot} ON {slot}.id = lead.{slot}_id"
        for slot in USER_SLOTS
    ]
    for relation, model, value in [
        ("emails", LeadEmail, "address"),
        ("phones", LeadPhone, "number"),
    ]:
        # A unique constraint allows one contact of a type: max() is it.
        picks = "".join(
            f"max({value}) FILTER (WHERE type = '{type_}') AS {type_}, "
            for type_ in model.Type.values
        )
        joins.append(
            f"CROSS JOIN LATERAL (SELECT {picks}count(*) AS count "
            f"FROM {model._meta.db_table} WHERE lead_id = lead.id) AS {relation}"
        )
    vehicles = LeadVehicle._meta.db_table
    attributes = ", ".join(f'"{name}"' for name in VEHICLE_COLUMNS)
    joins += [
        f"LEFT JOIN LATERAL (SELECT {attributes} FROM {vehicles} "
        f"WHERE lead_id = lead.id AND type = '{type_}' ORDER BY id LIMIT 1) "
        f"AS {type_} ON true"
        for type_ in LeadVehicle.Type.values
    ]
    joins.append(
        f"CROSS JOIN LATERAL (SELECT count(*) AS count FROM {vehicles} "
        "WHERE lead_id = lead.id) AS vehicles"
    )
    return " ".join(joins)


def _sort_keys(
    ordering: Iterable, descending: bool = False, prefix: str = ""
) -> Iterator[OrderBy]:
    """What `Lead.objects.order_by(*ordering)` sorts by, read as Django does:
    naming a relation means its model's own ordering."""
    for item in ordering:
        if not isinstance(item, str):
            key = item.copy() if isinstance(item, OrderBy) else item.asc()
            if descending:
                key.reverse_ordering()
            yield key.prefix_references(prefix) if prefix else key
            continue
        name = prefix + item.removeprefix("-")
        flipped = item.startswith("-") != descending
        field = _field(name)
        if (
            field is not None
            and field.is_relation
            and field.related_model._meta.ordering
            and name.rsplit("__", 1)[-1] not in ("pk", field.attname)
        ):
            yield from _sort_keys(
                field.related_model._meta.ordering, flipped, f"{name}__"
            )
        else:
            yield OrderBy(F(name), descending=flipped)


def _field(path: str) -> models.Field | None:
    """The field at the end of `path` from Lead, or None if it names none."""
    model, field = Lead, None
    for name in path.split("__"):
        try:
            field = model._meta.pk if name == "pk" else model._meta.get_field(name)
        except FieldDoesNotExist:
            return None  # an annotation or a transform: F() reads it
        model = field.related_model or model
    return field


def copy_sql(leads: LeadQuerySet) -> tuple[str, list]:
    """The COPY of `leads` as CSV rows, in their order, and its parameters."""
    check_copyable(leads)
    query = leads.query
    ordering = query.order_by or (query.default_ordering and Lead._meta.ordering)
    keys = list(_sort_keys(ordering or ()))
    # The sort keys become columns of an unordered source, which PostgreSQL
    # merges into the outer query: its ORDER BY then walks the list's index
    # into the LATERAL probes without a sort of the wide rows.
    names = {f"export_order_{index}": key.expression for index, key in enumerate(keys)}
    source = leads.order_by().annotate(**names)
    columns = [field.attname for field in Lead._meta.concrete_fields]
    source_sql, params = source.values(*columns, *names).query.sql_with_params()
    order = ", ".join(
        f"lead.{name} {'DESC' if key.descending else 'ASC'}"
        + (" NULLS FIRST" if key.nulls_first else "")
        + (" NULLS LAST" if key.nulls_last else "")
        for name, key in zip(names, keys, strict=True)
    )
    cells = ", ".join(_cell(column) for column in COLUMNS)
    select = f"SELECT {cells} FROM ({source_sql}) AS lead {_relations()}"
    if order:
        select += f" ORDER BY {order}"
    return f"COPY ({select}) TO STDOUT WITH (FORMAT csv)", list(params)


def check_copyable(leads: LeadQuerySet) -> None:
    """Refuse what copy_sql cannot wrap: its ordering moves outside the
    query, which a slice, a union or DISTINCT would not survive. Every
    export the product makes is a filtered list of leads."""
    query = leads.query
    if query.is_sliced or query.combinator or query.distinct or query.extra_order_by:
        raise ValueError("Only a filtered, unsliced list of leads can be exported.")


@contextmanager
def export_session(cursor) -> Iterator[None]:
    """The session settings the COPY runs with, restored afterwards: the
    site's time zone (the offset TZH:TZM writes) and no JIT compilation,
    which delays a dealership's export by seconds before its first row and
    gains nothing on a million (bench/README.md)."""
    cursor.execute("SELECT current_setting('TimeZone'), current_setting('jit')")
    saved = cursor.fetchone()
    _configure(cursor, timezone.get_current_timezone_name(), "off")
    try:
        yield
    finally:
        _configure(cursor, *saved)


def _configure(cursor, time_zone: str, jit: str) -> None:
    cursor.execute(
        "SELECT set_config('TimeZone', %s, false), set_config('jit', %s, false)",
        [time_zone, jit],
    )


def iter_csv_bytes(
    leads: LeadQuerySet, *, on_complete: Callable[[int], None] | None = None
) -> Iterator[bytes]:
    """The CSV bytes of `leads` in pieces; `on_complete(rows)` after the last."""
    # Sent before the first query, so the download starts at once.
    yield header_text().encode()
    rows = yield from _copy_rows(leads)
    if on_complete is not None:
        on_complete(rows)


def _copy_rows(leads: LeadQuerySet) -> Generator[bytes, None, int]:
    try:
        sql, params = copy_sql(leads)
    except EmptyResultSet:  # e.g. none() for a user without a dealership
        return 0
    connection = connections[leads.db]
    connection.ensure_connection()
    # COPY takes no bind parameters: psycopg quotes them into the statement.
    statement = connection.ops.compose_sql(sql, params)
    with connection.cursor() as cursor, export_session(cursor):
        with cursor.cursor.copy(statement) as copy:
            pieces, size = [], 0
            # The server sends a row a message (the protocol promises it),
            # ending in "\n" where csv.writer, and RFC 4180, end in "\r\n".
            for row in copy:
                pieces += (row[:-1], b"\r\n")
                size += len(row) + 1
                if size >= BYTES_PER_PIECE:
                    yield b"".join(pieces)
                    pieces, size = [], 0
            if pieces:
                yield b"".join(pieces)
        return cursor.rowcount
