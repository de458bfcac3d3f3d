import csv
import datetime
import io
import zoneinfo

import pytest
from django import forms
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from rest_framework.authtoken.models import Token

from accounts import roles
from accounts.models import Account, User
from leads.csv_copy import iter_csv_bytes
from leads.models import Lead, LeadEmail, LeadPhone, LeadVehicle
from tests.factories import (
    AccountFactory,
    LeadEmailFactory,
    LeadFactory,
    LeadPhoneFactory,
    LeadVehicleFactory,
    UserFactory,
)
from tests.openapi_contract import ContractAPIClient
from tests.processes import PROCRASTINATE_TABLES

# The site's time zone in the tests (DJANGO_TIME_ZONE's default).
TORONTO = zoneinfo.ZoneInfo("America/Toronto")


def toronto(*args) -> datetime.datetime:
    """datetime(*args) in Toronto, where the tests' dealerships are."""
    return datetime.datetime(*args, tzinfo=TORONTO)


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "browser: drives a real headless Chromium (tests/browser/)"
    )


@pytest.fixture(autouse=True)
def default_language():
    """A request in French leaves French active in the test's thread (the
    locale middleware activates a language and nothing deactivates it), so
    a later test would read French: each ends in the default language."""
    yield
    translation.deactivate()


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


INVALID = "The given data was invalid."


def errors_of(response) -> dict:
    """The field errors of a 422 in the dialect."""
    assert response.status_code == 422, response.json()
    assert response.json()["message"] == INVALID
    return response.json()["errors"]


def row_counts() -> tuple[int, int, int, int]:
    """How many leads, emails, phones and vehicles exist: a failed write
    leaves them as they were."""
    return tuple(
        model.objects.count() for model in (Lead, LeadEmail, LeadPhone, LeadVehicle)
    )


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


def export_csv(leads) -> bytes:
    """The CSV file of `leads`, as PostgreSQL writes it."""
    return b"".join(iter_csv_bytes(leads))


def csv_ids(body: bytes) -> list[str]:
    """The lead ids of a CSV file, in its order."""
    text = body.decode("utf-8-sig")
    return [row["id"] for row in csv.DictReader(io.StringIO(text, newline=""))]


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


# --- Background jobs (worker processes: tests/processes.py) ---


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


# --- Tenancy: a dealership's objects, for the isolation tests ---

# An id no object has: another dealership's must be answered as this one.
MISSING_ID = 987654321


@pytest.fixture
def dealership_a(db):
    """Dealership A's lead with an email, a phone and a vehicle, and its staff."""
    account = Account.objects.create(name="Dealership A", country="CA", province="QC")
    staff = UserFactory(account=account, first_name="Alice", last_name="Secret")
    lead = LeadFactory(account=account, last_name="Confidential", bdc=staff)
    return {
        Account: account,
        User: staff,
        Lead: lead,
        LeadEmail: LeadEmailFactory(lead=lead, address="private@a.example"),
        LeadPhone: LeadPhoneFactory(lead=lead, number="+15149876543"),
        LeadVehicle: LeadVehicleFactory(lead=lead, vin="1HGCM82633A004352"),
    }


def snapshot(objects):
    """Every field value of A's objects, to prove nothing changed."""
    return {model: _values(model, obj) for model, obj in objects.items()}


def _values(model, obj):
    # By the primary key field: TokenProxy's `pk` is its user's id.
    key = model._meta.pk.attname
    stored = model._default_manager.get(**{key: getattr(obj, key)})
    return {f.attname: getattr(stored, f.attname) for f in model._meta.concrete_fields}
