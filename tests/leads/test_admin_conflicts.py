"""Two agents on the same lead page: the second save does not overwrite."""

import threading

import pytest
from django.db import connection
from django.urls import reverse

from leads.models import Lead
from tests.conftest import admin_form_data, logged_in_client
from tests.factories import LeadFactory


def open_lead(client, lead):
    url = reverse("admin:leads_lead_change", args=[lead.pk])
    return url, admin_form_data(client.get(url))


def save_over_each_other(agent, **second_request):
    """Two pages of one lead opened, then saved one after the other."""
    lead = LeadFactory(account=agent.account, first_name="Jean")
    first, second = logged_in_client(agent), logged_in_client(agent)
    url, first_form = open_lead(first, lead)
    _, second_form = open_lead(second, lead)
    saved = first.post(url, first_form | {"first_name": "Luc"})
    refused = second.post(url, second_form | {"first_name": "Paul"}, **second_request)
    return lead, saved, refused


@pytest.mark.django_db
def test_saving_a_lead_changed_since_it_was_opened_shows_a_conflict(agent):
    lead, saved, refused = save_over_each_other(agent)

    assert saved.status_code == 302
    assert refused.status_code == 200
    assert (
        "Someone else saved this lead since you opened it" in refused.content.decode()
    )
    assert Lead.objects.get(pk=lead.pk).first_name == "Luc"


@pytest.mark.django_db
def test_saving_an_unchanged_lead_twice_in_a_row_works(agent):
    lead = LeadFactory(account=agent.account)
    client = logged_in_client(agent)
    url, form = open_lead(client, lead)
    client.post(url, form | {"first_name": "Luc"})
    url, form = open_lead(client, lead)

    response = client.post(url, form | {"first_name": "Marc"})

    assert response.status_code == 302
    assert Lead.objects.get(pk=lead.pk).first_name == "Marc"


# Real concurrency needs committed data and a connection per writer;
# serialized rollback restores the roles migration's groups afterwards.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_agents_saving_at_once_one_wins_the_other_sees_the_conflict(agent):
    lead = LeadFactory(account=agent.account)
    clients = {name: logged_in_client(agent) for name in ("Ana", "Bob")}
    forms = {name: open_lead(client, lead) for name, client in clients.items()}
    start = threading.Barrier(2)
    statuses = {}

    def save(name):
        url, form = forms[name]
        start.wait()
        statuses[name] = (
            clients[name].post(url, form | {"first_name": name}).status_code
        )
        connection.close()

    writers = [threading.Thread(target=save, args=(name,)) for name in clients]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=60)

    winner = Lead.objects.get(pk=lead.pk).first_name
    assert sorted(statuses.values()) == [200, 302]
    assert statuses[winner] == 302


@pytest.mark.django_db
def test_the_conflict_is_explained_in_french_to_a_french_agent(agent):
    _, _, refused = save_over_each_other(agent, headers={"accept-language": "fr"})

    assert "Quelqu&#x27;un d&#x27;autre a enregistré ce prospect" in (
        refused.content.decode()
    )
