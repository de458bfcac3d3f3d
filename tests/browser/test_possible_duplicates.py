"""An agent meets a possible duplicate in a real browser: a new lead that
matches is held back with its matches, saved anyway, and the pair ruled out
from the lead page."""

import pytest
from playwright.sync_api import expect

from leads.duplicates.models import PossibleDuplicate
from leads.models import Lead
from tests.factories import LeadEmailFactory, LeadFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def marie(account):
    lead = LeadFactory(account=account, first_name="Marie", last_name="Roy")
    LeadEmailFactory(lead=lead, address="marie.roy@gmail.com", type="home")
    return lead


def test_agent_saves_a_matching_lead_anyway_then_rules_the_pair_out(
    agent, marie, page, live_server, log_in
):
    log_in(agent)
    page.goto(f"{live_server.url}/admin/leads/lead/add/")
    page.select_option("#id_type", "walk_in")
    page.fill("#id_first_name", "Marie")
    page.fill("#id_last_name", "Roy")
    page.click("#emails-group .add-row a")
    page.fill("#id_emails-0-address", "MarieRoy+promo@gmail.com")
    page.select_option("#id_emails-0-type", "home")
    page.click("input[name=_save]")

    matches = page.locator("#possible-duplicates")
    expect(matches).to_contain_text("same email (marie.roy@gmail.com)")
    assert Lead.objects.count() == 1
    page.check("#id_save_anyway")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    assert Lead.objects.count() == 2

    page.goto(f"{live_server.url}/admin/leads/lead/{marie.pk}/change/")
    panel = page.locator("#possible-duplicates")
    expect(panel).to_contain_text("same email")
    panel.get_by_role("button", name="Not the same customer").click()

    expect(page.locator(".messagelist")).to_contain_text("Ruled out")
    expect(page.locator("#possible-duplicates")).to_contain_text("Ruled out by")
    assert PossibleDuplicate.objects.get().dismissed_by == agent
