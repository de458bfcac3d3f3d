"""Tenancy in the admin: staff see their own dealership, nothing of another.

The agent works at "Lachance Toyota" (`account`); "Ottawa Honda"
(`other_account`) has leads, staff and exports the agent must never see.
"""

import pytest

from leads.admin.filters import DealershipUserFilter, SourceFilter
from tests.conftest import changelist_ids, csv_rows
from tests.factories import (
    LeadExportFactory,
    LeadFactory,
    LeadPhoneFactory,
    UserFactory,
)


@pytest.fixture
def strangers_lead(other_account):
    stranger = UserFactory(account=other_account, first_name="Stranger")
    return LeadFactory(
        account=other_account, first_name="Hidden", bdc=stranger, source="Secret"
    )


@pytest.mark.django_db
def test_lead_list_hides_other_dealerships_leads(agent_client, account, strangers_lead):
    own = LeadFactory(account=account)

    response = agent_client.get("/admin/leads/lead/")

    assert changelist_ids(response) == [own.id]


@pytest.mark.django_db
def test_search_never_reaches_other_dealerships(agent_client, strangers_lead):
    LeadPhoneFactory(lead=strangers_lead, number="+15149871234")

    response = agent_client.get("/admin/leads/lead/", {"q": "514 987 1234"})

    assert changelist_ids(response) == []


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["change", "delete", "history"])
def test_other_dealerships_lead_is_not_found(manager_client, strangers_lead, page):
    response = manager_client.get(f"/admin/leads/lead/{strangers_lead.id}/{page}/")

    assert response.status_code == 404


@pytest.mark.django_db
def test_other_dealerships_lead_cannot_be_changed(agent_client, strangers_lead):
    response = agent_client.post(
        f"/admin/leads/lead/{strangers_lead.id}/change/", {"first_name": "Taken"}
    )

    assert response.status_code == 404
    strangers_lead.refresh_from_db()
    assert strangers_lead.first_name == "Hidden"


@pytest.mark.django_db
def test_filter_choices_offer_only_own_dealership(agent_client, agent, account):
    colleague = UserFactory(account=account, first_name="Colleague")
    LeadFactory(account=account, source="Kijiji")
    stranger = UserFactory(first_name="Stranger")
    LeadFactory(account=stranger.account, bdc=stranger, source="Secret")

    response = agent_client.get("/admin/leads/lead/")

    specs = response.context["cl"].filter_specs
    for spec in specs:
        if isinstance(spec, DealershipUserFilter):
            assert {pk for pk, _ in spec.lookup_choices} == {agent.id, colleague.id}
        if isinstance(spec, SourceFilter):
            assert list(spec.lookup_choices) == ["Kijiji"]
    assert "Stranger" not in response.content.decode()
    assert "Secret" not in response.content.decode()


@pytest.mark.django_db
def test_user_autocomplete_offers_only_own_dealership(
    agent_client, agent, account, other_account
):
    colleague = UserFactory(account=account)
    UserFactory(account=other_account)

    response = agent_client.get(
        "/admin/autocomplete/",
        {"app_label": "leads", "model_name": "lead", "field_name": "bdc"},
    )

    assert response.status_code == 200
    ids = {int(result["id"]) for result in response.json()["results"]}
    assert ids == {agent.id, colleague.id}


@pytest.mark.django_db
def test_export_holds_only_own_dealerships_leads(agent_client, account, strangers_lead):
    own = LeadFactory(account=account)

    response = agent_client.get("/admin/leads/lead/export/")

    assert [row["id"] for row in csv_rows(response)] == [str(own.id)]


@pytest.mark.django_db
def test_export_action_ignores_other_dealerships_ids(agent_client, strangers_lead):
    response = agent_client.post(
        "/admin/leads/lead/",
        {"action": "export_csv", "_selected_action": [strangers_lead.id]},
    )

    assert csv_rows(response) == []


@pytest.mark.django_db
def test_bulk_action_leaves_other_dealerships_leads_alone(agent_client, strangers_lead):
    agent_client.post(
        "/admin/leads/lead/",
        {
            "action": "set_status",
            "_selected_action": [strangers_lead.id],
            "apply": "1",
            "value": "lost",
        },
    )

    strangers_lead.refresh_from_db()
    assert strangers_lead.status == ""


@pytest.mark.django_db
def test_user_list_shows_only_own_dealerships_staff(
    agent_client, agent, account, other_account
):
    colleague = UserFactory(account=account)
    UserFactory(account=other_account)

    response = agent_client.get("/admin/accounts/user/")

    assert set(changelist_ids(response)) == {agent.id, colleague.id}


@pytest.mark.django_db
def test_other_dealerships_user_is_not_found(manager_client, other_account):
    stranger = UserFactory(account=other_account)

    response = manager_client.get(f"/admin/accounts/user/{stranger.id}/change/")

    assert response.status_code == 404


@pytest.mark.django_db
def test_dealership_list_shows_only_own(agent_client, account, other_account):
    response = agent_client.get("/admin/accounts/account/")

    assert changelist_ids(response) == [account.id]


@pytest.mark.django_db
def test_export_records_show_only_own_dealerships(
    manager_client, manager, other_account
):
    own = LeadExportFactory(user=manager)
    LeadExportFactory(user=UserFactory(account=other_account))

    response = manager_client.get("/admin/leads/leadexport/")

    assert changelist_ids(response) == [own.id]


@pytest.mark.django_db
def test_superuser_sees_every_dealership(superuser_client, account, strangers_lead):
    own = LeadFactory(account=account)

    response = superuser_client.get("/admin/leads/lead/")

    assert set(changelist_ids(response)) == {own.id, strangers_lead.id}
