"""422 on writes (docs/api.md, "Errors"): every invalid value named by its
field path, and a failed write leaves the database as it was."""

import pytest
from rest_framework.test import APIClient

from leads.models import Lead, LeadEmail
from tests.conftest import errors_of, row_counts
from tests.factories import LeadEmailFactory, LeadFactory, UserFactory


@pytest.fixture
def lead(account):
    return LeadFactory(account=account)


# --- 422 on writes ---


def test_invalid_enum_value_names_the_field(api_client):
    response = api_client.post("/api/v2/leads", {"type": "fax"}, format="json")

    assert list(errors_of(response)) == ["type"]


def test_missing_type_is_required_on_create(api_client):
    response = api_client.post("/api/v2/leads", {"first_name": "John"}, format="json")

    assert errors_of(response) == {"type": ["This field is required."]}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("appointment_date", "tomorrow"),
        ("appointment_date", "2024-02-30T10:00:00+00:00"),
        ("birth_date", "1990-13-01"),
        ("birth_date", "10/04/1990"),
    ],
)
def test_malformed_date_names_the_field(api_client, field, value):
    response = api_client.post(
        "/api/v2/leads", {"type": "email", field: value}, format="json"
    )

    assert list(errors_of(response)) == [field]


def test_unknown_field_is_refused_with_the_other_errors(api_client):
    body = {"type": "email", "nickname": "Johnny", "rating": 9}

    response = api_client.post("/api/v2/leads", body, format="json")

    assert errors_of(response) == {
        "nickname": ["This field does not exist."],
        "rating": ["Ensure this value is less than or equal to 5."],
    }


def test_unknown_field_in_a_nested_item_names_its_path(api_client):
    body = {"type": "email", "vehicles": [{"type": "wanted", "colour": "red"}]}

    response = api_client.post("/api/v2/leads", body, format="json")

    assert errors_of(response) == {"vehicles.0.colour": ["This field does not exist."]}


def test_bad_phone_number_names_its_path(api_client):
    body = {
        "type": "phone",
        "phones": [
            {"type": "home", "number": "514 555 0123"},
            {"type": "work", "number": "555-12"},
        ],
    }

    response = api_client.post("/api/v2/leads", body, format="json")

    assert errors_of(response) == {"phones.1.number": ["This number is too short."]}
    assert row_counts() == (0, 0, 0, 0)


def test_second_email_of_a_type_in_one_request_is_refused(api_client):
    body = {
        "type": "email",
        "emails": [
            {"type": "home", "address": "a@mail.example"},
            {"type": "home", "address": "b@mail.example"},
        ],
    }

    response = api_client.post("/api/v2/leads", body, format="json")

    assert list(errors_of(response)) == ["emails.1.type"]
    assert row_counts() == (0, 0, 0, 0)


def test_email_of_a_type_the_lead_has_is_refused_on_update(api_client, lead):
    LeadEmailFactory(lead=lead, type="home", address="a@mail.example")
    body = {"emails": [{"type": "home", "address": "b@mail.example"}]}

    response = api_client.put(f"/api/v2/leads/{lead.id}", body, format="json")

    assert list(errors_of(response)) == ["emails.0.type"]
    assert list(LeadEmail.objects.values_list("address", flat=True)) == [
        "a@mail.example"
    ]


def test_email_resource_refuses_a_type_the_lead_has(api_client, lead):
    LeadEmailFactory(lead=lead, type="work", address="a@mail.example")
    body = {"lead_id": lead.id, "type": "work", "address": "b@mail.example"}

    response = api_client.post("/api/v2/lead-emails", body, format="json")

    assert list(errors_of(response)) == ["type"]
    assert LeadEmail.objects.count() == 1


@pytest.mark.parametrize(
    "reference",
    [
        {"email": "nobody@lachance.example"},
        {"first_name": "No", "last_name": "Body"},
        {"id": 987654},
        {"id": 99999999999999999999},
        {"nickname": "jane"},
        {"email": "a\x00b"},
        "Jane Smith",
    ],
)
def test_user_slot_matching_nobody_is_refused(api_client, account, reference):
    UserFactory(account=account, first_name="Jane", last_name="Smith")

    response = api_client.post(
        "/api/v2/leads", {"type": "email", "advisor": reference}, format="json"
    )

    assert list(errors_of(response)) == ["advisor"]
    assert Lead.objects.count() == 0


def test_user_slot_matching_two_users_asks_for_an_id(api_client, account):
    UserFactory(account=account, first_name="Jane", last_name="Smith")
    UserFactory(account=account, first_name="Jane", last_name="Smith")

    response = api_client.post(
        "/api/v2/leads",
        {"type": "email", "bdc": {"first_name": "Jane", "last_name": "Smith"}},
        format="json",
    )

    assert list(errors_of(response)) == ["bdc"]


@pytest.mark.parametrize(
    ("body", "path"),
    [
        ({"first_name": "a\x00b"}, "first_name"),
        ({"average_spending": 10**20}, "average_spending"),
        ({"first_name": "x" * 101}, "first_name"),
        ({"country": "US", "province": "QC"}, "province"),
        ({"emails": "x"}, "emails"),
        ({"phones": [1]}, "phones.0"),
    ],
)
def test_hostile_values_are_refused_not_crashed_on(api_client, body, path):
    response = api_client.post("/api/v2/leads", {"type": "sms", **body}, format="json")

    assert list(errors_of(response)) == [path]


def test_deeply_nested_json_is_a_bad_request(api_client):
    response = api_client.post(
        "/api/v2/leads", "[" * 100_000, content_type="application/json"
    )

    assert response.status_code == 400
    assert "nested too deeply" in response.json()["message"]


def test_body_over_the_size_limit_is_refused_and_stores_nothing(agent):
    client = APIClient()
    client.force_authenticate(agent)
    body = {"type": "email", "comment": "x" * (1024 * 1024)}

    response = client.post("/api/v2/leads", body, format="json")

    assert response.status_code == 413
    assert response.json() == {
        "message": "The request body is too large (DJANGO_MAX_BODY_BYTES)."
    }
    assert row_counts() == (0, 0, 0, 0)


def test_datetime_out_of_range_is_refused(api_client):
    body = {"type": "email", "appointment_date": "9999-12-31T23:59:59-05:00"}

    response = api_client.post("/api/v2/leads", body, format="json")

    assert list(errors_of(response)) == ["appointment_date"]


def test_body_that_is_not_an_object_is_refused(api_client):
    response = api_client.post("/api/v2/leads", [{"type": "email"}], format="json")

    assert list(errors_of(response)) == ["body"]


def test_contact_resource_requires_lead_id(api_client):
    body = {"address": "a@mail.example", "type": "home"}

    response = api_client.post("/api/v2/lead-emails", body, format="json")

    assert errors_of(response) == {"lead_id": ["This field is required."]}


def test_failed_nested_create_writes_nothing(api_client):
    body = {
        "type": "email",
        "emails": [{"type": "home", "address": "a@mail.example"}],
        "vehicles": [{"type": "wanted", "make": "Toyota"}],
        "phones": [
            {"type": "home", "number": "514 555 0123"},
            {"type": "fax", "number": "514 555 0124"},
        ],
    }

    response = api_client.post("/api/v2/leads", body, format="json")

    assert list(errors_of(response)) == ["phones.1.type"]
    assert row_counts() == (0, 0, 0, 0)


def test_failed_update_changes_nothing(api_client, lead):
    lead.first_name = "John"
    lead.save()
    body = {"first_name": "Johnny", "phones": [{"type": "home", "number": "12"}]}

    response = api_client.put(f"/api/v2/leads/{lead.id}", body, format="json")

    assert list(errors_of(response)) == ["phones.0.number"]
    lead.refresh_from_db()
    assert lead.first_name == "John"
    assert row_counts() == (1, 0, 0, 0)


@pytest.mark.django_db
def test_rule_broken_by_a_concurrent_write_reads_as_its_own_message():
    from django.db import IntegrityError, transaction

    from config.api.serializers import constraint_violation
    from tests.factories import LeadEmailFactory

    first = LeadEmailFactory(type="home")
    with pytest.raises(IntegrityError) as caught, transaction.atomic():
        LeadEmailFactory(lead=first.lead, type="home")

    error = constraint_violation(caught.value)

    assert error.detail == {"body": ["This lead already has an email of this type."]}


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["put", "patch"])
def test_update_appending_an_incomplete_contact_is_a_422(api_client, agent, method):
    lead = LeadFactory(account=agent.account)

    response = getattr(api_client, method)(
        f"/api/v2/leads/{lead.pk}",
        {"first_name": "Kept?", "phones": [{"type": "home"}], "vehicles": [{}]},
        format="json",
    )

    lead.refresh_from_db()
    assert response.status_code == 422
    assert response.json()["errors"] == {
        "phones.0.number": ["This field is required."],
        "vehicles.0.type": ["This field is required."],
    }
    assert lead.first_name == "" and not lead.phones.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value"),
    [("postal_code", 12345), ("rating", "3"), ("business", "yes"), ("rating", True)],
)
def test_value_of_another_json_type_is_a_422(api_client, field, value):
    response = api_client.post(
        "/api/v2/leads", {"type": "email", field: value}, format="json"
    )

    assert response.status_code == 422
    assert list(response.json()["errors"]) == [field]
    assert not Lead.objects.exists()
