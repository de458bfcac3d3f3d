"""Superusers see the jobs in the admin, failed ones with their error, and
retry or cancel them."""

import pytest
from procrastinate.contrib.django.models import ProcrastinateJob

from leads.worker.models import JobFailure
from tests.processes import run_worker_until_idle, wait_for
from tests.worker.tasks import always_fails, does_nothing

URL = "/admin/procrastinate/procrastinatejob/"
pytestmark = pytest.mark.usefixtures("empty_queue")


def failed_job() -> int:
    """A job failed for good: its retries wait a second each, so workers run
    until none is left to try."""
    job_id = always_fails.defer(reason="AutoTrader feed unreachable")

    def failed():
        run_worker_until_idle()
        return ProcrastinateJob.objects.get(pk=job_id).status == "failed"

    wait_for(failed, timeout=90, every=0.5)
    return job_id


def test_superuser_reads_why_a_job_failed(superuser_client):
    job_id = failed_job()

    listed = superuser_client.get(URL).content.decode()
    shown = superuser_client.get(f"{URL}{job_id}/change/").content.decode()

    assert "RuntimeError: AutoTrader feed unreachable" in listed
    assert shown.count("AutoTrader feed unreachable") >= 3  # each attempt
    assert JobFailure.objects.filter(job_id=job_id).count() == 3


def test_superuser_retries_a_failed_job_and_cancels_a_waiting_one(superuser_client):
    failed, waiting = failed_job(), does_nothing.defer()

    superuser_client.post(URL, {"action": "retry_failed", "_selected_action": [failed]})
    superuser_client.post(
        URL, {"action": "cancel_waiting", "_selected_action": [waiting]}
    )

    statuses = dict(ProcrastinateJob.objects.values_list("pk", "status"))
    assert statuses[failed] == "todo"
    assert statuses[waiting] == "cancelled"
