"""/api/v2/lead-emails, /lead-phones, /lead-vehicles, a lead's children as
resources of their own: create with `lead_id`
(docs/api.md, "Resources"), show, and partial update on PUT and PATCH."""

import pytest

from leads.models import LeadEmail, LeadPhone, LeadVehicle
from tests.factories import (
    LeadEmailFactory,
    LeadFactory,
    LeadPhoneFactory,
    LeadVehicleFactory,
)


@pytest.fixture
def lead(account):
    return LeadFactory(account=account)


def test_email_validity_is_computed_not_taken_from_the_client(api_client, lead):
    body = {
        "lead_id": lead.id,
        "address": "marie@videotron.ca",
        "type": "work",
        "valid": False,
    }

    response = api_client.post("/api/v2/lead-emails", body, format="json")

    assert response.status_code == 201
    assert response.json()["data"]["valid"] is True


# The bodies Activix documents for each resource, and the model they make.
DOCUMENTED_CREATES = {
    "lead-emails": (
        LeadEmail,
        {"address": "test@activix.ca", "type": "home"},
    ),
    # Activix's example, +15141234455, cannot exist: no exchange starts with 1.
    "lead-phones": (
        LeadPhone,
        {"number": "+15142234455", "type": "home", "extension": 555},
    ),
    "lead-vehicles": (
        LeadVehicle,
        {
            "type": "wanted",
            "vin": "VIN333",
            "make": "Toyota",
            "model": "Corolla",
            "year": 2018,
        },
    ),
}


@pytest.mark.parametrize("resource", DOCUMENTED_CREATES)
def test_create_with_documented_body_answers_201(api_client, lead, resource):
    model, fields = DOCUMENTED_CREATES[resource]

    response = api_client.post(
        f"/api/v2/{resource}", {"lead_id": lead.id, **fields}, format="json"
    )

    assert response.status_code == 201
    data = response.json()["data"]
    assert data["lead_id"] == lead.id
    assert {name: data[name] for name in fields} == fields
    assert model.objects.get().lead == lead


def test_phone_create_normalises_the_number(api_client, lead):
    body = {"lead_id": lead.id, "number": "514.555.0123", "type": "work"}

    response = api_client.post("/api/v2/lead-phones", body, format="json")

    assert response.json()["data"]["number"] == "+15145550123"


def test_vehicle_update_changes_only_the_fields_sent(api_client, lead):
    vehicle = LeadVehicleFactory(lead=lead, vin="VIN333", make="Toyota", year=2018)

    response = api_client.put(
        f"/api/v2/lead-vehicles/{vehicle.id}", {"vin": "VIN444"}, format="json"
    )

    assert response.status_code == 200
    data = response.json()["data"]
    assert (data["vin"], data["make"], data["year"]) == ("VIN444", "Toyota", 2018)
    vehicle.refresh_from_db()
    assert vehicle.vin == "VIN444"


@pytest.mark.parametrize("method", ["put", "patch"])
def test_email_update_changes_only_the_fields_sent(api_client, lead, method):
    email = LeadEmailFactory(lead=lead, address="old@mail.example", type="home")

    response = getattr(api_client, method)(
        f"/api/v2/lead-emails/{email.id}",
        {"address": "new@mail.example"},
        format="json",
    )

    assert response.status_code == 200
    assert response.json()["data"]["type"] == "home"
    email.refresh_from_db()
    assert email.address == "new@mail.example"


@pytest.mark.parametrize("method", ["put", "patch"])
def test_phone_update_changes_only_the_fields_sent(api_client, lead, method):
    phone = LeadPhoneFactory(lead=lead, number="+15145550100", type="home")

    response = getattr(api_client, method)(
        f"/api/v2/lead-phones/{phone.id}", {"extension": 42}, format="json"
    )

    assert response.status_code == 200
    data = response.json()["data"]
    assert (data["number"], data["extension"]) == ("+15145550100", 42)


def test_phone_update_may_keep_its_own_type(api_client, lead):
    phone = LeadPhoneFactory(lead=lead, number="+15145550100", type="home")

    response = api_client.put(
        f"/api/v2/lead-phones/{phone.id}", {"type": "home"}, format="json"
    )

    assert response.status_code == 200


def test_contact_update_does_not_move_it_to_another_lead(api_client, account, lead):
    email = LeadEmailFactory(lead=lead)
    other_lead = LeadFactory(account=account)

    response = api_client.put(
        f"/api/v2/lead-emails/{email.id}", {"lead_id": other_lead.id}, format="json"
    )

    assert response.json()["data"]["lead_id"] == lead.id
    email.refresh_from_db()
    assert email.lead == lead


@pytest.mark.parametrize(
    ("path", "factory"),
    [
        ("lead-emails", LeadEmailFactory),
        ("lead-phones", LeadPhoneFactory),
        ("lead-vehicles", LeadVehicleFactory),
    ],
)
def test_contact_show_answers_the_object(api_client, lead, path, factory):
    contact = factory(lead=lead)

    response = api_client.get(f"/api/v2/{path}/{contact.id}")

    assert response.status_code == 200
    assert response.json()["data"]["id"] == contact.id
    assert response.json()["data"]["lead_id"] == lead.id


def test_contact_created_through_resource_appears_on_the_lead(api_client, lead):
    api_client.post(
        "/api/v2/lead-emails",
        {"lead_id": lead.id, "address": "a@mail.example", "type": "work"},
        format="json",
    )

    response = api_client.get(f"/api/v2/leads/{lead.id}")

    assert [e["address"] for e in response.json()["data"]["emails"]] == [
        "a@mail.example"
    ]


def test_vehicle_shows_every_field_of_the_activix_vehicle(api_client, lead):
    documented = [
        "accessories", "actual_value", "allowed_odometer", "balance", "budget_max",
        "budget_min", "cash_down", "category", "category_rv", "certified",
        "client_number", "color_exterior", "color_interior", "comment", "condition",
        "created_at", "customs", "driving_wheels", "end_contract_date",
        "end_warranty_date", "engine", "extended_warranty", "fuel", "id", "lead_id",
        "length_max", "length_min", "license_plate", "make", "modality", "model",
        "odometer", "offer_number", "option", "order_number", "payment",
        "payment_frequency", "preparation", "price", "profit", "purchase_date", "rate",
        "recall", "recorded_date", "residual", "security_deposit", "sleeping", "sold",
        "sold_by", "sold_date", "stock", "stock_state", "term", "tire", "transmission",
        "trim", "type", "updated_at", "value", "verified_by", "vin", "warranty",
        "weight", "year", "year_max", "year_min",
    ]  # fmt: skip
    vehicle = LeadVehicleFactory(lead=lead)

    data = api_client.get(f"/api/v2/lead-vehicles/{vehicle.id}").json()["data"]

    assert sorted(data) == sorted(documented)
    assert list(data)[:4] == ["id", "lead_id", "created_at", "updated_at"]


def test_vehicle_shows_money_as_json_numbers(api_client, lead):
    vehicle = LeadVehicleFactory(lead=lead, price="31999.99", rate="4.9900")

    data = api_client.get(f"/api/v2/lead-vehicles/{vehicle.id}").json()["data"]

    assert (data["price"], data["rate"]) == (31999.99, 4.99)


def test_vehicle_appraisal_and_verifier_are_read_only(api_client, agent, lead):
    vehicle = LeadVehicleFactory(lead=lead)
    verifier = api_client.get(f"/api/v2/users/{agent.id}").json()["data"]

    response = api_client.patch(
        f"/api/v2/lead-vehicles/{vehicle.id}",
        {"customs": {"appraiser": "me"}, "verified_by": verifier},
        format="json",
    )

    assert response.status_code == 200
    vehicle.refresh_from_db()
    assert (vehicle.customs, vehicle.verified_by) == (None, None)
