"""GET /api/v2/leads/{id}: every attribute of the Activix Lead object, with
its JSON type (tests/data/lead-object.md, parsed as the model tests do)."""

import datetime
import re

import pytest

from leads.models import Lead
from tests.factories import LeadFactory, UserFactory
from tests.reference import documented_attributes, documented_values

ATTRIBUTES = documented_attributes()

UTC_DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$")
DATE = re.compile(r"^\d{4}-\d\d-\d\d$")
MOMENT = datetime.datetime(2024, 2, 15, 9, 8, 7, tzinfo=datetime.UTC)
# Values with a rule of their own; every other attribute gets one by its type.
SPECIAL_VALUES = {
    "gender": 2,
    "rating": 4,
    "service_interval_km": 5000,
    "country": "CA",
    "province": "QC",
    "locale": "fr",
    "birth_date": datetime.date(1990, 4, 10),
}
READ_ONLY = {"id", "created_at", "updated_at", "account_id"}


def json_type_errors(attribute, value) -> str | None:
    """Why `value` is not what the reference says the attribute holds."""
    kind, description = attribute["type"], attribute["description"]
    checks = {
        "integer": lambda: isinstance(value, int) and not isinstance(value, bool),
        "boolean": lambda: isinstance(value, bool),
        "object": lambda: isinstance(value, dict),
        "array": lambda: isinstance(value, list),
    }
    if kind in checks:
        ok = checks[kind]()
    elif "ISO datetime" in description:
        ok = isinstance(value, str) and bool(UTC_DATETIME.match(value))
    elif "ISO date" in description:
        ok = isinstance(value, str) and bool(DATE.match(value))
    else:
        ok = isinstance(value, str)
    return None if ok else f"{value!r} is not a {kind}: {description[:40]}"


def filled_lead(account, user) -> Lead:
    """A lead with a value in every attribute of the reference."""
    values = {}
    for attribute in ATTRIBUTES:
        name, kind = attribute["name"], attribute["type"]
        field = Lead._meta.get_field(name) if name not in READ_ONLY else None
        if field is None or kind == "array":
            continue
        if name in SPECIAL_VALUES:
            values[name] = SPECIAL_VALUES[name]
        elif kind == "object":
            values[name] = account if name == "account" else user
        elif "Possible values" in attribute["description"]:
            values[name] = documented_values(attribute["description"])[0]
        elif kind == "integer":
            values[name] = 7
        elif kind == "boolean":
            values[name] = True
        elif "ISO datetime" in attribute["description"]:
            values[name] = MOMENT
        else:
            values[name] = "x"
    return Lead.objects.create(**values)


def test_lead_shows_every_documented_attribute_with_its_json_type(api_client, account):
    lead = filled_lead(account, UserFactory(account=account))

    data = api_client.get(f"/api/v2/leads/{lead.id}").json()["data"]

    errors = {
        a["name"]: json_type_errors(a, data.get(a["name"], "<missing>"))
        for a in ATTRIBUTES
    }
    assert {name: error for name, error in errors.items() if error} == {}


def test_lead_shows_every_attribute_of_an_empty_lead_as_null_or_empty(
    api_client, account
):
    lead = LeadFactory(account=account, type="email")

    data = api_client.get(f"/api/v2/leads/{lead.id}").json()["data"]

    names = [a["name"] for a in ATTRIBUTES]
    assert [name for name in names if name not in data] == []
    assert (data["emails"], data["phones"], data["vehicles"]) == ([], [], [])
    assert [data[slot] for slot in ["advisor", "bdc", "commercial"]] == [None] * 3
    assert data["first_name"] is None
    assert data["appointment_date"] is None
    assert data["birth_date"] is None


def test_lead_lists_attributes_in_the_documented_order(api_client, account):
    lead = LeadFactory(account=account)

    data = api_client.get(f"/api/v2/leads/{lead.id}").json()["data"]

    assert list(data)[: len(ATTRIBUTES)] == [a["name"] for a in ATTRIBUTES]
    assert list(data)[len(ATTRIBUTES) :] == [
        "result",
        "comment",
        "business_name",
        "first_response_at",
    ]


def test_lead_shows_datetimes_in_utc_with_offset(api_client, account):
    toronto = datetime.timezone(datetime.timedelta(hours=-5))
    lead = LeadFactory(
        account=account,
        created_at=datetime.datetime(2024, 2, 15, 4, 8, 7, 123456, tzinfo=toronto),
    )

    data = api_client.get(f"/api/v2/leads/{lead.id}").json()["data"]

    assert data["created_at"] == "2024-02-15T09:08:07+00:00"


def test_lead_shows_birth_date_as_a_date(api_client, account):
    lead = LeadFactory(account=account, birth_date=datetime.date(1990, 4, 10))

    data = api_client.get(f"/api/v2/leads/{lead.id}").json()["data"]

    assert data["birth_date"] == "1990-04-10"


def test_lead_shows_empty_text_as_null(api_client, account):
    lead = LeadFactory(account=account, first_name="", city="", comment="")

    data = api_client.get(f"/api/v2/leads/{lead.id}").json()["data"]

    assert (data["first_name"], data["city"], data["comment"]) == (None, None, None)


def test_lead_shows_active_status_and_default_result(api_client, account):
    lead = LeadFactory(account=account)

    data = api_client.get(f"/api/v2/leads/{lead.id}").json()["data"]

    assert (data["status"], data["result"], data["gender"]) == (None, "pending", 0)


@pytest.mark.parametrize(
    ("sent", "shown"),
    [
        ("2020-06-04T15:15:00-04:00", "2020-06-04T19:15:00+00:00"),
        ("2020-06-04T15:15:00Z", "2020-06-04T15:15:00+00:00"),
        ("2020-06-04T15:15:00", "2020-06-04T15:15:00+00:00"),
        ("2020-06-04T15:15:00.750+02:00", "2020-06-04T13:15:00+00:00"),
    ],
)
def test_lead_datetimes_sent_with_any_offset_come_back_in_utc(api_client, sent, shown):
    response = api_client.post(
        "/api/v2/leads", {"type": "email", "appointment_date": sent}, format="json"
    )

    assert response.status_code == 201
    assert response.json()["data"]["appointment_date"] == shown


@pytest.mark.parametrize("path", ["/api/v2/leads/{id}", "/api/v2/leads/{id}/"])
def test_lead_answers_with_and_without_trailing_slash(api_client, account, path):
    lead = LeadFactory(account=account)

    response = api_client.get(path.format(id=lead.id))

    assert response.status_code == 200
    assert response.json()["data"]["id"] == lead.id


@pytest.mark.parametrize(
    "include", ["emails", "leadPhones", "leadVehicles", "advisor", "account"]
)
def test_lead_accepts_documented_includes(api_client, account, include):
    lead = LeadFactory(account=account)

    response = api_client.get(f"/api/v2/leads/{lead.id}", {"include[]": include})

    assert response.status_code == 200
    assert response.json()["data"]["emails"] == []


def test_signed_in_browser_gets_the_browsable_api(client, agent, account):
    LeadFactory(account=account, first_name="Marie")
    client.force_login(agent)

    response = client.get("/api/v2/leads", HTTP_ACCEPT="text/html")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "Marie" in response.content.decode()
