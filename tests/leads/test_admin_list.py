"""The lead list (changelist): its columns and order."""

import pytest

from tests.conftest import changelist_ids, toronto
from tests.factories import (
    LeadEmailFactory,
    LeadFactory,
    LeadPhoneFactory,
    UserFactory,
)

URL = "/admin/leads/lead/"


@pytest.mark.django_db
def test_changelist_lists_newest_leads_first(agent_client, account):
    older = LeadFactory(account=account, created_at=toronto(2024, 5, 1, 9))
    newer = LeadFactory(account=account, created_at=toronto(2024, 5, 2, 9))

    response = agent_client.get(URL)

    assert response.status_code == 200
    assert changelist_ids(response) == [newer.id, older.id]


@pytest.mark.django_db
def test_changelist_shows_the_columns_an_agent_scans(agent_client, account):
    bdc = UserFactory(account=account, first_name="Julie", last_name="Roy")
    advisor = UserFactory(account=account, first_name="Marc", last_name="Caron")
    lead = LeadFactory(
        account=account,
        first_name="Marie",
        last_name="Tremblay",
        division="new",
        segment="conquest",
        type="phone",
        source="Kijiji",
        result="reached",
        bdc=bdc,
        advisor=advisor,
    )
    LeadPhoneFactory(lead=lead, number="+15145550101", type="home")
    LeadPhoneFactory(lead=lead, number="+15145550102", type="mobile")
    LeadEmailFactory(lead=lead, address="marie@example.ca", type="work")

    response = agent_client.get(URL)

    row = response.content.decode()
    for text in [
        "Marie Tremblay",
        '<a href="tel:+15145550102">(514) 555-0102</a>',  # mobile before home
        "marie@example.ca",
        "New",
        "Conquest",
        "Phone",
        "Kijiji",
        "Active",
        "Reached",
        "Julie Roy",
        "Marc Caron",
    ]:
        assert text in row
    assert "+15145550101" not in row


@pytest.mark.django_db
def test_changelist_rows_carry_the_bulk_action_checkbox(agent_client, account):
    lead = LeadFactory(account=account, first_name="Marie", last_name="Tremblay")

    response = agent_client.get(URL)

    checkbox = (
        f'<input type="checkbox" name="_selected_action" value="{lead.id}" '
        'class="action-select" '
        'aria-label="Select this object for an action - Marie Tremblay">'
    )
    assert checkbox in response.content.decode()


@pytest.mark.django_db
def test_changelist_names_a_business_lead_by_its_business(agent_client, account):
    LeadFactory(account=account, business=True, business_name="Transport Gagnon")

    response = agent_client.get(URL)

    assert "Transport Gagnon" in response.content.decode()


@pytest.mark.django_db
def test_changelist_leaves_the_width_to_its_columns(agent_client, account):
    LeadFactory(account=account)

    html = agent_client.get(URL).content.decode()

    assert 'id="nav-sidebar"' not in html  # the app list would push columns out
    assert "column-created" in html
