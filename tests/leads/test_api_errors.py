"""The error bodies of docs/api.md, "Errors": 401, 404, 405, 400, 422 keyed by
field path, 429; and a failed write leaves the database as it was."""

import pytest
from rest_framework.test import APIClient
from rest_framework.throttling import UserRateThrottle

from leads.models import Lead, LeadEmail, LeadPhone, LeadVehicle
from tests.conftest import bearer_client
from tests.factories import LeadEmailFactory, LeadFactory, UserFactory
from tests.openapi_contract import ContractAPIClient

INVALID = "The given data was invalid."
ROUTES = [
    "/api/v2/leads",
    "/api/v2/leads/{lead}",
    "/api/v2/leads/search?query=x",
    "/api/v2/lead-emails",
    "/api/v2/lead-emails/{email}",
    "/api/v2/lead-phones",
    "/api/v2/lead-phones/1",
    "/api/v2/lead-vehicles",
    "/api/v2/lead-vehicles/1",
    "/api/v2/account",
    "/api/v2/users",
    "/api/v2/users/{user}",
]


def errors_of(response) -> dict:
    assert response.status_code == 422, response.json()
    assert response.json()["message"] == INVALID
    return response.json()["errors"]


def counts() -> tuple[int, int, int, int]:
    return tuple(
        model.objects.count() for model in (Lead, LeadEmail, LeadPhone, LeadVehicle)
    )


@pytest.fixture
def lead(account):
    return LeadFactory(account=account)


# --- 401 ---


def test_request_without_token_is_unauthenticated(anonymous_client):
    response = anonymous_client.get("/api/v2/leads")

    assert response.status_code == 401
    assert response.json() == {"message": "Unauthenticated."}
    assert response["WWW-Authenticate"] == "Bearer"


def test_request_with_unknown_token_is_unauthenticated(anonymous_client):
    anonymous_client.credentials(HTTP_AUTHORIZATION="Bearer not-a-token")

    response = anonymous_client.post("/api/v2/leads", {"type": "email"}, format="json")

    assert response.status_code == 401
    assert response.json() == {"message": "Unauthenticated."}
    assert Lead.objects.count() == 0


def test_request_with_token_of_inactive_user_is_unauthenticated(api_client, agent):
    agent.is_active = False
    agent.save()

    response = api_client.get("/api/v2/leads")

    assert response.status_code == 401


# --- 403 ---


def test_user_without_a_role_is_forbidden(account):
    newcomer = UserFactory(account=account, username="newcomer")

    response = bearer_client(newcomer).get("/api/v2/leads")

    assert response.status_code == 403
    assert response.json() == {"message": "This action is unauthorized."}


def test_superuser_without_dealership_cannot_create_a_lead(superuser):
    response = bearer_client(superuser).post(
        "/api/v2/leads", {"type": "email"}, format="json"
    )

    assert response.status_code == 403
    assert Lead.objects.count() == 0


def test_session_write_without_csrf_token_is_forbidden(agent):
    client = ContractAPIClient(enforce_csrf_checks=True)
    client.force_login(agent)

    read = client.get("/api/v2/leads")
    write = client.post("/api/v2/leads", {"type": "email"}, format="json")

    assert read.status_code == 200
    assert write.status_code == 403
    assert Lead.objects.count() == 0


# --- 404 ---


@pytest.mark.parametrize(
    ("path", "model"),
    [
        ("leads", "Lead"),
        ("lead-emails", "LeadEmail"),
        ("lead-phones", "LeadPhone"),
        ("lead-vehicles", "LeadVehicle"),
        ("users", "User"),
    ],
)
def test_unknown_id_is_not_found(api_client, path, model):
    response = api_client.get(f"/api/v2/{path}/987654")

    assert response.status_code == 404
    assert response.json() == {"message": f"No query results for model {model}."}


@pytest.mark.parametrize("lead_id", ["abc", "99999999999999999999"])
def test_malformed_or_huge_id_is_not_found(api_client, lead_id):
    response = api_client.put(f"/api/v2/leads/{lead_id}", {}, format="json")

    assert response.status_code == 404


def test_unknown_route_is_not_found_in_json(api_client):
    response = api_client.get("/api/v2/customers")

    assert response.status_code == 404
    assert response.json() == {"message": "Not found."}


# --- 405 ---


@pytest.mark.parametrize("route", ROUTES)
def test_delete_is_not_allowed_on_any_route(api_client, agent, lead, route):
    email = LeadEmailFactory(lead=lead)
    path = route.format(lead=lead.id, email=email.id, user=agent.id)

    response = api_client.delete(path)

    assert response.status_code == 405
    assert response.json() == {"message": "Method not allowed."}
    assert (Lead.objects.count(), LeadEmail.objects.count()) == (1, 1)


def test_delete_is_not_allowed_even_for_a_manager(manager, lead):
    response = bearer_client(manager).delete(f"/api/v2/leads/{lead.id}")

    assert response.status_code == 405
    assert Lead.objects.filter(pk=lead.pk).exists()


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/api/v2/users"),
        ("put", "/api/v2/users/{user}"),
        ("put", "/api/v2/account"),
        ("post", "/api/v2/leads/{lead}"),
        ("put", "/api/v2/leads"),
        ("post", "/api/v2/leads/search"),
        ("options", "/api/v2/leads"),
    ],
)
def test_method_the_route_lacks_is_not_allowed(api_client, agent, lead, method, path):
    response = getattr(api_client, method)(path.format(user=agent.id, lead=lead.id))

    assert response.status_code == 405
    assert response.json() == {"message": "Method not allowed."}


# --- 400, 415 ---


def test_malformed_json_is_a_bad_request_with_a_message(api_client):
    response = api_client.post(
        "/api/v2/leads", '{"type": "email",', content_type="application/json"
    )

    assert response.status_code == 400
    assert response.json()["message"].startswith("Malformed request body")
    assert Lead.objects.count() == 0


def test_form_encoded_body_is_unsupported(api_client):
    response = api_client.post(
        "/api/v2/leads", "type=email", content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 415
    assert "message" in response.json()


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
    assert counts() == (0, 0, 0, 0)


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
    assert counts() == (0, 0, 0, 0)


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
    assert counts() == (0, 0, 0, 0)


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
    assert counts() == (0, 0, 0, 0)


def test_failed_update_changes_nothing(api_client, lead):
    lead.first_name = "John"
    lead.save()
    body = {"first_name": "Johnny", "phones": [{"type": "home", "number": "12"}]}

    response = api_client.put(f"/api/v2/leads/{lead.id}", body, format="json")

    assert list(errors_of(response)) == ["phones.0.number"]
    lead.refresh_from_db()
    assert lead.first_name == "John"
    assert counts() == (1, 0, 0, 0)


# --- 422 on query parameters ---


@pytest.mark.parametrize(
    ("query", "fields"),
    [
        ("per_page=0", ["per_page"]),
        ("per_page=101", ["per_page"]),
        ("per_page=abc", ["per_page"]),
        ("page=0", ["page"]),
        ("page=abc&per_page=-1", ["page", "per_page"]),
        ("filter[created_at]=yesterday", ["filter[created_at]"]),
        ("filter[sale_date][gte]=2024-13-01", ["filter[sale_date][gte]"]),
        ("filter[division]=new,trucks", ["filter[division]"]),
        (
            "filter[segment]=&filter[status]=duplicate&filter[created_at][gt]=",
            ["filter[created_at][gt]", "filter[segment]"],
        ),
        ("filter[status]=sold", ["filter[status]"]),
        ("filter[advisor]=jane", ["filter[advisor]"]),
        ("filter[advisor]=%2B1", ["filter[advisor]"]),
        ("filter[bdc]=1.0", ["filter[bdc]"]),
        ("filter[name]=a%00b", ["filter[name]"]),
        (f"filter[name]={'%25' * 256}b", ["filter[name]"]),
        (f"filter[email]={'%25a' * 200}", ["filter[email]"]),
        ("filter[color]=red", ["filter[color]"]),
        ("filter[name][gt]=x", ["filter[name][gt]"]),
        ("filter=x", ["filter"]),
        ("include[]=tasks", ["include"]),
        ("include[0]=tasks", ["include"]),
    ],
)
def test_bad_list_parameter_names_the_parameter(api_client, query, fields):
    response = api_client.get(f"/api/v2/leads?{query}")

    assert sorted(errors_of(response)) == fields


@pytest.mark.parametrize("query", ["", "query=", "query=%20%20", "query=a%00b"])
def test_search_without_a_usable_query_is_refused(api_client, query):
    response = api_client.get(f"/api/v2/leads/search?{query}")

    assert list(errors_of(response)) == ["query"]


def test_unknown_include_on_a_lead_is_refused(api_client, lead):
    response = api_client.get(f"/api/v2/leads/{lead.id}?include[]=tasks")

    assert list(errors_of(response)) == ["include"]


# --- 429 ---


def test_too_many_requests_are_throttled_per_token(
    api_client, other_api_client, monkeypatch
):
    monkeypatch.setattr(UserRateThrottle, "THROTTLE_RATES", {"user": "2/minute"})
    api_client.get("/api/v2/users")
    api_client.get("/api/v2/users")

    throttled = api_client.get("/api/v2/users")
    other_token = other_api_client.get("/api/v2/users")

    assert throttled.status_code == 429
    assert throttled.json() == {"message": "Too Many Attempts."}
    assert int(throttled["Retry-After"]) > 0
    assert other_token.status_code == 200


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
def test_filter_given_twice_is_a_422_naming_it(api_client):
    response = api_client.get("/api/v2/leads?filter[advisor]=1&filter[advisor]=2")

    assert response.status_code == 422
    assert response.json()["errors"] == {"filter[advisor]": ["Give this filter once."]}


@pytest.mark.django_db
def test_unknown_route_answers_json_even_with_a_browser_cookie(agent):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(agent)

    response = browser.put("/api/v2/leads/0.5", "{}", content_type="application/json")

    assert response.status_code == 404
    assert response.json() == {"message": "Not found."}


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
