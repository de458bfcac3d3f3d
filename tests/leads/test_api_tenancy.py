"""A dealership never sees nor touches another's data through the API: 404 on
every route and method, absent from lists and search, 422 when a write
names it (docs/api.md, "Errors"; docs/architecture.md, "Tenancy")."""

import pytest

from leads.models import Lead, LeadEmail, LeadPhone, LeadVehicle
from tests.conftest import listed_ids
from tests.factories import (
    LeadEmailFactory,
    LeadFactory,
    LeadPhoneFactory,
    LeadVehicleFactory,
    UserFactory,
)

# Changes a well-meaning client could send to each route.
CHANGES = {
    "leads": {"first_name": "Hijacked"},
    "lead-emails": {"address": "hijacked@mail.example"},
    "lead-phones": {"number": "+15145550100"},
    "lead-vehicles": {"vin": "HIJACKED"},
}


@pytest.fixture
def their_lead(account):
    """A lead of the `account` dealership, with its contact data."""
    lead = LeadFactory(account=account, first_name="Marie", last_name="Tremblay")
    LeadEmailFactory(lead=lead, address="marie@videotron.ca")
    LeadPhoneFactory(lead=lead, number="+15145550123")
    LeadVehicleFactory(lead=lead, vin="1HGCM82633A004352")
    return lead


def their_paths(lead) -> dict[str, str]:
    return {
        "leads": f"/api/v2/leads/{lead.id}",
        "lead-emails": f"/api/v2/lead-emails/{lead.emails.get().id}",
        "lead-phones": f"/api/v2/lead-phones/{lead.phones.get().id}",
        "lead-vehicles": f"/api/v2/lead-vehicles/{lead.vehicles.get().id}",
    }


def snapshot() -> list:
    return [
        list(Lead.objects.values_list("id", "first_name")),
        list(LeadEmail.objects.values_list("id", "address")),
        list(LeadPhone.objects.values_list("id", "number")),
        list(LeadVehicle.objects.values_list("id", "vin")),
    ]


@pytest.mark.parametrize("resource", CHANGES)
def test_other_dealerships_object_is_not_found_on_show(
    other_api_client, their_lead, resource
):
    response = other_api_client.get(their_paths(their_lead)[resource])

    assert response.status_code == 404


@pytest.mark.parametrize("method", ["put", "patch"])
@pytest.mark.parametrize("resource", CHANGES)
def test_other_dealerships_object_is_not_found_on_update(
    other_api_client, their_lead, resource, method
):
    before = snapshot()

    response = getattr(other_api_client, method)(
        their_paths(their_lead)[resource], CHANGES[resource], format="json"
    )

    assert response.status_code == 404
    assert snapshot() == before


def test_other_dealerships_user_is_not_found(other_api_client, agent):
    response = other_api_client.get(f"/api/v2/users/{agent.id}")

    assert response.status_code == 404


def test_list_hides_other_dealerships_leads(
    other_api_client, other_account, their_lead
):
    own = LeadFactory(account=other_account)

    response = other_api_client.get("/api/v2/leads")

    assert listed_ids(response) == [own.id]
    assert response.json()["meta"]["total"] == 1


def test_list_filters_never_reach_other_dealerships_leads(other_api_client, their_lead):
    response = other_api_client.get(
        "/api/v2/leads",
        {"filter[name]": "Marie", "filter[phone]": "514 555 0123"},
    )

    assert listed_ids(response) == []


@pytest.mark.parametrize(
    "query", ["Tremblay", "marie@videotron.ca", "514-555-0123", "1HGCM82633A004352"]
)
def test_search_never_finds_other_dealerships_leads(
    other_api_client, their_lead, query
):
    response = other_api_client.get("/api/v2/leads/search", {"query": query})

    assert response.status_code == 200
    assert listed_ids(response) == []


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("lead-emails", {"address": "x@mail.example", "type": "work"}),
        ("lead-phones", {"number": "+15145550100", "type": "home"}),
        ("lead-vehicles", {"type": "wanted", "vin": "X"}),
    ],
)
def test_contact_for_other_dealerships_lead_is_refused(
    other_api_client, their_lead, path, body
):
    before = snapshot()

    response = other_api_client.post(
        f"/api/v2/{path}", {"lead_id": their_lead.id, **body}, format="json"
    )

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["lead_id"]
    assert snapshot() == before


@pytest.mark.parametrize(
    "reference_to",
    [
        lambda user: {"id": user.id},
        lambda user: {"email": user.email},
        lambda user: {"first_name": user.first_name, "last_name": user.last_name},
    ],
    ids=["id", "email", "name"],
)
def test_user_slot_naming_other_dealerships_user_is_refused(
    other_api_client, account, reference_to
):
    jane = UserFactory(
        account=account,
        first_name="Jane",
        last_name="Smith",
        email="jane@lachance.example",
    )

    response = other_api_client.post(
        "/api/v2/leads",
        {"type": "email", "advisor": reference_to(jane)},
        format="json",
    )

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["advisor"]
    assert Lead.objects.count() == 0


def test_user_slot_update_naming_other_dealerships_user_is_refused(
    api_client, account, other_agent
):
    lead = LeadFactory(account=account)

    response = api_client.patch(
        f"/api/v2/leads/{lead.id}", {"bdc": {"id": other_agent.id}}, format="json"
    )

    assert response.status_code == 422
    lead.refresh_from_db()
    assert lead.bdc is None


def test_user_slot_prefers_nobody_to_a_namesake_of_another_dealership(
    api_client, account, other_account
):
    UserFactory(account=other_account, first_name="Jane", last_name="Smith")
    own = UserFactory(account=account, first_name="Jane", last_name="Smith")

    response = api_client.post(
        "/api/v2/leads",
        {"type": "email", "advisor": {"first_name": "Jane", "last_name": "Smith"}},
        format="json",
    )

    assert response.json()["data"]["advisor"]["id"] == own.id
