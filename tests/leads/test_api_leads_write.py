"""POST, PUT and PATCH /api/v2/leads: the bodies Activix documents and the
rules of docs/api.md, "The Lead object"."""

import pytest

from leads.models import Lead, LeadEmail, LeadPhone, LeadVehicle
from tests.factories import LeadEmailFactory, LeadFactory, UserFactory

EXAMPLE_BODY = {
    "type": "email",
    "first_name": "John",
    "last_name": "Doe",
    "source_id": 6600,
    "advisor": {"first_name": "Jane", "last_name": "Smith"},
    "emails": [{"type": "home", "address": "hello@example.com"}],
    "phones": [{"type": "mobile", "number": "+15144321214", "extension": 12345}],
    "vehicles": [
        {"type": "wanted", "make": "Aston Martin", "model": "DB11", "year": 2018},
        {"type": "exchange", "make": "DMC", "model": "DeLorean", "year": 1981},
    ],
}


@pytest.fixture
def jane(account):
    return UserFactory(
        account=account,
        username="jsmith",
        first_name="Jane",
        last_name="Smith",
        email="jane.smith@lachance.example",
    )


def test_create_with_documented_body_answers_201_with_the_lead(api_client, jane):
    response = api_client.post("/api/v2/leads", EXAMPLE_BODY, format="json")

    assert response.status_code == 201
    lead = response.json()["data"]
    assert lead["id"] == Lead.objects.get().id
    assert (lead["type"], lead["first_name"], lead["last_name"]) == (
        "email",
        "John",
        "Doe",
    )
    assert lead["created_method"] == "api"
    assert lead["account"]["name"] == "Lachance Toyota"
    assert lead["account_id"] == jane.account_id


def test_create_nests_emails_phones_and_vehicles(api_client, jane):
    response = api_client.post("/api/v2/leads", EXAMPLE_BODY, format="json")

    lead = response.json()["data"]
    assert [(e["type"], e["address"]) for e in lead["emails"]] == [
        ("home", "hello@example.com")
    ]
    assert [(p["type"], p["number"], p["extension"]) for p in lead["phones"]] == [
        ("mobile", "+15144321214", 12345)
    ]
    assert [
        (v["type"], v["make"], v["model"], v["year"]) for v in lead["vehicles"]
    ] == [
        ("wanted", "Aston Martin", "DB11", 2018),
        ("exchange", "DMC", "DeLorean", 1981),
    ]
    assert {item["lead_id"] for item in lead["emails"] + lead["vehicles"]} == {
        lead["id"]
    }
    assert LeadVehicle.objects.filter(lead_id=lead["id"]).count() == 2


def test_create_resolves_advisor_by_name_to_the_user_object(api_client, jane):
    response = api_client.post("/api/v2/leads", EXAMPLE_BODY, format="json")

    advisor = response.json()["data"]["advisor"]
    assert sorted(advisor) == sorted(
        ["id", "created_at", "updated_at", "email", "first_name", "last_name"]
    )
    assert (advisor["id"], advisor["email"]) == (jane.id, "jane.smith@lachance.example")
    assert Lead.objects.get().advisor == jane


@pytest.mark.parametrize(
    "reference",
    [
        {"email": "JANE.SMITH@lachance.example"},
        {"first_name": "jane", "last_name": "SMITH"},
    ],
)
def test_create_resolves_user_slot_by_email_or_name_ignoring_case(
    api_client, jane, reference
):
    response = api_client.post(
        "/api/v2/leads", {"type": "phone", "bdc": reference}, format="json"
    )

    assert response.status_code == 201
    assert response.json()["data"]["bdc"]["id"] == jane.id


def test_create_resolves_user_slot_by_id(api_client, jane):
    response = api_client.post(
        "/api/v2/leads",
        {"type": "phone", "service_agent": {"id": jane.id}},
        format="json",
    )

    assert response.status_code == 201
    assert response.json()["data"]["service_agent"]["id"] == jane.id


def test_create_takes_a_user_object_echoed_whole_in_a_slot(api_client, jane):
    user = api_client.get(f"/api/v2/users/{jane.id}").json()["data"]

    response = api_client.post(
        "/api/v2/leads", {"type": "phone", "bdc": user}, format="json"
    )

    assert response.status_code == 201
    assert response.json()["data"]["bdc"] == user


def test_create_ignores_read_only_fields_sent_by_the_client(
    api_client, account, other_account
):
    body = {
        "type": "sms",
        "id": 999999,
        "created_method": "manual",
        "created_at": "2001-01-01T00:00:00+00:00",
        "account_id": other_account.id,
    }

    response = api_client.post("/api/v2/leads", body, format="json")

    assert response.status_code == 201
    lead = Lead.objects.get()
    assert lead.id != 999999
    assert lead.created_method == "api"
    assert lead.created_at.year > 2001
    assert lead.account == account


def test_create_fills_language_and_region_from_the_dealership(api_client, account):
    account.locale, account.country, account.province = "fr", "CA", "QC"
    account.save()

    response = api_client.post("/api/v2/leads", {"type": "email"}, format="json")

    lead = response.json()["data"]
    assert (lead["locale"], lead["country"], lead["province"]) == ("fr", "CA", "QC")


def test_create_keeps_language_and_region_sent_by_the_client(api_client, account):
    account.locale, account.country, account.province = "fr", "CA", "QC"
    account.save()
    body = {"type": "email", "locale": "en", "country": "CA", "province": "ON"}

    response = api_client.post("/api/v2/leads", body, format="json")

    lead = response.json()["data"]
    assert (lead["locale"], lead["country"], lead["province"]) == ("en", "CA", "ON")


def test_create_normalises_phone_numbers_to_e164(api_client):
    body = {"type": "phone", "phones": [{"type": "home", "number": "(514) 555-1234"}]}

    response = api_client.post("/api/v2/leads", body, format="json")

    assert response.json()["data"]["phones"][0]["number"] == "+15145551234"
    assert LeadPhone.objects.get().number == "+15145551234"


@pytest.mark.parametrize("method", ["put", "patch"])
def test_update_changes_only_the_fields_sent(api_client, account, method):
    lead = LeadFactory(
        account=account, first_name="John", last_name="Doe", city="Laval"
    )

    response = getattr(api_client, method)(
        f"/api/v2/leads/{lead.id}", {"last_name": "Smith"}, format="json"
    )

    assert response.status_code == 200
    data = response.json()["data"]
    assert (data["first_name"], data["last_name"], data["city"]) == (
        "John",
        "Smith",
        "Laval",
    )
    lead.refresh_from_db()
    assert (lead.first_name, lead.last_name, lead.type) == ("John", "Smith", "email")


@pytest.mark.parametrize("method", ["put", "patch"])
def test_update_appends_to_contact_arrays(api_client, account, method):
    lead = LeadFactory(account=account)
    LeadEmailFactory(lead=lead, type="home", address="home@mail.example")
    body = {
        "emails": [{"type": "work", "address": "work@mail.example"}],
        "vehicles": [{"type": "wanted", "make": "Toyota"}],
    }

    response = getattr(api_client, method)(
        f"/api/v2/leads/{lead.id}", body, format="json"
    )

    assert response.status_code == 200
    data = response.json()["data"]
    assert [e["address"] for e in data["emails"]] == [
        "home@mail.example",
        "work@mail.example",
    ]
    assert [v["make"] for v in data["vehicles"]] == ["Toyota"]


def test_update_with_documented_body_ignores_the_echoed_id(api_client, account):
    lead = LeadFactory(account=account, first_name="John")

    response = api_client.put(
        f"/api/v2/leads/{lead.id}",
        {"id": lead.id + 1000, "first_name": "Johnny"},
        format="json",
    )

    assert response.status_code == 200
    assert response.json()["data"]["id"] == lead.id
    lead.refresh_from_db()
    assert lead.first_name == "Johnny"


def test_update_cannot_change_created_method(api_client, account):
    lead = LeadFactory(account=account, created_method="manual")

    api_client.put(f"/api/v2/leads/{lead.id}", {"created_method": "api"}, format="json")

    lead.refresh_from_db()
    assert lead.created_method == "manual"


def test_update_clears_a_user_slot_with_null(api_client, account, jane):
    lead = LeadFactory(account=account, advisor=jane)

    response = api_client.put(
        f"/api/v2/leads/{lead.id}", {"advisor": None}, format="json"
    )

    assert response.json()["data"]["advisor"] is None
    lead.refresh_from_db()
    assert lead.advisor is None


def test_update_with_null_text_stores_empty_text(api_client, account):
    lead = LeadFactory(account=account, city="Laval")

    response = api_client.patch(
        f"/api/v2/leads/{lead.id}", {"city": None}, format="json"
    )

    assert response.json()["data"]["city"] is None
    lead.refresh_from_db()
    assert lead.city == ""


def test_update_adds_nothing_when_arrays_are_absent(api_client, account):
    lead = LeadFactory(account=account)
    LeadEmailFactory(lead=lead, type="home", address="home@mail.example")

    api_client.put(f"/api/v2/leads/{lead.id}", {"city": "Laval"}, format="json")

    assert list(LeadEmail.objects.values_list("address", flat=True)) == [
        "home@mail.example"
    ]
