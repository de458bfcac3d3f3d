"""Phone numbers through the API (docs/api.md, "The Lead object"): any usual
spelling, read in the dealership's country, an extension typed in the number
moved to `extension`, and a number that cannot exist a 422 naming the field
with nothing written."""

import pytest

from leads.models import Lead, LeadPhone
from tests.factories import LeadFactory, LeadPhoneFactory

INVALID_NUMBERS = [
    "+1 514 555 12",  # too short
    "+1 514 555 1234 5678",  # too long
    "514-555-CALL",  # letters
    "",
]


@pytest.fixture
def french_dealership(account):
    account.country = "FR"
    account.save()
    return account


def errors_of(response) -> dict:
    assert response.status_code == 422, response.json()
    return response.json()["errors"]


def test_lead_phones_typed_with_an_extension_store_it_apart(api_client):
    body = {"type": "phone", "phones": [{"type": "work", "number": "514-555-1234 x12"}]}

    response = api_client.post("/api/v2/leads", body, format="json")

    phone = response.json()["data"]["phones"][0]
    assert (phone["number"], phone["extension"]) == ("+15145551234", 12)
    assert LeadPhone.objects.values_list("number", "extension").get() == (
        "+15145551234",
        12,
    )


def test_lead_phones_without_country_code_are_the_dealerships(
    api_client, french_dealership
):
    body = {"type": "phone", "phones": [{"type": "home", "number": "01 23 45 67 89"}]}

    response = api_client.post("/api/v2/leads", body, format="json")

    assert response.json()["data"]["phones"][0]["number"] == "+33123456789"


@pytest.mark.parametrize("number", INVALID_NUMBERS)
def test_lead_with_a_number_that_cannot_exist_is_refused_whole(api_client, number):
    body = {
        "type": "phone",
        "first_name": "Marie",
        "phones": [
            {"type": "home", "number": "514 555 1234"},
            {"type": "work", "number": number},
        ],
    }

    response = api_client.post("/api/v2/leads", body, format="json")

    assert list(errors_of(response)) == ["phones.1.number"]
    assert not Lead.objects.exists() and not LeadPhone.objects.exists()


def test_update_appending_a_phone_reads_it_in_the_leads_dealership(
    api_client, french_dealership
):
    lead = LeadFactory(account=french_dealership)
    body = {"phones": [{"type": "mobile", "number": "06 12 34 56 78"}]}

    response = api_client.patch(f"/api/v2/leads/{lead.id}", body, format="json")

    assert response.status_code == 200
    assert lead.phones.get().number == "+33612345678"


def test_differing_extensions_are_refused_naming_the_extension(api_client):
    phone = {"type": "work", "number": "514-555-1234 ext. 12", "extension": 7}

    response = api_client.post(
        "/api/v2/leads", {"type": "phone", "phones": [phone]}, format="json"
    )

    assert list(errors_of(response)) == ["phones.0.extension"]
    assert not Lead.objects.exists()


@pytest.fixture
def lead(account):
    return LeadFactory(account=account)


def test_phone_resource_reads_the_number_and_its_extension(api_client, lead):
    body = {"lead_id": lead.id, "number": "(514) 555-1234 poste 12", "type": "work"}

    response = api_client.post("/api/v2/lead-phones", body, format="json")

    assert response.status_code == 201
    data = response.json()["data"]
    assert (data["number"], data["extension"]) == ("+15145551234", 12)


def test_phone_resource_reads_in_its_leads_dealership(api_client, french_dealership):
    lead = LeadFactory(account=french_dealership)
    body = {"lead_id": lead.id, "number": "01 23 45 67 89", "type": "home"}

    response = api_client.post("/api/v2/lead-phones", body, format="json")

    assert response.json()["data"]["number"] == "+33123456789"


@pytest.mark.parametrize("number", INVALID_NUMBERS)
def test_phone_resource_refuses_a_number_that_cannot_exist(api_client, lead, number):
    body = {"lead_id": lead.id, "number": number, "type": "home"}

    response = api_client.post("/api/v2/lead-phones", body, format="json")

    assert list(errors_of(response)) == ["number"]
    assert not LeadPhone.objects.exists()


@pytest.mark.parametrize("method", ["put", "patch"])
def test_phone_update_refuses_a_number_that_cannot_exist(api_client, lead, method):
    phone = LeadPhoneFactory(lead=lead, number="+15145551234", extension=None)

    response = getattr(api_client, method)(
        f"/api/v2/lead-phones/{phone.id}", {"number": "+1 514 555 12"}, format="json"
    )

    assert list(errors_of(response)) == ["number"]
    phone.refresh_from_db()
    assert phone.number == "+15145551234"


def test_phone_update_typed_with_an_extension_sets_it(api_client, lead):
    phone = LeadPhoneFactory(lead=lead, number="+15145551234", extension=7)

    response = api_client.patch(
        f"/api/v2/lead-phones/{phone.id}", {"number": "514 555 4321 #89"}, format="json"
    )

    assert response.status_code == 200
    phone.refresh_from_db()
    assert (phone.number, phone.extension) == ("+15145554321", 89)


def test_phone_update_with_differing_extensions_changes_nothing(api_client, lead):
    phone = LeadPhoneFactory(lead=lead, number="+15145551234", extension=7)
    body = {"number": "514 555 4321 x89", "extension": 7}

    response = api_client.patch(f"/api/v2/lead-phones/{phone.id}", body, format="json")

    assert list(errors_of(response)) == ["extension"]
    phone.refresh_from_db()
    assert (phone.number, phone.extension) == ("+15145551234", 7)


def test_phone_search_reads_a_national_number_in_the_searchers_country(
    api_client, french_dealership
):
    found = LeadFactory(account=french_dealership)
    LeadPhoneFactory(lead=found, number="+33123456789")
    LeadPhoneFactory(lead=LeadFactory(account=french_dealership), number="+15145551234")

    search = api_client.get("/api/v2/leads/search", {"query": "01 23 45 67 89"})
    filtered = api_client.get("/api/v2/leads", {"filter[phone]": "01.23.45.67.89"})

    assert [lead["id"] for lead in search.json()["data"]] == [found.id]
    assert [lead["id"] for lead in filtered.json()["data"]] == [found.id]
