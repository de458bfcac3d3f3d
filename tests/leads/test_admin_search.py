"""The lead list's search box."""

import datetime

import pytest

from leads.admin.leads import LeadAdmin
from tests.conftest import changelist_ids
from tests.factories import (
    LeadEmailFactory,
    LeadFactory,
    LeadPhoneFactory,
    LeadVehicleFactory,
)

URL = "/admin/leads/lead/"


def search(client, term):
    response = client.get(URL, {"q": term})
    assert response.status_code == 200
    return changelist_ids(response)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("attributes", "term"),
    [
        ({"first_name": "Geneviève"}, "geneviève"),
        ({"last_name": "Bouchard"}, "BOUCH"),
        ({"second_contact": "Paul Lévesque"}, "Lévesque"),
        ({"business_name": "Transport Gagnon inc."}, "gagnon"),
        ({"work_order": "WO-88123"}, "wo-88123"),
        ({"repair_order": "RO-4417"}, "RO-4417"),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_search_finds_lead_by_field(agent_client, account, attributes, term):
    found = LeadFactory(account=account, **attributes)
    LeadFactory(account=account, first_name="Autre", last_name="Personne")

    assert search(agent_client, term) == [found.id]


@pytest.mark.django_db
def test_search_matches_every_word_across_fields(agent_client, account):
    found = LeadFactory(account=account, first_name="Marie", last_name="Tremblay")
    LeadFactory(account=account, first_name="Marie", last_name="Gagnon")

    assert search(agent_client, "marie tremblay") == [found.id]


@pytest.mark.django_db
def test_search_finds_lead_by_email(agent_client, account):
    found = LeadFactory(account=account)
    LeadEmailFactory(lead=found, address="marie.tremblay@videotron.ca", type="home")
    LeadEmailFactory(lead=found, address="mtremblay@videotron.ca", type="work")
    LeadEmailFactory(address="someone@videotron.ca")

    # Two matching emails still list the lead once.
    assert search(agent_client, "tremblay@videotron") == [found.id]


@pytest.mark.django_db
def test_search_finds_lead_by_vin(agent_client, account):
    found = LeadFactory(account=account)
    LeadVehicleFactory(lead=found, vin="2T1BURHE5JC034461")
    LeadVehicleFactory(lead=LeadFactory(account=account), vin="1HGCV1F34LA012345")

    assert search(agent_client, "2t1burhe5jc034461") == [found.id]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "term",
    ["(514) 987-1234", "514.987.1234", "+1 514 987 1234", "1-514-987-1234"],
)
def test_search_finds_phone_typed_in_any_format(agent_client, account, term):
    found = LeadFactory(account=account)
    LeadPhoneFactory(lead=found, number="+15149871234")
    LeadPhoneFactory(lead=LeadFactory(account=account), number="+14389871234")

    assert search(agent_client, term) == [found.id]


@pytest.mark.django_db
def test_search_finds_phone_by_its_last_digits(agent_client, account):
    found = LeadFactory(account=account)
    LeadPhoneFactory(lead=found, number="+15149871234")
    LeadPhoneFactory(lead=LeadFactory(account=account), number="+15149875678")

    assert search(agent_client, "987-1234") == [found.id]


@pytest.mark.django_db
def test_search_of_digits_also_matches_service_orders(agent_client, account):
    by_order = LeadFactory(account=account, work_order="55501")
    by_phone = LeadFactory(account=account)
    LeadPhoneFactory(lead=by_phone, number="+15145550123")

    assert set(search(agent_client, "55501")) == {by_order.id, by_phone.id}


@pytest.mark.django_db
def test_search_keeps_the_other_filters(agent_client, account):
    found = LeadFactory(account=account, last_name="Roy", division="new")
    LeadFactory(account=account, last_name="Roy", division="used")

    response = agent_client.get(URL, {"q": "roy", "division": "new"})

    assert changelist_ids(response) == [found.id]


@pytest.mark.django_db
def test_search_results_page_on(agent_client, account, monkeypatch):
    monkeypatch.setattr(LeadAdmin, "list_per_page", 1)
    older = LeadFactory(
        account=account, created_at=datetime.datetime(2024, 5, 1, tzinfo=datetime.UTC)
    )
    LeadEmailFactory(lead=older, address="roy@mail.example", type="home")
    LeadEmailFactory(lead=older, address="roy@work.example", type="work")
    LeadFactory(account=account, last_name="Roy")
    LeadFactory(account=account, last_name="Gagnon")

    response = agent_client.get(URL, {"q": "roy", "p": 2})

    assert changelist_ids(response) == [older.id]
