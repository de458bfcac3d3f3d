"""Storing generated batches with COPY.

Rows carry explicit ids; the id sequences are moved past them in the same
transaction, so plain inserts work afterwards and a failed run leaves
nothing behind.
"""

import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

from django.core.management.color import no_style
from django.db import connection, transaction
from psycopg.types.json import JsonbDumper

from leads.models import Lead

from .generate import SHAPES, Batch, LeadGenerator

MODELS = tuple(SHAPES)  # parents first


class CopyWriter:
    """COPY rows in through psycopg 3, tables locked for the ids."""

    def start(self) -> dict:
        """Get ready to write in this transaction; return each table's next id."""
        tables = ", ".join(model._meta.db_table for model in MODELS)
        lasts = ", ".join(
            f"(SELECT max({model._meta.pk.column}) FROM {model._meta.db_table})"
            for model in MODELS
        )
        with connection.cursor() as cursor:
            # Other writers wait for the commit, so the ids stay free; readers
            # do not wait.
            cursor.execute(f"LOCK TABLE {tables} IN EXCLUSIVE MODE")
            # Django's foreign keys are checked at commit (DEFERRABLE INITIALLY
            # DEFERRED): millions of checks after the load, while the thread
            # making batches idles. Checked as rows arrive, they overlap it.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"SELECT {lasts}")
            return {
                model: (last or 0) + 1
                for model, last in zip(MODELS, cursor.fetchone(), strict=True)
            }

    def write(self, batch: Batch) -> None:
        connection.ensure_connection()
        with connection.connection.cursor() as cursor:
            # A vehicle's appraisal (JSONField) arrives as a dict.
            cursor.adapters.register_dumper(dict, JsonbDumper)
            for model, rows in batch.rows.items():
                shape = SHAPES[model]
                columns = ", ".join(shape.columns)
                statement = f"COPY {model._meta.db_table} ({columns}) FROM STDIN"
                with cursor.copy(statement) as copy:
                    for row in rows:
                        copy.write_row(row)

    def end(self) -> None:
        """Move the id sequences past the rows written."""
        statements = connection.ops.sequence_reset_sql(no_style(), MODELS)
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")  # Django's default

    def analyze(self) -> None:
        """Refresh the planner's statistics after a big load."""
        tables = ", ".join(model._meta.db_table for model in MODELS)
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {tables}")


def write_leads(
    generator: LeadGenerator, total: int, *, batch_size: int, on_batch=None
) -> Counter:
    """Generate and store `total` leads; return the rows written per model.

    All in one transaction: the ids are taken once, under the tables' lock,
    so the next batch can be made in a thread while the database is busy
    with the current one (making batches is pure Python, no queries).
    """
    writer = CopyWriter()
    sizes = [min(batch_size, total - done) for done in range(0, total, batch_size)]
    written = Counter()
    started = time.monotonic()
    with transaction.atomic(), ThreadPoolExecutor(max_workers=1) as background:
        next_ids = writer.start()
        pending = None  # the batch being made while the one before is written
        for size in [*sizes, 0]:
            made = pending
            pending = (
                background.submit(generator.batch, size, next_ids) if size else None
            )
            if made is None:
                continue
            batch = made.result()
            writer.write(batch)
            for model, rows in batch.rows.items():
                written[model] += len(rows)
            if on_batch is not None:
                on_batch(written[Lead], time.monotonic() - started)
        writer.end()
    if total:
        writer.analyze()
    return written
