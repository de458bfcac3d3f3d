"""Background jobs (procrastinate) against what PostgreSQL alone costs.

1. Enqueuing: a transaction that changes a row, with and without a job
   deferred in it. The job must add at most one statement; its time is
   reported against the transaction without it.
2. Throughput: N no-op jobs taken by one worker process, from the moment
   they are committed to the moment the last is done, against a bare
   loop of `INSERT` and `DELETE` of the same rows through one connection,
   the least a queue in the same database can cost a job. The ratio sets
   the goal a later issue can hold.

Run: make bench BENCH=jobs (BENCH_JOBS=2000 jobs).
"""

import os
import statistics
import subprocess
import sys
import time

import common  # first: Django is set up on import
from common import interleaved, report
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from procrastinate.contrib.django import app

from accounts.models import Account
from tests.worker.tasks import does_nothing

JOBS = int(os.environ.get("BENCH_JOBS", 2000))
REPEATS = int(os.environ.get("BENCH_REPEATS", 200))
JOB_TABLES = "procrastinate_events, procrastinate_jobs, procrastinate_workers"


def change(account_id: int, *, with_job: bool) -> None:
    with transaction.atomic():
        Account.objects.filter(pk=account_id).update(name="Bench Motors")
        if with_job:
            does_nothing.defer()


def statements_added(account_id: int) -> int:
    counts = []
    for with_job in (False, True):
        with CaptureQueriesContext(connection) as queries:
            change(account_id, with_job=with_job)
        counts.append(len(queries.captured_queries))
    return counts[1] - counts[0]


def empty_queue() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {JOB_TABLES} CASCADE")


def remaining() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM procrastinate_jobs WHERE status IN ('todo', 'doing')"
        )
        return cursor.fetchone()[0]


def workers_registered() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM procrastinate_workers")
        return cursor.fetchone()[0]


def worker_seconds(total: int) -> float:
    """From the commit of `total` jobs until one worker has done them all."""
    environment = os.environ | {"WORKER_IMPORT_PATHS": "tests.worker.tasks"}
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "procrastinate", "worker", "--concurrency", "1"],
        cwd=common.PROJECT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while not workers_registered():  # Django set up, listening
            time.sleep(0.1)
        with transaction.atomic():
            app.job_manager.batch_defer_jobs(
                [does_nothing.configure().job for _ in range(total)]
            )
        started = time.perf_counter()
        while remaining():
            time.sleep(0.01)
        return time.perf_counter() - started
    finally:
        worker.terminate()
        worker.wait(timeout=30)


def floor_seconds(total: int) -> float:
    """The same rows inserted and deleted one at a time, committed each."""
    started = time.perf_counter()
    with connection.cursor() as cursor:
        for _ in range(total):
            cursor.execute(
                "INSERT INTO procrastinate_jobs (queue_name, task_name, args)"
                " VALUES ('default', 'tests.worker.tasks.does_nothing', '{}')"
                " RETURNING id"
            )
            (job_id,) = cursor.fetchone()
            cursor.execute("DELETE FROM procrastinate_jobs WHERE id = %s", [job_id])
    return time.perf_counter() - started


def main():
    call_command("migrate", verbosity=0)
    account = Account.objects.order_by("pk").first() or Account.objects.create(
        name="Bench Motors"
    )
    empty_queue()

    added = statements_added(account.pk)
    print(f"enqueuing adds {added} statement(s) to its transaction (goal: <= 1)")
    timings = interleaved(
        {
            "change with a job": lambda: change(account.pk, with_job=True),
            "change alone": lambda: change(account.pk, with_job=False),
        },
        repeats=REPEATS,
    )
    report("enqueue", timings, floor="change alone", goal=None)
    empty_queue()

    worker = worker_seconds(JOBS)
    empty_queue()
    floors = [floor_seconds(JOBS) for _ in range(3)]
    floor = statistics.median(floors)
    print(f"\nthroughput, {JOBS} no-op jobs through one worker")
    print(f"  worker   {JOBS / worker:8.0f} jobs/s ({worker:.2f} s)")
    print(f"  floor    {JOBS / floor:8.0f} rows/s ({floor:.2f} s): INSERT; DELETE")
    print(f"  -> the worker runs at {floor / worker:.0%} of the floor (no goal yet)")
    empty_queue()


if __name__ == "__main__":
    main()
