"""A BDC agent's day in a real browser: find, work and export leads."""

import csv
import datetime
import io

import pytest
from playwright.sync_api import expect

from leads.models import Lead
from tests.factories import LeadFactory, LeadPhoneFactory

pytestmark = [
    pytest.mark.browser,
    # The live server needs committed data; serialized rollback brings back
    # the roles (made by a migration) that the flush after each test removes.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def created(day):
    return datetime.datetime(2024, 5, day, 10, tzinfo=datetime.UTC)


@pytest.fixture
def desk(account, other_account):
    """Leads of the agent's dealership, and one of another."""
    marie = LeadFactory(
        account=account,
        first_name="Marie",
        last_name="Tremblay",
        division="new",
        segment="conquest",
        created_at=created(2),
    )
    LeadPhoneFactory(lead=marie, number="+15149871234", type="mobile")
    luc = LeadFactory(
        account=account,
        first_name="Luc",
        last_name="Roy",
        division="new",
        segment="conquest",
        created_at=created(1),
    )
    LeadFactory(account=account, division="new", segment="promo")
    LeadFactory(account=account, division="used", segment="conquest")
    LeadFactory(account=other_account, division="new", segment="conquest")
    return {"marie": marie, "luc": luc}


def expect_listed(page, names):
    """Wait for the lead list to show exactly `names`, in order."""
    expect(page.locator("#result_list tbody th.field-name")).to_have_text(names)


def test_agent_works_a_lead_and_exports_the_filtered_list(
    agent, desk, page, live_server, log_in
):
    log_in(agent)
    page.goto(f"{live_server.url}/admin/leads/lead/")

    sidebar = page.locator("#changelist-filter")
    sidebar.locator('details[data-filter-title="division"]').get_by_role(
        "link", name="New", exact=True
    ).click()
    sidebar.locator('details[data-filter-title="segment"]').get_by_role(
        "link", name="Conquest", exact=True
    ).click()
    expect_listed(page, ["Marie Tremblay", "Luc Roy"])

    page.fill("#searchbar", "(514) 987-1234")
    page.press("#searchbar", "Enter")
    expect_listed(page, ["Marie Tremblay"])

    page.get_by_role("link", name="Marie Tremblay").click()
    page.get_by_role("button", name="Add another Phone").click()
    page.fill('input[name="phones-1-number"]', "514 555 0199")
    page.select_option('select[name="phones-1-type"]', "home")
    page.click('input[name="_save"]')
    page.wait_for_selector(".messagelist .success")
    marie_phones = Lead.objects.get(pk=desk["marie"].pk).phones
    assert sorted(marie_phones.values_list("number", flat=True)) == [
        "+15145550199",
        "+15149871234",
    ]

    # Back on the list, still filtered; the search is cleared for the export.
    page.fill("#searchbar", "")
    page.press("#searchbar", "Enter")
    expect_listed(page, ["Marie Tremblay", "Luc Roy"])
    with page.expect_download() as download:
        page.get_by_role("link", name="Export to CSV").click()
    text = download.value.path().read_text(encoding="utf-8-sig")

    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["id"] for row in rows] == [
        str(desk["marie"].id),
        str(desk["luc"].id),
    ]
    assert rows[0]["phone_home"] == "'+15145550199"


def test_agent_switches_the_admin_to_french(agent, page, live_server, log_in):
    log_in(agent)
    page.goto(f"{live_server.url}/admin/leads/lead/")

    page.get_by_role("link", name="Français").click()

    page.wait_for_selector("text=Exporter en CSV")
    assert page.locator("html").get_attribute("lang") == "fr"
