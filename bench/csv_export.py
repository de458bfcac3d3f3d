"""CSV export of every lead from the admin, against PostgreSQL's own COPY.

Product: a superuser (who sees every dealership, so all the leads) presses
the lead list's Export button: GET /admin/leads/lead/export/ through
Django's test client, in a child process that reads the streamed body chunk
by chunk, keeps none of it, and reports its own peak RSS.
Floor: the COPY statement that export runs, through psycopg 3 in this
process, bytes discarded.

The export records itself (LeadExport), and logging in writes a session and
last_login: the child writes its records to a scratch schema's copy of that
table, keeps its session in a signed cookie and skips last_login, so the
shared benchmark database is only read.

Run: make bench BENCH=csv_export (BENCH_REPEATS=3 runs of each, ~20 s a run)
"""

import json
import os
import subprocess
import sys
import time
import warnings

import common
from django.contrib import admin
from django.contrib.auth import user_logged_in
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import override_settings

from accounts.models import User
from leads import csv_columns, csv_copy
from leads.models import Lead, LeadExport

URL = "/admin/leads/lead/export/"
SCRATCH = "bench_csv_export"
REPEATS = int(os.environ.get("BENCH_REPEATS", 3))
GOAL_RATIO, GOAL_RSS_MB = 2.0, 150


def superuser() -> User:
    user = User.objects.filter(is_superuser=True, is_active=True).first()
    if user is None:
        sys.exit("No superuser: seed the database with seed_demo.")
    return user


# --- The child: the serving process ---


def serve() -> None:
    """Answer each line on stdin with one export's figures, as JSON."""
    # Static files are collected by deployments only; nothing here serves them.
    warnings.filterwarnings("ignore", "No directory at", UserWarning)
    # Before the first connection: the pool's connections get this path.
    options = connection.settings_dict.setdefault("OPTIONS", {})
    options["options"] = f"-c search_path={SCRATCH},public"
    override_settings(
        SESSION_ENGINE="django.contrib.sessions.backends.signed_cookies"
    ).enable()
    user_logged_in.disconnect(dispatch_uid="update_last_login")
    client = Client()
    client.force_login(superuser())
    reply({"rss_mb": common.peak_rss_mb()})
    for _ in sys.stdin:
        queries = []
        with connection.execute_wrapper(count_into(queries)):
            response = client.get(URL)
            size = 0
            for chunk in response.streaming_content:
                size += len(chunk)
            response.close()
        record = LeadExport.objects.order_by("-id").first()
        reply(
            {
                "bytes": size,
                "rows": record.row_count,
                "queries": len(queries),
                "rss_mb": common.peak_rss_mb(),
            }
        )


def count_into(queries: list):
    def wrapper(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    return wrapper


def reply(message: dict) -> None:
    print(json.dumps(message), flush=True)


# --- The parent: the floor, the timing and the report ---


def copy_statement() -> str:
    """The COPY the admin export runs for a superuser's unfiltered list."""
    request = RequestFactory().get(URL)
    request.user = superuser()
    lead_admin = admin.site.get_model_admin(Lead)
    leads = lead_admin.get_changelist_instance(request).queryset
    connection.ensure_connection()
    return connection.ops.compose_sql(*csv_copy.copy_sql(leads))


def main() -> None:
    common.ensure_leads()
    statement = copy_statement()
    with connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {SCRATCH} CASCADE")
        cursor.execute(f"CREATE SCHEMA {SCRATCH}")
        cursor.execute(
            f"CREATE TABLE {SCRATCH}.{LeadExport._meta.db_table} "
            f"(LIKE public.{LeadExport._meta.db_table} INCLUDING ALL)"
        )
    child = subprocess.Popen(
        [sys.executable, __file__, "--serve"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        measure(child, statement)
    finally:
        child.kill()
        child.wait()
        with connection.cursor() as cursor:
            cursor.execute(f"DROP SCHEMA IF EXISTS {SCRATCH} CASCADE")


def measure(child: subprocess.Popen, statement: str) -> None:
    baseline = json.loads(child.stdout.readline())
    exported, copied = [], []

    def product() -> None:
        child.stdin.write("export\n")
        child.stdin.flush()
        exported.append(json.loads(child.stdout.readline()))

    def floor() -> None:
        rows = size = 0
        with (
            connection.cursor() as cursor,
            csv_copy.export_session(cursor),
            cursor.cursor.copy(statement) as copy,
        ):
            for block in copy:  # one block a row: the protocol's promise
                rows += 1
                size += len(block)
        copied.append({"rows": rows, "bytes": size})

    start = time.perf_counter()
    timings = common.interleaved(
        {"admin export, streamed": product, "floor: psycopg COPY": floor},
        repeats=REPEATS,
        warmup=0,
    )
    common.report(
        f"CSV export of every lead ({REPEATS} runs each, interleaved)",
        timings,
        floor="floor: psycopg COPY",
        goal=GOAL_RATIO,
    )
    last, rows = exported[-1], copied[-1]["rows"]
    header = len(csv_columns.header_text().encode())
    # Rows end "\r\n" in the file, "\n" from COPY; the file starts with a header.
    same_bytes = last["bytes"] == header + copied[-1]["bytes"] + rows
    print(f"  rows: product {last['rows']:,}, floor {rows:,}")
    print(
        f"  bytes: product {last['bytes']:,}, floor {copied[-1]['bytes']:,}"
        f" (header + one byte a row apart: {'yes' if same_bytes else 'NO'})"
    )
    print(f"  Django queries per export: {last['queries']} (+1 COPY)")
    peak = max(run["rss_mb"] for run in exported)
    verdict = "meets" if peak <= GOAL_RSS_MB else "MISSES"
    print(
        f"  serving process peak RSS: {peak:.0f} MB "
        f"(before the first export {baseline['rss_mb']:.0f} MB), "
        f"goal <= {GOAL_RSS_MB} MB: {verdict}"
    )
    print(f"  bench wall time {time.perf_counter() - start:.0f} s")
    if last["rows"] != rows or not same_bytes:
        sys.exit("The product and the floor exported different data.")


if __name__ == "__main__":
    if sys.argv[1:] == ["--serve"]:
        serve()
    else:
        main()
