"""The OpenAPI schema at /api/v2/schema/ and the docs page at /api/v2/docs/.

That every API response of the suite matches the schema is checked by the
suite's client (tests/openapi_contract.py); these tests check the schema
itself, and that the checker does catch a mismatch.
"""

import re

import pytest
from django.contrib.staticfiles import finders
from django.core.management import call_command
from drf_spectacular.validation import validate_schema
from jsonschema import Draft202012Validator

from tests.openapi_contract import published_schema, response_errors
from tests.reference import documented_attributes

ATTRIBUTES = documented_attributes()

ROUTES = {
    ("get", "/api/v2/leads/"),
    ("post", "/api/v2/leads/"),
    ("get", "/api/v2/leads/{id}/"),
    ("put", "/api/v2/leads/{id}/"),
    ("patch", "/api/v2/leads/{id}/"),
    ("get", "/api/v2/leads/search/"),
    ("get", "/api/v2/leads/{id}/duplicates/"),
    *(
        (method, path)
        for resource in ["lead-emails", "lead-phones", "lead-vehicles"]
        for method, path in [
            ("post", f"/api/v2/{resource}/"),
            ("get", f"/api/v2/{resource}/{{id}}/"),
            ("put", f"/api/v2/{resource}/{{id}}/"),
            ("patch", f"/api/v2/{resource}/{{id}}/"),
        ]
    ),
    ("get", "/api/v2/account/"),
    ("get", "/api/v2/users/"),
    ("get", "/api/v2/users/{id}/"),
}


def test_schema_is_served_as_valid_openapi_json(anonymous_client):
    response = anonymous_client.get("/api/v2/schema/", {"format": "json"})

    assert response.status_code == 200
    validate_schema(response.json())
    assert response.json()["openapi"] == "3.1.0"


def test_schema_is_served_as_json_on_request_and_without_slash(anonymous_client):
    response = anonymous_client.get("/api/v2/schema", HTTP_ACCEPT="application/json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == published_schema()


def test_schema_generates_without_warnings(tmp_path):
    call_command(
        "spectacular",
        "--validate",
        "--fail-on-warn",
        "--file",
        str(tmp_path / "schema.yaml"),
    )


def test_schema_documents_every_route_and_no_other():
    operations = {
        (method, path)
        for path, methods in published_schema()["paths"].items()
        for method in methods
    }

    assert operations == ROUTES


def test_schema_describes_bearer_token_authentication():
    schemes = published_schema()["components"]["securitySchemes"]

    assert schemes["tokenAuth"] == {"type": "http", "scheme": "bearer"}


def test_schema_lead_lists_every_documented_attribute_as_required():
    lead = published_schema()["components"]["schemas"]["Lead"]

    names = [a["name"] for a in ATTRIBUTES]
    assert list(lead["properties"])[: len(names)] == names
    assert set(names) <= set(lead["required"])


def test_schema_put_body_is_partial_like_patch():
    paths = published_schema()["paths"]

    body = paths["/api/v2/leads/{id}/"]["put"]["requestBody"]["content"]

    assert body["application/json"]["schema"] == {
        "$ref": "#/components/schemas/PatchedLeadRequest"
    }


@pytest.mark.parametrize("value", ["", "  ", None])
def test_schema_filters_admit_no_empty_value(value):
    parameters = published_schema()["paths"]["/api/v2/leads/"]["get"]["parameters"]

    admitting = [
        parameter["name"]
        for parameter in parameters
        if parameter["name"].startswith("filter[")
        and Draft202012Validator(parameter["schema"]).is_valid(value)
    ]

    assert admitting == []


@pytest.mark.parametrize("value", ["", "  "])
def test_schema_search_query_admits_no_blank(value):
    operation = published_schema()["paths"]["/api/v2/leads/search/"]["get"]
    query = next(p for p in operation["parameters"] if p["name"] == "query")

    assert not Draft202012Validator(query["schema"]).is_valid(value)


def test_schema_request_bodies_type_echoed_fields_as_responses_do():
    components = published_schema()["components"]["schemas"]
    request = components["PatchedLeadRequest"]["properties"]
    response = components["Lead"]["properties"]

    assert request["account"]["allOf"] == response["account"]["allOf"]
    for name in ["id", "created_at", "updated_at", "account_id"]:
        assert request[name]["type"] == response[name]["type"]
        assert "readOnly" not in request[name]


def test_schema_user_slot_admits_a_user_object_echoed_whole():
    slot = published_schema()["components"]["schemas"]["LeadRequest"]["properties"]
    user = {
        "id": 5,
        "created_at": "2024-02-15T09:08:07+00:00",
        "updated_at": "2024-02-15T09:08:07+00:00",
        "email": "jane@dealer.example",
        "first_name": "Jane",
        "last_name": "Smith",
    }

    assert Draft202012Validator(slot["bdc"]).is_valid(user)


def test_contract_check_catches_a_wrong_body():
    errors = response_errors(
        "GET", "/api/v2/users/5", 200, {"data": {"id": "5", "email": None}}
    )

    assert errors


def test_contract_check_catches_a_datetime_not_in_utc():
    user = {
        "id": 5,
        "created_at": "2024-02-15T09:08:07-05:00",
        "updated_at": "2024-02-15T09:08:07+00:00",
        "email": None,
        "first_name": None,
        "last_name": None,
    }

    errors = response_errors("GET", "/api/v2/users/5", 200, {"data": user})

    assert [error.split(":")[0] for error in errors] == ["data/created_at"]


def test_contract_check_catches_an_undocumented_status():
    errors = response_errors("GET", "/api/v2/users", 201, {"data": []})

    assert errors == ["GET /api/v2/users/ does not document status 201"]


def test_docs_page_uses_only_local_assets(anonymous_client):
    response = anonymous_client.get("/api/v2/docs/")

    assert response.status_code == 200
    page = response.content.decode()
    assert re.findall(r"https?://", page) == []
    assets = re.findall(r'(?:src|href)="/static/([^"]+)"', page)
    assert len(assets) >= 3
    assert [asset for asset in assets if not finders.find(asset)] == []
