"""Tenancy, proved over every route the URL configuration has.

Dealership A owns a lead with an email, a phone and a vehicle, a staff
member with an API token, an export, an audit trail and failed sign-ins. A
user of dealership B tries every API route and method, and every admin page
of every model the admin registers: A's objects must be absent from lists and
search, answered when addressed directly exactly as an id that does not
exist is, and unchanged afterwards. New routes and admin models join the
matrix by existing, since it is generated from the URL resolver and the
admin registry; an admin model without an object of A's fails it.
"""

import json
import re

import pytest
from auditlog.models import LogEntry
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.models import Group
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from procrastinate.contrib.django.models import ProcrastinateJob
from rest_framework.authtoken.models import TokenProxy

from accounts.jobs import clear_expired_sessions
from accounts.models import Account, User
from leads.models import Lead, LeadEmail, LeadExport, LeadPhone, LeadVehicle
from leads.worker.models import JobFailure
from tests.conftest import changelist_ids, csv_rows, logged_in_client
from tests.factories import (
    LeadEmailFactory,
    LeadFactory,
    LeadPhoneFactory,
    LeadVehicleFactory,
    UserFactory,
)

METHODS = ["get", "post", "put", "patch", "delete"]
MISSING_ID = 987654321


def walk(patterns, prefix=""):
    for entry in patterns:
        regex = prefix + entry.pattern.regex.pattern.lstrip("^")
        if isinstance(entry, URLResolver):
            yield from walk(entry.url_patterns, regex)
        elif isinstance(entry, URLPattern) and entry.name:
            yield regex, entry


def api_routes():
    """(name, model, detail?) of every API route that serves a model."""
    routes = []
    for regex, entry in walk(get_resolver().url_patterns):
        view = getattr(entry.callback, "cls", None) or getattr(
            entry.callback, "view_class", None
        )
        queryset = getattr(view, "queryset", None)
        if regex.startswith("api/v2/") and queryset is not None:
            routes.append((entry.name, queryset.model, "(?P<pk>" in regex))
    return routes


API_ROUTES = api_routes()
DETAIL_ROUTES = [(name, model) for name, model, detail in API_ROUTES if detail]
LIST_ROUTES = [(name, model) for name, model, detail in API_ROUTES if not detail]


def test_matrix_covers_every_api_resource():
    models = {model for _name, model, _detail in API_ROUTES}

    assert {Lead, LeadEmail, LeadPhone, LeadVehicle, User, Account} <= models
    assert len(DETAIL_ROUTES) >= 5


@pytest.fixture
def dealership_a(db):
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


@pytest.fixture
def dealership_a_records(dealership_a):
    """A's objects and the records its work leaves, one of each admin model."""
    staff, lead = dealership_a[User], dealership_a[Lead]
    failed_sign_in = {"username": staff.username, "ip_address": "203.0.113.9"}
    return dealership_a | {
        LogEntry: LogEntry.objects.get_for_object(lead).get(),
        TokenProxy: TokenProxy.objects.create(user=staff),
        LeadExport: LeadExport.objects.create(
            account=staff.account, user=staff, selection="filtered", row_count=1
        ),
        AccessAttempt: AccessAttempt.objects.create(
            failures_since_start=1, **failed_sign_in
        ),
        AccessLog: AccessLog.objects.create(**failed_sign_in),
        AccessFailureLog: AccessFailureLog.objects.create(**failed_sign_in),
    }


# Admin models no dealership owns, so there is nothing of A's to hide.
SHARED_ADMIN_MODELS = {
    Group: "the roles, the same for every dealership",
    ProcrastinateJob: "the instance's background jobs",
    JobFailure: "why those jobs failed",
}


@pytest.fixture
def shared_records(db):
    """One object of each shared model (the roles exist already)."""
    job_id = clear_expired_sessions.defer()
    JobFailure.objects.create(
        job_id=job_id,
        task_name=clear_expired_sessions.name,
        attempt=1,
        error="RuntimeError: the dealer's DMS is down",
        traceback="Traceback ...",
    )


ADMIN_MODELS = [
    model for model in admin.site._registry if model not in SHARED_ADMIN_MODELS
]


def test_matrix_covers_every_admin_model(dealership_a_records):
    assert set(ADMIN_MODELS) <= set(dealership_a_records)


@pytest.mark.django_db
@pytest.mark.parametrize("model", SHARED_ADMIN_MODELS, ids=lambda m: m._meta.label)
def test_shared_objects_a_manager_may_not_open_are_refused_whatever_the_id(
    other_manager, shared_records, model
):
    client = logged_in_client(other_manager)
    existing = model._default_manager.earliest("pk").pk

    for pk in (existing, MISSING_ID):
        assert all(
            status == 403
            for url in admin_object_urls(model, pk)
            for status in answers(client, url)
        ), pk


def snapshot(objects):
    """Every field value of A's objects, to prove nothing changed."""
    return {model: _values(model, obj) for model, obj in objects.items()}


def _values(model, obj):
    # By the primary key field: TokenProxy's `pk` is its user's id.
    key = model._meta.pk.attname
    stored = model._default_manager.get(**{key: getattr(obj, key)})
    return {f.attname: getattr(stored, f.attname) for f in model._meta.concrete_fields}


def listed(body):
    """Ids of the objects a list (or single-object) response carries."""
    data = body.get("data", [])
    return {item["id"] for item in (data if isinstance(data, list) else [data])}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "model"), DETAIL_ROUTES, ids=[n for n, _ in DETAIL_ROUTES]
)
@pytest.mark.parametrize("method", METHODS)
def test_api_object_of_another_dealership_is_indistinguishable_from_a_missing_one(
    dealership_a, other_api_client, name, model, method
):
    before = snapshot(dealership_a)
    body = json.dumps({"first_name": "Hijacked", "address": "x@evil.example"})
    send = getattr(other_api_client, method)

    def call(pk):
        path = reverse(name, kwargs={"pk": pk})
        if method == "get":
            return send(path)
        return send(path, body, content_type="application/json")

    theirs, missing = call(dealership_a[model].pk), call(MISSING_ID)

    assert theirs.status_code in (404, 405)
    assert (theirs.status_code, theirs.json()) == (missing.status_code, missing.json())
    assert snapshot(dealership_a) == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "model"), LIST_ROUTES, ids=[n for n, _ in LIST_ROUTES]
)
def test_api_lists_and_search_never_show_another_dealership(
    dealership_a, other_api_client, other_agent, name, model
):
    LeadFactory(account=other_agent.account, last_name="Confidential")

    parameters = {
        "lead-search": {"query": "Confidential"},
        "account": {"include[]": "users"},
    }

    response = other_api_client.get(reverse(name), parameters.get(name, {}))

    # Write-only routes (POST /lead-emails) have no list: a 405 shows nothing.
    assert response.status_code in (200, 405)
    assert dealership_a[model].pk not in listed(response.json())


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "model"), LIST_ROUTES, ids=[n for n, _ in LIST_ROUTES]
)
def test_api_writes_cannot_reach_another_dealership(
    dealership_a, other_api_client, name, model
):
    before = snapshot(dealership_a)
    lead, staff = dealership_a[Lead], dealership_a[User]
    bodies = {
        Lead: {"type": "email", "bdc": {"id": staff.pk}},
        LeadEmail: {"lead_id": lead.pk, "type": "work", "address": "spy@b.example"},
        LeadPhone: {"lead_id": lead.pk, "type": "work", "number": "+14165551234"},
        LeadVehicle: {"lead_id": lead.pk, "type": "wanted"},
    }

    response = other_api_client.post(
        reverse(name), bodies.get(model, {}), format="json"
    )

    assert response.status_code in (404, 405, 422)
    assert (lead.emails.count(), lead.phones.count(), lead.vehicles.count()) == (
        1,
        1,
        1,
    )
    assert list(Lead.objects.filter(bdc=staff)) == [lead]
    assert snapshot(dealership_a) == before


def admin_object_urls(model, pk):
    """Every admin URL of a registered model that names one object."""
    urls = [
        reverse(f"admin:{pattern.name}", args=[pk])
        for pattern in admin.site._registry[model].get_urls()
        if pattern.name and "<path:object_id>" in str(pattern.pattern)
    ]
    assert urls, f"no object pages for {model._meta.label}"
    return urls


@pytest.fixture
def other_manager(other_account):
    from accounts import roles

    manager = UserFactory(account=other_account, username="b-manager", is_staff=True)
    manager.groups.add(Group.objects.get(name=roles.MANAGER))
    return manager


def answers(client, url):
    return client.get(url).status_code, client.post(url, {}).status_code


@pytest.mark.django_db
@pytest.mark.parametrize("model", ADMIN_MODELS, ids=lambda model: model._meta.label)
def test_admin_pages_of_another_dealerships_object_are_answered_as_missing(
    dealership_a_records, other_manager, model
):
    client = logged_in_client(other_manager)
    before = snapshot(dealership_a_records)

    theirs = [
        answers(client, url)
        for url in admin_object_urls(model, dealership_a_records[model].pk)
    ]
    absent = [answers(client, url) for url in admin_object_urls(model, MISSING_ID)]

    assert theirs == absent
    assert all(status in (403, 404) for pair in theirs for status in pair), theirs
    assert snapshot(dealership_a_records) == before


@pytest.mark.django_db
@pytest.mark.parametrize("model", ADMIN_MODELS, ids=lambda model: model._meta.label)
def test_admin_lists_never_show_another_dealership(
    dealership_a_records, other_manager, model
):
    client = logged_in_client(other_manager)
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")

    response = client.get(url, {"q": "Confidential"} if model is Lead else {})

    assert response.status_code in (200, 403)
    if response.status_code == 200:
        assert dealership_a_records[model].pk not in set(changelist_ids(response))


@pytest.mark.django_db
def test_admin_autocomplete_and_export_never_show_another_dealership(
    dealership_a, other_manager
):
    client = logged_in_client(other_manager)

    found = client.get(
        "/admin/autocomplete/",
        {
            "app_label": "leads",
            "model_name": "lead",
            "field_name": "bdc",
            "term": "Alice",
        },
    )
    exported = client.get(reverse("admin:leads_lead_export"))

    assert found.status_code == 200
    assert found.json()["results"] == []
    assert exported.status_code == 200
    assert str(dealership_a[Lead].pk) not in {row["id"] for row in csv_rows(exported)}


@pytest.mark.django_db
def test_agent_cannot_move_a_lead_to_another_dealership(
    api_client, agent, other_account
):
    lead = LeadFactory(account=agent.account)

    response = api_client.patch(
        f"/api/v2/leads/{lead.pk}",
        {"account_id": other_account.pk, "account": {"id": other_account.pk}},
        format="json",
    )

    lead.refresh_from_db()
    assert response.status_code in (200, 422)
    assert lead.account_id == agent.account_id


@pytest.mark.django_db
def test_manager_cannot_grant_superuser_or_raw_permissions(manager, other_account):
    staff = UserFactory(account=manager.account, username="colleague")
    client = logged_in_client(manager)
    url = reverse("admin:accounts_user_change", args=[staff.pk])

    page = client.get(url).content.decode()

    assert 'name="is_superuser"' not in page
    assert 'name="user_permissions"' not in page
    # The only dealership offered is the manager's own.
    select = re.search(r'<select name="account"[^>]*>(.*?)</select>', page, re.S)
    assert select is not None
    assert re.findall(r'<option value="([^"]*)"', select[1]) == [
        str(manager.account_id)
    ]


@pytest.mark.django_db
def test_agent_cannot_delete_a_lead_in_the_admin_or_the_api(agent, api_client):
    lead = LeadFactory(account=agent.account)
    client = logged_in_client(agent)

    page = client.post(
        reverse("admin:leads_lead_delete", args=[lead.pk]), {"post": "yes"}
    )
    call = api_client.delete(f"/api/v2/leads/{lead.pk}")

    assert page.status_code == 403
    assert call.status_code == 405
    assert Lead.objects.filter(pk=lead.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("model", SHARED_ADMIN_MODELS, ids=lambda m: m._meta.label)
def test_superusers_still_open_shared_objects(superuser_client, shared_records, model):
    existing = model._default_manager.earliest("pk").pk

    [change, *_] = admin_object_urls(model, existing)

    assert superuser_client.get(change).status_code == 200
