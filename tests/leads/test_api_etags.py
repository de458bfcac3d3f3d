"""No lost updates: a lead's ETag, and If-Match refusing stale writes."""

import threading

import pytest
from django.db import connection

from leads.models import Lead
from tests.conftest import bearer_client
from tests.factories import LeadFactory
from tests.openapi_contract import ContractAPIClient


@pytest.mark.django_db
def test_lead_read_carries_an_etag_that_changes_when_the_lead_does(api_client, agent):
    lead = LeadFactory(account=agent.account)

    first = api_client.get(f"/api/v2/leads/{lead.pk}")
    updated = api_client.patch(
        f"/api/v2/leads/{lead.pk}", {"first_name": "Marie"}, format="json"
    )
    second = api_client.get(f"/api/v2/leads/{lead.pk}")

    assert first["ETag"] and first["ETag"] != second["ETag"]
    assert updated["ETag"] == second["ETag"]


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["put", "patch"])
def test_update_with_the_current_etag_goes_through(api_client, agent, method):
    lead = LeadFactory(account=agent.account)
    etag = api_client.get(f"/api/v2/leads/{lead.pk}")["ETag"]

    response = getattr(api_client, method)(
        f"/api/v2/leads/{lead.pk}", {"first_name": "Marie"}, format="json",
        HTTP_IF_MATCH=etag,
    )  # fmt: skip

    assert response.status_code == 200
    assert Lead.objects.get(pk=lead.pk).first_name == "Marie"


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["put", "patch"])
def test_update_with_a_stale_etag_is_412_and_changes_nothing(api_client, agent, method):
    lead = LeadFactory(account=agent.account, first_name="Jean")
    stale = api_client.get(f"/api/v2/leads/{lead.pk}")["ETag"]
    api_client.patch(f"/api/v2/leads/{lead.pk}", {"first_name": "Luc"}, format="json")

    response = getattr(api_client, method)(
        f"/api/v2/leads/{lead.pk}",
        {
            "first_name": "Overwritten",
            "emails": [{"type": "home", "address": "a@b.ca"}],
        },
        format="json",
        HTTP_IF_MATCH=stale,
    )

    lead.refresh_from_db()
    assert response.status_code == 412
    assert response.json() == {
        "message": "The lead was changed since you read it: read it again."
    }
    assert lead.first_name == "Luc"
    assert not lead.emails.exists()


@pytest.mark.django_db
def test_update_without_if_match_goes_through_as_activix_clients_expect(
    api_client, agent
):
    lead = LeadFactory(account=agent.account)

    response = api_client.put(
        f"/api/v2/leads/{lead.pk}", {"city": "Laval"}, format="json"
    )

    assert response.status_code == 200
    assert Lead.objects.get(pk=lead.pk).city == "Laval"


# Real concurrency needs committed data; serialized rollback restores the
# roles migration's groups that the flush afterwards would lose.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_concurrent_writers_with_the_same_etag_one_wins(agent):
    lead = LeadFactory(account=agent.account)
    reader = bearer_client(agent)
    etag = reader.get(f"/api/v2/leads/{lead.pk}")["ETag"]
    start = threading.Barrier(2)
    statuses = {}

    def write(name):
        client = ContractAPIClient()  # one per thread: one connection each
        client.credentials(HTTP_AUTHORIZATION=reader._credentials["HTTP_AUTHORIZATION"])
        start.wait()
        response = client.patch(
            f"/api/v2/leads/{lead.pk}", {"first_name": name}, format="json",
            HTTP_IF_MATCH=etag,
        )  # fmt: skip
        statuses[name] = response.status_code
        connection.close()  # this thread's own connection

    writers = [threading.Thread(target=write, args=(name,)) for name in ("Ana", "Bob")]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=60)

    winner = Lead.objects.get(pk=lead.pk).first_name
    assert sorted(statuses.values()) == [200, 412]
    assert statuses[winner] == 200
