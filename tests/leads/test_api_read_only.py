"""Read-only fields a client echoes back from a response are ignored, but
must have the type the schema gives them: otherwise a 422 naming them, and
nothing changes (docs/api.md, "The Lead object")."""

import pytest
from rest_framework import serializers

from config.api.serializers import check_echoed
from leads.api import child_serializers
from leads.api.serializers import LeadSerializer
from leads.models import Lead, LeadEmail
from tests.factories import LeadEmailFactory, LeadFactory, LeadVehicleFactory

ACCOUNT = {
    "id": 1,
    "created_at": "2024-02-15T09:08:07+00:00",
    "updated_at": "2024-02-15T09:08:07+00:00",
    "name": "Lachance Toyota",
}


@pytest.fixture
def lead(account):
    return LeadFactory(account=account, first_name="John")


@pytest.fixture
def email(lead):
    return LeadEmailFactory(lead=lead, address="john@mail.example")


def error_roots(response) -> set[str]:
    """The fields named by a 422, without their nested paths."""
    assert response.status_code == 422, response.json()
    return {path.split(".")[0] for path in response.json()["errors"]}


def test_lead_id_of_another_type_is_a_422_on_update(api_client, email):
    body = {"lead_id": [], "address": "new@mail.example"}

    response = api_client.put(f"/api/v2/lead-emails/{email.id}", body, format="json")

    assert response.json()["errors"] == {"lead_id": ["A valid integer is required."]}
    email.refresh_from_db()
    assert email.address == "john@mail.example"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("id", "5"),
        ("id", 5.5),
        ("created_at", 5),
        ("created_at", "yesterday"),
        ("updated_at", None),
        ("account_id", True),
        ("created_method", "fax"),
        ("account", None),
        ("account", []),
        ("account", {"id": 1}),  # a response has every key
        ("account", {**ACCOUNT, "id": "1"}),
        ("account", {**ACCOUNT, "owner": "x"}),
    ],
)
def test_echoed_lead_field_of_another_type_is_a_422(api_client, lead, field, value):
    body = {"first_name": "Johnny", field: value}

    response = api_client.patch(f"/api/v2/leads/{lead.id}", body, format="json")

    assert error_roots(response) == {field}
    lead.refresh_from_db()
    assert lead.first_name == "John"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("verified_by", {"id": 1}),
        ("verified_by", 1),
        ("customs", {"appraiser": 5}),
        ("customs", {"amount_evaluation_value": "100"}),
        ("customs", "none"),
    ],
)
def test_echoed_vehicle_field_of_another_shape_is_a_422(api_client, lead, field, value):
    vehicle = LeadVehicleFactory(lead=lead, make="Kia")
    body = {"make": "Ford", field: value}

    response = api_client.patch(
        f"/api/v2/lead-vehicles/{vehicle.id}", body, format="json"
    )

    assert error_roots(response) == {field}
    vehicle.refresh_from_db()
    assert vehicle.make == "Kia"


def test_echoed_field_of_a_new_contact_is_checked_and_nothing_stored(api_client):
    address = {"type": "home", "address": "a@mail.example", "valid": "yes"}
    body = {"type": "email", "emails": [address]}

    response = api_client.post("/api/v2/leads", body, format="json")

    assert list(response.json()["errors"]) == ["emails.0.valid"]
    assert not Lead.objects.exists()


def test_lead_id_as_a_string_is_a_422_on_create(api_client, lead):
    body = {"lead_id": str(lead.id), "address": "a@mail.example", "type": "home"}

    response = api_client.post("/api/v2/lead-emails", body, format="json")

    assert error_roots(response) == {"lead_id"}
    assert not LeadEmail.objects.exists()


def test_contact_echoed_back_whole_is_accepted_its_read_only_fields_ignored(
    api_client, account, email
):
    data = api_client.get(f"/api/v2/lead-emails/{email.id}").json()["data"]
    other_lead = LeadFactory(account=account)
    data.update(
        address="new@mail.example",
        lead_id=other_lead.id,
        created_at="2000-01-01T00:00:00+00:00",
        valid=False,
    )

    response = api_client.put(f"/api/v2/lead-emails/{email.id}", data, format="json")

    assert response.status_code == 200
    saved = LeadEmail.objects.get()
    assert (saved.address, saved.lead_id, saved.valid) == (
        "new@mail.example",
        email.lead_id,
        True,
    )
    assert saved.created_at == email.created_at


def test_lead_echoed_back_whole_is_accepted(api_client, lead):
    data = api_client.get(f"/api/v2/leads/{lead.id}").json()["data"]
    data["first_name"] = "Johnny"

    response = api_client.put(f"/api/v2/leads/{lead.id}", data, format="json")

    assert response.status_code == 200
    lead.refresh_from_db()
    assert lead.first_name == "Johnny"


@pytest.mark.parametrize(
    "serializer_class",
    [
        LeadSerializer,
        child_serializers.LeadEmailResourceSerializer,
        child_serializers.LeadPhoneResourceSerializer,
        child_serializers.LeadVehicleResourceSerializer,
    ],
)
def test_every_read_only_field_of_a_body_checks_its_type(serializer_class):
    """A read-only field DRF cannot read (ReadOnlyField, SerializerMethodField)
    would make an echo of it a 500, or let anything through."""
    fields = serializer_class().fields
    read_only = [name for name, field in fields.items() if field.read_only]

    refused = []
    for name in read_only:
        try:
            check_echoed(fields[name], object())
        except serializers.ValidationError:
            refused.append(name)

    assert refused == read_only
