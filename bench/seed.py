"""seed_demo against COPY FROM of the same rows, in a scratch database.

Product: the real `seed_demo --accounts 10 --leads N` on emptied tables.
Floor: the rows the first product run stored, dumped once (untimed) with
COPY TO into files, then COPY FROM STDIN into the emptied lead tables, in
one transaction committed (so constraints are checked) inside the timing.
The dealerships and staff stay for the floor: its rows point at them.

Both write into a database of their own on the benchmark server, created
and migrated at the start and dropped at the end: the shared million-lead
database is never written. BENCH_SEED_LEADS (default 1,000,000) and
BENCH_SEED_REPEATS (default 3) size the run; at a million leads a repeat
(product and floor) takes about two and a half minutes.
"""

import io
import os
import tempfile
import time
from pathlib import Path

import psycopg
from common import peak_rss_mb, report
from django.core.management import call_command
from django.db import connection

from leads.demo.generate import SHAPES

LEADS = int(os.environ.get("BENCH_SEED_LEADS", 1_000_000))
REPEATS = int(os.environ.get("BENCH_SEED_REPEATS", 3))
ACCOUNTS = 10
SCRATCH = "bench_seed"
GOAL = 3.0
# What seed_demo adds; CASCADE empties what points at them (group
# memberships, admin log, tokens).
SEEDED_TABLES = ["accounts_account", "accounts_user"]
LEAD_TABLES = [model._meta.db_table for model in SHAPES]  # parents first
CHUNK = 1 << 20
SERVER_DATABASE = connection.settings_dict["NAME"]


def server_connection() -> psycopg.Connection:
    """An autocommit connection to the benchmark server's own database."""
    params = connection.get_connection_params()
    keys = ["host", "port", "user", "password"]
    return psycopg.connect(
        dbname=SERVER_DATABASE,
        autocommit=True,
        **{key: params[key] for key in keys if params.get(key)},
    )


def create_scratch_database() -> None:
    with server_connection() as server:
        server.execute(f"DROP DATABASE IF EXISTS {SCRATCH} WITH (FORCE)")
        server.execute(f"CREATE DATABASE {SCRATCH}")
    # Nothing has connected yet: from here on Django works in the scratch.
    connection.settings_dict["NAME"] = SCRATCH
    call_command("migrate", verbosity=0)


def drop_scratch_database() -> None:
    connection.close()
    connection.close_pool()
    with server_connection() as server:
        server.execute(f"DROP DATABASE IF EXISTS {SCRATCH} WITH (FORCE)")


def empty(tables: list[str]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")


def columns(model) -> str:
    return ", ".join(SHAPES[model].columns)


def dump_lead_tables(directory: Path) -> None:
    """The rows seed_demo stored, in COPY's text format, a file per table."""
    connection.ensure_connection()
    with connection.connection.cursor() as cursor:
        for model in SHAPES:
            table = model._meta.db_table
            statement = f"COPY {table} ({columns(model)}) TO STDOUT"
            with (directory / table).open("wb") as file, cursor.copy(statement) as copy:
                for data in copy:
                    file.write(data)


def product() -> float:
    empty([*SEEDED_TABLES, *LEAD_TABLES])
    start = time.perf_counter()
    call_command(
        "seed_demo", accounts=ACCOUNTS, leads=LEADS, verbosity=0, stdout=io.StringIO()
    )
    return time.perf_counter() - start


def floor(directory: Path) -> float:
    empty(LEAD_TABLES)
    connection.ensure_connection()
    raw = connection.connection
    start = time.perf_counter()
    with raw.transaction(), raw.cursor() as cursor:
        # As seed_demo does. Without the lock autovacuum may ANALYZE a table
        # mid-load, count none of the uncommitted rows and record 0 rows
        # over 35,000 pages; foreign key checks replanned from that scanned
        # a whole index per row, and COPYs due in 10 s ran for minutes.
        cursor.execute(f"LOCK TABLE {', '.join(LEAD_TABLES)} IN EXCLUSIVE MODE")
        for model in SHAPES:
            table = model._meta.db_table
            statement = f"COPY {table} ({columns(model)}) FROM STDIN"
            with (directory / table).open("rb") as file, cursor.copy(statement) as copy:
                while data := file.read(CHUNK):
                    copy.write(data)
    return time.perf_counter() - start


def main():
    create_scratch_database()
    timings = {"seed_demo": [], "COPY FROM": []}
    try:
        with tempfile.TemporaryDirectory(prefix="bench-seed-") as directory:
            for repeat in range(REPEATS):
                timings["seed_demo"].append(product())
                if repeat == 0:
                    dump_lead_tables(Path(directory))
                timings["COPY FROM"].append(floor(Path(directory)))
                print(
                    f"  run {repeat + 1}: seed_demo {timings['seed_demo'][-1]:.1f} s, "
                    f"COPY FROM {timings['COPY FROM'][-1]:.1f} s",
                    flush=True,
                )
            sizes = {
                path.name: path.stat().st_size for path in Path(directory).iterdir()
            }
    finally:
        drop_scratch_database()
    print(
        f"rows as COPY text: {', '.join(f'{t} {b >> 20} MB' for t, b in sizes.items())}"
    )
    report(
        f"seed_demo --accounts {ACCOUNTS} --leads {LEADS:,}, {REPEATS} runs",
        timings,
        floor="COPY FROM",
        goal=GOAL,
    )
    print(f"  peak RSS {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
