"""Exporting from the lead list: the button, the action, who may, the record."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext

from accounts import roles
from leads.models import LeadExport
from tests.conftest import TORONTO, csv_rows, logged_in_client
from tests.factories import (
    LeadEmailFactory,
    LeadExportFactory,
    LeadFactory,
    LeadPhoneFactory,
    LeadVehicleFactory,
    UserFactory,
)

LIST_URL = "/admin/leads/lead/"
EXPORT_URL = "/admin/leads/lead/export/"


@pytest.fixture
def agent_without_export(agent):
    group = Group.objects.get(name=roles.BDC_AGENT)
    group.permissions.remove(Permission.objects.get(codename="export_lead"))
    return agent


@pytest.mark.django_db
def test_list_offers_an_export_of_the_current_filters(agent_client, account):
    LeadFactory(account=account)

    response = agent_client.get(LIST_URL, {"division": "new", "q": "roy"})

    assert f'href="{EXPORT_URL}?division=new&amp;q=roy"' in response.content.decode()


@pytest.mark.django_db
def test_export_holds_everything_matching_filters_and_search(agent_client, account):
    older = LeadFactory(account=account, last_name="Roy", division="new")
    newer = LeadFactory(account=account, last_name="Roy", division="new")
    LeadFactory(account=account, last_name="Roy", division="used")
    LeadFactory(account=account, last_name="Caron", division="new")

    response = agent_client.get(EXPORT_URL, {"division": "new", "q": "roy"})

    assert response.status_code == 200
    assert [row["id"] for row in csv_rows(response)] == [str(newer.id), str(older.id)]


@pytest.mark.django_db
def test_export_matches_quotes_and_dates_exactly(agent_client, account):
    may = datetime.datetime(2024, 5, 1, 23, 30, tzinfo=TORONTO)
    match = LeadFactory(account=account, last_name="O'Brien", created_at=may)
    LeadFactory(account=account, last_name="OBrien", created_at=may)
    LeadFactory(
        account=account, last_name="O'Brien", created_at=may + datetime.timedelta(1)
    )

    response = agent_client.get(
        EXPORT_URL,
        {
            "q": "o'brien",
            "created_at__since": "2024-05-01",
            "created_at__until": "2024-05-01",
        },
    )

    assert [row["id"] for row in csv_rows(response)] == [str(match.id)]


@pytest.mark.django_db
def test_export_streams_from_the_byte_order_mark(agent_client, account):
    LeadFactory(account=account)

    response = agent_client.get(EXPORT_URL)

    assert isinstance(response, StreamingHttpResponse)
    assert next(iter(response.streaming_content)).startswith(b"\xef\xbb\xbfid,")


@pytest.mark.django_db
def test_export_never_holds_another_dealerships_leads(
    agent_client, account, other_account
):
    own = LeadFactory(account=account, last_name="Roy")
    LeadFactory(account=other_account, last_name="Roy")

    response = agent_client.get(EXPORT_URL, {"q": "roy"})

    assert [row["id"] for row in csv_rows(response)] == [str(own.id)]


@pytest.mark.django_db
def test_superuser_exports_every_dealerships_leads(
    superuser_client, account, other_account
):
    leads = [LeadFactory(account=account), LeadFactory(account=other_account)]

    response = superuser_client.get(EXPORT_URL)

    assert [row["id"] for row in csv_rows(response)] == [
        str(lead.id) for lead in reversed(leads)
    ]
    assert LeadExport.objects.get().row_count == 2


def export_query_count(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        csv_rows(client.get(EXPORT_URL))
    return len(queries)


@pytest.mark.django_db
def test_export_query_count_does_not_grow_with_leads(agent_client, account):
    bdc = UserFactory(account=account)
    LeadFactory(account=account, bdc=bdc)
    few = export_query_count(agent_client)
    for _ in range(20):
        lead = LeadFactory(account=account, bdc=bdc)
        LeadEmailFactory(lead=lead)
        LeadPhoneFactory(lead=lead)
        LeadVehicleFactory(lead=lead)

    many = export_query_count(agent_client)

    assert many == few


@pytest.mark.django_db
def test_export_is_not_limited_to_one_page(agent_client, account, monkeypatch):
    monkeypatch.setattr("leads.admin.leads.LeadAdmin.list_per_page", 2)
    LeadFactory.create_batch(5, account=account)

    response = agent_client.get(EXPORT_URL)

    assert len(csv_rows(response)) == 5


@pytest.mark.django_db
def test_export_action_holds_only_the_selected_leads(agent_client, account):
    chosen = LeadFactory(account=account)
    LeadFactory(account=account)

    response = agent_client.post(
        LIST_URL, {"action": "export_csv", "_selected_action": [chosen.id]}
    )

    assert [row["id"] for row in csv_rows(response)] == [str(chosen.id)]


@pytest.mark.django_db
def test_export_is_recorded_with_its_row_count(agent_client, agent, account):
    LeadFactory.create_batch(2, account=account, division="new")

    response = agent_client.get(EXPORT_URL, {"division": "new"})
    csv_rows(response)

    record = LeadExport.objects.get()
    assert (record.user, record.account, record.selection) == (
        agent,
        account,
        "filtered",
    )
    assert (record.query, record.row_count) == ("division=new", 2)


@pytest.mark.django_db
def test_export_action_is_recorded_as_a_selection(agent_client, account):
    lead = LeadFactory(account=account)

    response = agent_client.post(
        LIST_URL, {"action": "export_csv", "_selected_action": [lead.id]}
    )
    csv_rows(response)

    record = LeadExport.objects.get()
    assert (record.selection, record.row_count) == ("selected", 1)


@pytest.mark.django_db
def test_unfinished_download_has_no_row_count(agent_client, account):
    LeadFactory(account=account)

    agent_client.get(EXPORT_URL)

    assert LeadExport.objects.get().row_count is None


@pytest.mark.django_db
def test_export_needs_the_export_permission(agent_without_export, account):
    client = logged_in_client(agent_without_export)
    LeadFactory(account=account)

    response = client.get(EXPORT_URL)
    listing = client.get(LIST_URL)

    assert response.status_code == 403
    assert EXPORT_URL not in listing.content.decode()
    actions = dict(listing.context["action_form"].fields["action"].choices)
    assert "export_csv" not in actions
    assert not LeadExport.objects.exists()


@pytest.mark.django_db
def test_export_with_a_bad_filter_goes_back_to_the_list(agent_client):
    response = agent_client.get(EXPORT_URL, {"created_at__since": "soon"})

    assert response.status_code == 302
    assert response.url == f"{LIST_URL}?e=1"


@pytest.mark.django_db
def test_manager_reads_the_export_records(manager_client, agent):
    record = LeadExportFactory(user=agent, query="division=new", row_count=12)

    listing = manager_client.get("/admin/leads/leadexport/")
    page = manager_client.get(f"/admin/leads/leadexport/{record.id}/change/")

    assert listing.status_code == 200
    assert "division=new" in listing.content.decode()
    assert page.status_code == 200
    assert not page.context["has_change_permission"]


@pytest.mark.django_db
def test_export_records_cannot_be_deleted(manager_client, agent):
    record = LeadExportFactory(user=agent)

    response = manager_client.post(
        f"/admin/leads/leadexport/{record.id}/delete/", {"post": "yes"}
    )

    assert response.status_code == 403
    assert LeadExport.objects.filter(pk=record.pk).exists()


@pytest.mark.django_db
def test_agents_do_not_see_export_records(agent_client, agent):
    LeadExportFactory(user=agent)

    response = agent_client.get("/admin/leads/leadexport/")

    assert response.status_code == 403
