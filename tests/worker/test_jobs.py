"""Jobs are enqueued with the change they belong to, retried when they
fail, kept with their error when they keep failing, and never lost with a
worker that dies: each proved with real worker processes."""

import os
import signal

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from procrastinate.contrib.django.models import ProcrastinateJob

from accounts.models import Account
from leads.worker.models import JobFailure
from tests.processes import start_worker, stop, wait_for
from tests.worker.tasks import always_fails, does_nothing, slow_on_first_attempt

pytestmark = pytest.mark.usefixtures("empty_queue")


def job_status(job_id: int) -> str:
    return ProcrastinateJob.objects.get(pk=job_id).status


def test_a_job_exists_only_if_the_change_it_belongs_to_commits():
    with pytest.raises(RuntimeError), transaction.atomic():
        Account.objects.create(name="Rolled back")
        does_nothing.defer()
        raise RuntimeError("the change fails")
    with transaction.atomic():
        Account.objects.create(name="Committed")
        kept = does_nothing.defer()

    assert list(ProcrastinateJob.objects.values_list("pk", flat=True)) == [kept]


def test_enqueuing_a_job_costs_the_transaction_one_statement():
    with CaptureQueriesContext(connection) as queries, transaction.atomic():
        does_nothing.defer()

    # The transaction's own BEGIN and COMMIT aside.
    statements = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].split()[0] not in ("BEGIN", "COMMIT", "SAVEPOINT", "RELEASE")
    ]
    assert len(statements) == 1, statements


def test_a_failing_job_is_retried_then_kept_as_failed_with_its_error():
    job_id = always_fails.defer(reason="the dealer's DMS is down")
    worker = start_worker()
    try:
        wait_for(lambda: job_status(job_id) == "failed", timeout=60)
    finally:
        stop(worker)

    failures = JobFailure.objects.filter(job_id=job_id).order_by("attempt")
    assert ProcrastinateJob.objects.get(pk=job_id).attempts == 3
    # The first try and its two retries, each with why it failed.
    assert [f.attempt for f in failures] == [1, 2, 3]
    assert all("the dealer's DMS is down" in f.error for f in failures)
    assert "RuntimeError" in failures[0].traceback


def test_the_job_of_a_worker_killed_mid_job_is_done_after_a_restart():
    job_id = slow_on_first_attempt.defer(name="Rescued Motors")
    first = start_worker()
    try:
        wait_for(lambda: job_status(job_id) == "doing", timeout=60)
    finally:
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=10)
    second = start_worker()
    try:
        wait_for(lambda: Account.objects.filter(name="Rescued Motors").exists(), 90)
    finally:
        stop(second)

    assert job_status(job_id) == "succeeded"
    assert Account.objects.filter(name="Rescued Motors").count() == 1
