"""GET /api/v2/leads/search?query=: name, second contact, email, phone in any
format, VIN, work and repair order."""

import pytest

from tests.conftest import listed_ids
from tests.factories import (
    LeadEmailFactory,
    LeadFactory,
    LeadPhoneFactory,
    LeadVehicleFactory,
)


def found(api_client, query: str) -> list[int]:
    response = api_client.get("/api/v2/leads/search", {"query": query})
    assert response.status_code == 200, response.json()
    return listed_ids(response)


@pytest.fixture
def decoy(account):
    """A lead no query below should find."""
    lead = LeadFactory(account=account, first_name="Paul", last_name="Gagnon")
    LeadEmailFactory(lead=lead, address="paul@gagnon.ca")
    LeadPhoneFactory(lead=lead, number="+18195550199")
    LeadVehicleFactory(lead=lead, vin="2T1BURHE0JC000001")
    return lead


@pytest.mark.parametrize("query", ["tremblay", "Marie", "marie tremblay"])
def test_search_finds_by_name(api_client, account, decoy, query):
    lead = LeadFactory(account=account, first_name="Marie", last_name="Tremblay")

    assert found(api_client, query) == [lead.id]


def test_search_needs_every_word_to_match_some_field(api_client, account, decoy):
    lead = LeadFactory(account=account, first_name="Marie", business_name="Kia Laval")
    LeadFactory(account=account, first_name="Marie", business_name="Honda Laval")

    assert found(api_client, "laval marie kia") == [lead.id]
    assert found(api_client, '"marie kia"') == []  # quoted: one field holds both


def test_search_takes_a_name_and_part_of_a_number_together(api_client, account, decoy):
    marie = LeadFactory(account=account, first_name="Marie")
    LeadPhoneFactory(lead=marie, number="+15145550101")
    other_marie = LeadFactory(account=account, first_name="Marie")
    LeadPhoneFactory(lead=other_marie, number="+15145559999")

    assert found(api_client, "marie 555-0101") == [marie.id]


def test_search_finds_by_second_contact(api_client, account, decoy):
    lead = LeadFactory(account=account, second_contact="Garage Bélanger")

    assert found(api_client, "bélanger") == [lead.id]


def test_search_finds_by_email(api_client, account, decoy):
    lead = LeadFactory(account=account)
    LeadEmailFactory(lead=lead, address="marie.t@videotron.ca")

    assert found(api_client, "marie.t@videotron.ca") == [lead.id]


@pytest.mark.parametrize(
    "query", ["(514) 555-0123", "514.555.0123", "+1 514 555 0123", "5550123"]
)
def test_search_finds_by_phone_in_any_format(api_client, account, decoy, query):
    lead = LeadFactory(account=account)
    LeadPhoneFactory(lead=lead, number="+15145550123")

    assert found(api_client, query) == [lead.id]


def test_search_finds_by_vin_ignoring_case(api_client, account, decoy):
    lead = LeadFactory(account=account)
    LeadVehicleFactory(lead=lead, vin="1HGCM82633A004352")

    assert found(api_client, "1hgcm82633a004352") == [lead.id]


@pytest.mark.parametrize("field", ["work_order", "repair_order"])
def test_search_finds_by_work_or_repair_order(api_client, account, decoy, field):
    lead = LeadFactory(account=account, **{field: "WO-88123"})

    assert found(api_client, "wo-88123") == [lead.id]


def test_search_lists_a_lead_once_whatever_matches(api_client, account):
    lead = LeadFactory(account=account, first_name="Marie")
    LeadEmailFactory(lead=lead, type="home", address="marie@a.ca")
    LeadEmailFactory(lead=lead, type="work", address="marie@b.ca")

    assert found(api_client, "marie") == [lead.id]


def test_search_finds_nothing_for_an_unknown_text(api_client, decoy):
    assert found(api_client, "zzzz") == []
