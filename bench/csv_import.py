"""CSV import of 100,000 leads against COPY FROM of the same leads.

Source: our own export (leads.csv_copy.iter_csv_bytes, the admin's CSV) of
the first BENCH_IMPORT_ROWS (100,000) demo leads of the biggest dealership
in the kept million-lead database, written once to a temporary file.

Product: what a manager's import costs, in a child process of its own that
reports its peak RSS: the upload (leads.imports.reading.inspect reads the
whole file for its encoding, delimiter and rows, and the file is stored),
then the job (run_import: every row checked, the leads with their emails,
phones and vehicles written with COPY a batch at a time, each committed).
Floor: the lead rows the product stored, dumped once (untimed) with COPY
TO, then COPY FROM STDIN into the emptied lead tables in one committed
transaction.

Both write into a scratch database (created, migrated and dropped here)
holding one dealership with the exported dealership's staff, so the staff
columns resolve; the shared million-lead database is only read.

Run: make bench BENCH=csv_import (BENCH_IMPORT_REPEATS=3 runs of each)
"""

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import common
import psycopg
from django.core.management import call_command
from django.db import connection
from django.db.models import Count

from accounts.models import Account, User
from leads.csv_copy import iter_csv_bytes
from leads.models import Lead, LeadEmail, LeadPhone, LeadVehicle

ROWS = int(os.environ.get("BENCH_IMPORT_ROWS", 100_000))
REPEATS = int(os.environ.get("BENCH_IMPORT_REPEATS", 3))
SCRATCH = "bench_csv_import"
GOAL_RATIO, GOAL_RSS_MB = 5.0, 200
LEAD_TABLES = [m._meta.db_table for m in (Lead, LeadEmail, LeadPhone, LeadVehicle)]
CHUNK = 1 << 20
SERVER_DATABASE = connection.settings_dict["NAME"]


# --- The child: one import, as the upload and the job run it ---


def import_once(path: str) -> None:
    from django.core.files import File

    from leads.imports.columns import guess_mapping
    from leads.imports.importing import run_import
    from leads.imports.models import ImportStatus, LeadImport
    from leads.imports.reading import inspect

    connection.settings_dict["NAME"] = SCRATCH
    user = User.objects.get(username="bench-importer")
    start = time.perf_counter()
    with open(path, "rb") as file:
        layout = inspect(file, os.path.getsize(path))
        record = LeadImport.objects.create(
            account=user.account,
            user=user,
            file=File(file, name="leads.csv"),
            filename="leads.csv",
            encoding=layout.encoding,
            delimiter=layout.delimiter,
            header=layout.header,
            mapping=guess_mapping(layout.header),
            total_rows=layout.total_rows,
            status=ImportStatus.QUEUED,
        )
    uploaded = time.perf_counter()
    run_import(record.pk)
    done = time.perf_counter()
    record.refresh_from_db()
    print(
        json.dumps(
            {
                "upload_s": uploaded - start,
                "job_s": done - uploaded,
                "created": record.created_count,
                "rejected": record.rejected_count,
                "skipped": record.skipped_count,
                "rss_mb": common.peak_rss_mb(),
            }
        )
    )


# --- The parent: the source file, the scratch database, the floor ---


def server_connection() -> psycopg.Connection:
    params = connection.get_connection_params()
    keys = ["host", "port", "user", "password"]
    return psycopg.connect(
        dbname=SERVER_DATABASE,
        autocommit=True,
        **{key: params[key] for key in keys if params.get(key)},
    )


def export_source(path: Path) -> tuple[Account, list[User]]:
    """Our export of the biggest dealership's first ROWS leads, to `path`."""
    biggest = (
        Account.objects.annotate(leads_count=Count("leads"))
        .order_by("-leads_count")
        .first()
    )
    ids = Lead.objects.filter(account=biggest).order_by("id").values("id")
    last = ids[ROWS - 1]["id"]
    leads = Lead.objects.filter(account=biggest, id__lte=last).order_by("id")
    with path.open("wb") as file:
        for piece in iter_csv_bytes(leads):
            file.write(piece)
    return biggest, list(User.objects.filter(account=biggest))


def create_scratch(source: Account, staff: list[User]) -> None:
    connection.close()
    connection.close_pool()  # its connections are to the shared database
    with server_connection() as server:
        server.execute(f"DROP DATABASE IF EXISTS {SCRATCH} WITH (FORCE)")
        server.execute(f"CREATE DATABASE {SCRATCH}")
    connection.settings_dict["NAME"] = SCRATCH
    call_command("migrate", verbosity=0)
    account = Account.objects.create(
        name=source.name,
        country=source.country,
        province=source.province,
        time_zone=source.time_zone,
    )
    fields = ["username", "first_name", "last_name", "email", "is_staff"]
    User.objects.bulk_create(
        [User(account=account, **{f: getattr(u, f) for f in fields}) for u in staff]
    )
    User.objects.create(account=account, username="bench-importer", is_staff=True)


def drop_scratch() -> None:
    connection.close()
    connection.close_pool()
    with server_connection() as server:
        server.execute(f"DROP DATABASE IF EXISTS {SCRATCH} WITH (FORCE)")


def empty_leads() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(LEAD_TABLES)} CASCADE")
        cursor.execute("TRUNCATE imports_leadimport CASCADE")


def dump(directory: Path) -> None:
    connection.ensure_connection()
    with connection.connection.cursor() as cursor:
        for table in LEAD_TABLES:
            with (
                (directory / table).open("wb") as file,
                cursor.copy(f"COPY {table} TO STDOUT") as copy,
            ):
                for data in copy:
                    file.write(data)


def floor(directory: Path) -> float:
    empty_leads()
    connection.ensure_connection()
    raw = connection.connection
    start = time.perf_counter()
    with raw.transaction(), raw.cursor() as cursor:
        for table in LEAD_TABLES:
            with (
                (directory / table).open("rb") as file,
                cursor.copy(f"COPY {table} FROM STDIN") as copy,
            ):
                while data := file.read(CHUNK):
                    copy.write(data)
    return time.perf_counter() - start


def product(path: Path, media: str) -> dict:
    empty_leads()
    connection.close()
    start = time.perf_counter()
    finished = subprocess.run(
        [sys.executable, __file__, "--import", str(path)],
        env={**os.environ, "DJANGO_MEDIA_ROOT": media},
        capture_output=True,
        text=True,
    )
    if finished.returncode:
        sys.exit(finished.stdout + finished.stderr)
    result = json.loads(finished.stdout.strip().splitlines()[-1])
    result["wall_s"] = time.perf_counter() - start
    return result


def main() -> None:
    common.ensure_leads()
    timings = {"import (upload + job)": [], "floor: COPY FROM": []}
    runs = []
    with tempfile.TemporaryDirectory(prefix="bench-import-") as scratch:
        directory = Path(scratch)
        source_file = directory / "leads.csv"
        source, staff = export_source(source_file)
        size_mb = source_file.stat().st_size / 1e6
        print(f"source: {ROWS:,} leads of {source.name}, {size_mb:.0f} MB of CSV")
        dumped = directory / "dump"
        dumped.mkdir()
        try:
            create_scratch(source, staff)
            for repeat in range(REPEATS):
                run = product(source_file, str(directory / "media"))
                runs.append(run)
                timings["import (upload + job)"].append(run["upload_s"] + run["job_s"])
                if repeat == 0:
                    dump(dumped)
                timings["floor: COPY FROM"].append(floor(dumped))
                print(
                    f"  run {repeat + 1}: upload {run['upload_s']:.1f} s + job "
                    f"{run['job_s']:.1f} s, COPY FROM "
                    f"{timings['floor: COPY FROM'][-1]:.1f} s",
                    flush=True,
                )
        finally:
            drop_scratch()
    report(timings, runs)


def report(timings: dict, runs: list[dict]) -> None:
    common.report(
        f"CSV import of {ROWS:,} leads of our own export, {REPEATS} runs",
        timings,
        floor="floor: COPY FROM",
        goal=GOAL_RATIO,
    )
    last = runs[-1]
    print(
        f"  created {last['created']:,}, rejected {last['rejected']:,}, "
        f"skipped {last['skipped']:,}"
    )
    peak = max(run["rss_mb"] for run in runs)
    verdict = "meets" if peak <= GOAL_RSS_MB else "MISSES"
    print(f"  importing process peak RSS {peak:.0f} MB, goal <= 200 MB: {verdict}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--import"]:
        import_once(sys.argv[2])
    else:
        main()
