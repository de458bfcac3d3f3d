"""Bulk actions on the lead list: assign, set status, set result."""

import datetime

import pytest
from django.contrib.admin.models import CHANGE, LogEntry

from leads.models import Lead
from tests.conftest import changelist_ids
from tests.factories import LeadFactory, UserFactory

URL = "/admin/leads/lead/"
LONG_AGO = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)


def run_action(client, action, leads, value=None, url=URL):
    """Post `action` on `leads`; with a value, also confirm it."""
    data = {"action": action, "_selected_action": [lead.id for lead in leads]}
    if value is not None:
        data |= {"apply": "1", "value": value}
    return client.post(url, data)


@pytest.mark.django_db
def test_action_asks_for_the_value_first(agent_client, account):
    leads = LeadFactory.create_batch(2, account=account)

    response = run_action(agent_client, "set_status", leads)

    assert response.status_code == 200
    assert "This changes 2 leads." in response.content.decode()
    assert set(Lead.objects.values_list("status", flat=True)) == {""}


@pytest.mark.django_db
@pytest.mark.parametrize("slot", ["bdc", "advisor"])
def test_action_assigns_a_user_slot(agent_client, account, slot):
    colleague = UserFactory(account=account)
    chosen = LeadFactory.create_batch(2, account=account)
    untouched = LeadFactory(account=account)

    response = run_action(agent_client, f"assign_{slot}", chosen, colleague.id)

    assert response.status_code == 302
    for lead in chosen:
        lead.refresh_from_db()
        assert getattr(lead, slot) == colleague
    untouched.refresh_from_db()
    assert getattr(untouched, slot) is None


@pytest.mark.django_db
def test_action_unassigns_with_an_empty_choice(agent_client, agent, account):
    lead = LeadFactory(account=account, bdc=agent)

    run_action(agent_client, "assign_bdc", [lead], "")

    lead.refresh_from_db()
    assert lead.bdc is None


@pytest.mark.django_db
def test_action_refuses_a_user_of_another_dealership(
    agent_client, account, other_account
):
    lead = LeadFactory(account=account)
    stranger = UserFactory(account=other_account)

    response = run_action(agent_client, "assign_bdc", [lead], stranger.id)

    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    lead.refresh_from_db()
    assert lead.bdc is None


@pytest.mark.django_db
def test_superuser_assignment_skips_leads_of_another_dealership(
    superuser_client, account, other_account
):
    bdc = UserFactory(account=account)
    own = LeadFactory(account=account)
    foreign = LeadFactory(account=other_account)

    run_action(superuser_client, "assign_bdc", [own, foreign], bdc.id)

    own.refresh_from_db()
    foreign.refresh_from_db()
    assert (own.bdc, foreign.bdc) == (bdc, None)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("action", "field", "value"),
    [
        ("set_status", "status", "lost"),
        ("set_status", "status", ""),
        ("set_result", "result", "reached"),
    ],
    ids=["lost", "active", "reached"],
)
def test_action_sets_a_field(agent_client, account, action, field, value):
    lead = LeadFactory(account=account, status="duplicate", result="attempted")

    response = run_action(agent_client, action, [lead], value)

    assert response.status_code == 302
    lead.refresh_from_db()
    assert getattr(lead, field) == value


@pytest.mark.django_db
def test_action_marks_leads_updated_for_integrators(agent_client, account):
    lead = LeadFactory(account=account)
    Lead.objects.filter(pk=lead.pk).update(updated_at=LONG_AGO)

    run_action(agent_client, "set_result", [lead], "reached")

    lead.refresh_from_db()
    assert lead.updated_at > LONG_AGO


@pytest.mark.django_db
def test_action_records_each_change_in_the_admin_log(agent_client, agent, account):
    lead = LeadFactory(account=account, first_name="Luc", last_name="Roy")

    run_action(agent_client, "set_status", [lead], "lost")

    entry = LogEntry.objects.get(action_flag=CHANGE)
    assert (entry.user, entry.object_id, entry.object_repr) == (
        agent,
        str(lead.id),
        "Luc Roy",
    )
    assert entry.get_change_message() == "Changed Status."


@pytest.mark.django_db
def test_action_keeps_the_lists_filters(agent_client, account):
    lead = LeadFactory(account=account, division="new")

    response = run_action(
        agent_client, "set_result", [lead], "reached", url=f"{URL}?division=new"
    )

    assert response.url == f"{URL}?division=new"


@pytest.mark.django_db
def test_action_on_every_lead_across_pages(agent_client, account):
    on_page = LeadFactory(account=account, division="new")
    also_matching = LeadFactory(account=account, division="new")
    LeadFactory(account=account, division="used")

    agent_client.post(
        f"{URL}?division=new",
        {
            "action": "set_result",
            "_selected_action": [on_page.id],
            "select_across": "1",
            "apply": "1",
            "value": "reached",
        },
    )

    response = agent_client.get(f"{URL}?result__exact=reached")
    assert set(changelist_ids(response)) == {on_page.id, also_matching.id}


@pytest.mark.django_db
def test_agent_is_not_offered_deletion(agent_client, account):
    LeadFactory(account=account)

    response = agent_client.get(URL)

    choices = dict(response.context["action_form"].fields["action"].choices)
    assert "delete_selected" not in choices
    assert {"assign_bdc", "set_status", "set_result", "export_csv"} <= set(choices)


@pytest.mark.django_db
def test_manager_deletes_selected_leads(manager_client, account):
    lead = LeadFactory(account=account)

    manager_client.post(
        URL,
        {"action": "delete_selected", "_selected_action": [lead.id], "post": "yes"},
    )

    assert not Lead.objects.filter(pk=lead.pk).exists()
