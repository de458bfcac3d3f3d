import csv
import io
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django import forms
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token

from accounts import roles
from tests.factories import AccountFactory, UserFactory
from tests.openapi_contract import ContractAPIClient

# --- The Activix Lead object (tests/data/lead-object.md) ---

LEAD_REFERENCE = Path(__file__).parent / "data" / "lead-object.md"
_REFERENCE_ROW = re.compile(
    r"^\| `(?P<name>\w+)` \| (?P<type>\w+) \| (?P<description>.*) \|$"
)


def documented_attributes() -> list[dict[str, str]]:
    """The Lead object's attributes in its order: name, type, description."""
    rows = (
        _REFERENCE_ROW.match(line) for line in LEAD_REFERENCE.read_text().splitlines()
    )
    return [row.groupdict() for row in rows if row]


def documented_values(description: str) -> list[str]:
    """The bold values of "Possible values are **a**, **b** or **c**.".

    One bold run may hold several values: "**M, F**".
    """
    bold = ", ".join(re.findall(r"\*\*(.+?)\*\*", description))
    return [value.strip().rstrip(".").replace("\\_", "_") for value in bold.split(",")]


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "browser: drives a real headless Chromium (tests/browser/)"
    )


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def account(db):
    return AccountFactory(name="Lachance Toyota")


@pytest.fixture
def other_account(db):
    return AccountFactory(name="Ottawa Honda")


@pytest.fixture
def agent(account):
    user = UserFactory(account=account, username="agent", is_staff=True)
    user.groups.add(Group.objects.get(name=roles.BDC_AGENT))
    return user


@pytest.fixture
def manager(account):
    user = UserFactory(account=account, username="manager", is_staff=True)
    user.groups.add(Group.objects.get(name=roles.MANAGER))
    return user


@pytest.fixture
def superuser(db):
    return UserFactory(account=None, username="root", is_staff=True, is_superuser=True)


# --- API ---


@pytest.fixture(autouse=True)
def clear_throttle_history():
    """Throttling counts requests in the cache, which outlives a test."""
    cache.clear()


def bearer_client(user) -> ContractAPIClient:
    """A client sending `Authorization: Bearer <token>` for `user`."""
    token = Token.objects.create(user=user)
    client = ContractAPIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token.key}")
    return client


@pytest.fixture
def api_client(agent):
    return bearer_client(agent)


@pytest.fixture
def other_agent(other_account):
    user = UserFactory(account=other_account, username="other-agent")
    user.groups.add(Group.objects.get(name=roles.BDC_AGENT))
    return user


@pytest.fixture
def other_api_client(other_agent):
    """An agent of another dealership."""
    return bearer_client(other_agent)


@pytest.fixture
def anonymous_client(db):
    return ContractAPIClient()


def listed_ids(response) -> list[int]:
    return [item["id"] for item in response.json()["data"]]


def queries_for(api_client, path: str, parameters: dict) -> int:
    """The queries a successful GET of `path` costs once the client is
    known: its first request also records the token's use."""
    api_client.get(path, parameters)
    with CaptureQueriesContext(connection) as context:
        response = api_client.get(path, parameters)
    assert response.status_code == 200
    return len(context.captured_queries)


# --- Admin ---


def logged_in_client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def agent_client(agent):
    return logged_in_client(agent)


@pytest.fixture
def manager_client(manager):
    return logged_in_client(manager)


@pytest.fixture
def superuser_client(superuser):
    return logged_in_client(superuser)


def changelist_ids(response) -> list[int]:
    """The ids of the objects an admin list page shows, in its order."""
    return [obj.pk for obj in response.context["cl"].result_list]


def csv_rows(response) -> list[dict[str, str]]:
    """The rows of a streamed CSV download, by header."""
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def admin_form_data(response) -> dict[str, object]:
    """The POST data that saves the admin form in `response` as shown.

    Tests change the values they are about and post the rest as it came.
    """
    context = response.context
    forms_ = [context["adminform"].form]
    for inline in context.get("inline_admin_formsets", []):
        forms_.extend([inline.formset.management_form, *inline.formset.forms])
    data = {}
    for form in forms_:
        for bound in form:
            value = bound.value()
            widget = getattr(bound.field.widget, "widget", bound.field.widget)
            if isinstance(widget, forms.MultiWidget):
                parts = widget.decompress(value)
                for index, part in enumerate(parts):
                    data[f"{bound.html_name}_{index}"] = "" if part is None else part
            elif isinstance(bound.field, forms.BooleanField):
                if value:
                    data[bound.html_name] = "on"
            elif isinstance(value, list | tuple):
                data[bound.html_name] = list(value)
            else:
                data[bound.html_name] = "" if value is None else value
    return data


# --- Worker processes ---
# Real `manage.py procrastinate worker` processes on the test database.
# Tests using them commit their data (transaction=True, as empty_queue
# asks), since a worker is another connection.

PROJECT = Path(__file__).resolve().parent.parent
PROCRASTINATE_TABLES = [
    "procrastinate_events",
    "procrastinate_periodic_defers",
    "procrastinate_jobs",
    "procrastinate_workers",
]


def test_database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


test_database_url.__test__ = False  # a helper, not a test


def worker_environment(**overrides) -> dict[str, str]:
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE", "WORKER_"))
    }
    return environment | {
        "DJANGO_ENV_FILE": "/dev/null",
        "DJANGO_SECRET_KEY": "worker-test",
        "DATABASE_URL": test_database_url(),
        "WORKER_IMPORT_PATHS": "tests.worker.tasks",
        "WORKER_HEARTBEAT_SECONDS": "0.5",
        "WORKER_STALLED_SECONDS": "3",
        **overrides,
    }


def start_worker(*arguments: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", "procrastinate", "worker", *arguments],
        cwd=PROJECT,
        env=worker_environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def run_worker_until_idle(timeout: float = 60) -> str:
    """A worker that takes every job waiting and exits; its output."""
    finished = subprocess.run(
        [sys.executable, "manage.py", "procrastinate", "worker", "--one-shot"],
        cwd=PROJECT,
        env=worker_environment(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert finished.returncode == 0, finished.stdout + finished.stderr
    return finished.stdout + finished.stderr


def stop(process: subprocess.Popen) -> str:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
    return process.stdout.read() if process.stdout else ""


def wait_for(condition, timeout: float = 60, every: float = 0.2):
    """Poll `condition` until it is true; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"still false after {timeout} s: {condition.__doc__}")


@pytest.fixture
def empty_queue(transactional_db, django_db_serialized_rollback):
    """procrastinate's tables, which Django's flush leaves alone, emptied
    before and after the test. Its data is committed, and the roles made by
    migrations restored afterwards (serialized rollback), as every
    transactional test of the suite does."""

    def empty():
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {', '.join(PROCRASTINATE_TABLES)} CASCADE")

    empty()
    yield
    empty()
