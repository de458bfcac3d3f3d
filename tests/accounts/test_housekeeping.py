"""The housekeeping jobs, each run by a real worker process: what they
delete or flag, what they leave, and that a second run changes nothing."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from procrastinate.contrib.django.models import ProcrastinateJob
from rest_framework.authtoken.models import Token

from accounts import jobs
from accounts.models import TokenActivity
from tests.conftest import bearer_client
from tests.factories import UserFactory
from tests.processes import run_worker_until_idle

NOW = timezone.now()


def run_job(task) -> None:
    """Run `task` in a worker (which may also run the periodic jobs due)."""
    job_id = task.defer()
    run_worker_until_idle()
    assert ProcrastinateJob.objects.get(pk=job_id).status == "succeeded"


def session(expires: datetime.datetime) -> str:
    store = SessionStore()
    store["user"] = "agent"
    store.create()
    Session.objects.filter(pk=store.session_key).update(expire_date=expires)
    return store.session_key


@pytest.mark.usefixtures("empty_queue")
def test_expired_sessions_are_deleted_and_live_ones_kept():
    expired = session(NOW - datetime.timedelta(minutes=1))
    live = session(NOW + datetime.timedelta(days=1))

    run_job(jobs.clear_expired_sessions)
    run_job(jobs.clear_expired_sessions)

    assert list(Session.objects.values_list("pk", flat=True)) == [live]
    assert expired != live


def attempt(username: str, age: datetime.timedelta) -> AccessAttempt:
    made = AccessAttempt.objects.create(
        username=username,
        ip_address="203.0.113.9",
        user_agent="test",
        failures_since_start=5,
    )
    AccessAttempt.objects.filter(pk=made.pk).update(attempt_time=NOW - age)
    return made


@pytest.mark.usefixtures("empty_queue")
def test_lockout_records_past_their_window_are_deleted(settings):
    window = settings.AXES_COOLOFF_TIME
    attempt("locked-out-now", window / 2)
    attempt("long-ago", window * 2)

    run_job(jobs.clear_expired_lockouts)
    run_job(jobs.clear_expired_lockouts)

    assert list(AccessAttempt.objects.values_list("username", flat=True)) == [
        "locked-out-now"
    ]


def token(username: str, created_days_ago: int) -> Token:
    made = Token.objects.create(user=UserFactory(username=username))
    created = NOW - datetime.timedelta(days=created_days_ago)
    Token.objects.filter(pk=made.pk).update(created=created)
    return made


def flagged() -> set[str]:
    unused = TokenActivity.objects.filter(unused_since__isnull=False)
    return set(unused.values_list("token__user__username", flat=True))


@pytest.mark.usefixtures("empty_queue")
def test_tokens_unused_for_the_configured_time_are_flagged(settings):
    settings.API_TOKEN_UNUSED_DAYS = 90
    token("never-used", created_days_ago=120)
    token("brand-new", created_days_ago=3)
    used_lately = token("used-lately", created_days_ago=200)
    TokenActivity.objects.create(
        token=used_lately, last_used_at=NOW - datetime.timedelta(days=10)
    )
    used_long_ago = token("used-long-ago", created_days_ago=300)
    TokenActivity.objects.create(
        token=used_long_ago, last_used_at=NOW - datetime.timedelta(days=100)
    )

    run_job(jobs.flag_unused_tokens)
    first = dict(TokenActivity.objects.values_list("token_id", "unused_since"))
    run_job(jobs.flag_unused_tokens)

    assert flagged() == {"never-used", "used-long-ago"}
    # A second run neither flags more nor moves the date already set.
    assert dict(TokenActivity.objects.values_list("token_id", "unused_since")) == first


@pytest.mark.django_db
def test_using_a_flagged_token_lifts_its_flag(agent):
    client = bearer_client(agent)
    key = Token.objects.get(user=agent).key
    TokenActivity.objects.update_or_create(
        token_id=key, defaults={"unused_since": NOW, "last_used_at": None}
    )

    response = client.get("/api/v2/account")

    activity = TokenActivity.objects.get(token_id=key)
    assert response.status_code == 200
    assert activity.unused_since is None
    assert activity.last_used_at is not None


@pytest.mark.django_db
def test_a_token_used_again_soon_is_not_written_again(agent):
    client = bearer_client(agent)
    client.get("/api/v2/account")

    with CaptureQueriesContext(connection) as queries:
        client.get("/api/v2/account")

    assert not [q for q in queries if TokenActivity._meta.db_table in q["sql"]]
