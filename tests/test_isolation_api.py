"""Tenancy through the API, over every route the URL configuration has.

Dealership A owns a lead with an email, a phone and a vehicle and a staff
member. An agent of dealership B tries every API route and method: A's
objects must be absent from lists and search, answered when addressed
directly exactly as an id that does not exist is, and unchanged afterwards.
A new route joins by existing: the routes come from the URL resolver.
"""

import json

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from accounts.models import Account, User
from leads.models import Lead, LeadEmail, LeadPhone, LeadVehicle
from tests.conftest import (
    MISSING_ID,
    snapshot,
)
from tests.factories import (
    LeadFactory,
)

METHODS = ["get", "post", "put", "patch", "delete"]


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
