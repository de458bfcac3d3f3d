"""The error bodies of docs/api.md, "Errors": 401, 403, 404, 405, 400, 415
and 429, each in the dialect's JSON."""

import pytest
from rest_framework.throttling import UserRateThrottle

from leads.models import Lead, LeadEmail
from tests.conftest import bearer_client
from tests.factories import LeadEmailFactory, LeadFactory, UserFactory
from tests.openapi_contract import ContractAPIClient

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
def test_unknown_route_answers_json_even_with_a_browser_cookie(agent):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(agent)

    response = browser.put("/api/v2/leads/0.5", "{}", content_type="application/json")

    assert response.status_code == 404
    assert response.json() == {"message": "Not found."}
