"""The audit trail (django-auditlog): every change to a lead and its contact
data, by the admin or the API, with who made it and the old and new values;
shown to managers of the lead's dealership only."""

import pytest
from auditlog.models import LogEntry
from django.contrib.auth.models import Group
from django.db import connection

from accounts import roles
from leads.models import Lead, LeadEmail, LeadPhone
from tests.conftest import admin_form_data, changelist_ids, logged_in_client
from tests.factories import (
    LeadEmailFactory,
    LeadFactory,
    LeadPhoneFactory,
    UserFactory,
)

AUDIT_URL = "/admin/auditlog/logentry/"


CREATE, UPDATE, DELETE = (
    LogEntry.Action.CREATE,
    LogEntry.Action.UPDATE,
    LogEntry.Action.DELETE,
)


def entries_for(obj, action=None) -> list[LogEntry]:
    """The object's entries, oldest first; factories' saves make some too."""
    entries = LogEntry.objects.get_for_object(obj).order_by("id")
    if action is not None:
        entries = entries.filter(action=action)
    return list(entries)


@pytest.mark.django_db
def test_admin_change_records_actor_and_old_and_new_values(agent_client, agent):
    lead = LeadFactory(account=agent.account, first_name="Jon")
    url = f"/admin/leads/lead/{lead.id}/change/"
    data = admin_form_data(agent_client.get(url)) | {"first_name": "John"}

    response = agent_client.post(url, data)

    assert response.status_code == 302
    [entry] = entries_for(lead, UPDATE)
    assert entry.actor == agent
    assert entry.changes == {"first_name": ["Jon", "John"]}
    assert entry.additional_data == {"account_id": agent.account_id, "lead_id": lead.id}


@pytest.mark.django_db
def test_api_put_records_the_token_user_and_the_changed_fields(api_client, agent):
    lead = LeadFactory(account=agent.account, first_name="Jon", status="")

    response = api_client.put(
        f"/api/v2/leads/{lead.id}",
        {"first_name": "John", "status": "lost"},
        format="json",
    )

    assert response.status_code == 200
    [entry] = entries_for(lead, UPDATE)
    assert entry.actor == agent
    assert entry.remote_addr == "127.0.0.1"
    assert entry.changes == {"first_name": ["Jon", "John"], "status": ["", "lost"]}


@pytest.mark.django_db
def test_api_nested_create_records_the_lead_and_each_contact(api_client, agent):
    body = {
        "type": "email",
        "first_name": "John",
        "emails": [{"type": "home", "address": "john@mail.example"}],
        "phones": [{"type": "mobile", "number": "+15144321214"}],
    }

    response = api_client.post("/api/v2/leads", body, format="json")

    assert response.status_code == 201
    lead = Lead.objects.get()
    [lead_entry] = entries_for(lead)
    [email_entry] = entries_for(LeadEmail.objects.get())
    [phone_entry] = entries_for(LeadPhone.objects.get())
    for entry in [lead_entry, email_entry, phone_entry]:
        assert entry.action == CREATE
        assert entry.actor == agent
        assert entry.additional_data["account_id"] == agent.account_id
    assert lead_entry.changes["first_name"] == [None, "John"]
    assert email_entry.changes["address"] == [None, "john@mail.example"]
    assert phone_entry.changes["number"] == [None, "+15144321214"]
    assert phone_entry.additional_data["lead_id"] == lead.id


@pytest.mark.django_db
def test_api_contact_update_records_old_and_new_number(api_client, agent):
    phone = LeadPhoneFactory(lead__account=agent.account, number="+15149871234")

    response = api_client.put(
        f"/api/v2/lead-phones/{phone.id}", {"number": "+15149870000"}, format="json"
    )

    assert response.status_code == 200
    [entry] = entries_for(phone, UPDATE)
    assert entry.actor == agent
    assert entry.changes == {"number": ["+15149871234", "+15149870000"]}
    assert entry.additional_data == {
        "account_id": agent.account_id,
        "lead_id": phone.lead_id,
    }


@pytest.mark.django_db
def test_admin_deletion_records_the_lead_and_its_contacts(manager_client, manager):
    lead = LeadFactory(account=manager.account, first_name="John")
    email = LeadEmailFactory(lead=lead)

    response = manager_client.post(
        f"/admin/leads/lead/{lead.id}/delete/", {"post": "yes"}
    )

    assert response.status_code == 302
    [lead_entry] = entries_for(lead, DELETE)
    [email_entry] = entries_for(email, DELETE)
    for entry in [lead_entry, email_entry]:
        assert entry.actor == manager
        assert entry.additional_data["account_id"] == manager.account_id
    assert lead_entry.changes["first_name"] == ["John", None]


@pytest.mark.django_db
def test_bulk_assignment_records_each_leads_old_and_new_agent(agent_client, agent):
    colleague = UserFactory(account=agent.account)
    assigned = LeadFactory(account=agent.account, bdc=agent)
    unassigned = LeadFactory(account=agent.account)
    data = {
        "action": "assign_bdc",
        "_selected_action": [assigned.id, unassigned.id],
        "apply": "1",
        "value": colleague.id,
    }

    response = agent_client.post("/admin/leads/lead/", data)

    assert response.status_code == 302
    [first] = entries_for(assigned, UPDATE)
    [second] = entries_for(unassigned, UPDATE)
    assert first.changes == {"bdc": [agent.id, colleague.id]}
    assert second.changes == {"bdc": [None, colleague.id]}
    assert {first.actor, second.actor} == {agent}
    assert first.remote_addr == "127.0.0.1"
    assert first.additional_data == {
        "account_id": agent.account_id,
        "lead_id": assigned.id,
    }


@pytest.mark.django_db
def test_bulk_action_records_nothing_for_leads_it_leaves_as_they_were(
    agent_client, agent
):
    lead = LeadFactory(account=agent.account, status="lost")
    data = {
        "action": "set_status",
        "_selected_action": [lead.id],
        "apply": "1",
        "value": "lost",
    }

    agent_client.post("/admin/leads/lead/", data)

    assert entries_for(lead, UPDATE) == []


@pytest.mark.django_db
def test_manager_lists_their_dealerships_entries(manager_client, manager):
    lead = LeadFactory(account=manager.account)
    lead.first_name = "John"
    lead.save()

    response = manager_client.get(AUDIT_URL)

    assert response.status_code == 200
    assert changelist_ids(response) == [
        entry.id for entry in reversed(entries_for(lead))
    ]


@pytest.mark.django_db
def test_manager_sees_none_of_another_dealerships_entries(manager, other_account):
    other_lead = LeadFactory(account=other_account)
    other_lead.first_name = "John"
    other_lead.save()
    LeadPhoneFactory(lead=other_lead)
    [other_entry] = entries_for(other_lead, UPDATE)
    other_manager = UserFactory(account=other_account, is_staff=True)
    other_manager.groups.add(Group.objects.get(name=roles.MANAGER))
    client = logged_in_client(manager)

    listed = client.get(AUDIT_URL)
    detail = client.get(f"{AUDIT_URL}{other_entry.id}/change/")

    assert LogEntry.objects.filter(additional_data__account_id=other_account.id)
    assert changelist_ids(listed) == []
    assert detail.status_code == 404
    assert changelist_ids(logged_in_client(other_manager).get(AUDIT_URL))


@pytest.mark.django_db
def test_manager_filters_entries_by_model_and_action(manager_client, manager):
    lead = LeadFactory(account=manager.account)
    phone = LeadPhoneFactory(lead=lead)
    [phone_entry] = entries_for(phone, CREATE)
    content_type = phone_entry.content_type_id

    response = manager_client.get(
        AUDIT_URL, {"model": content_type, "action__exact": CREATE}
    )

    assert response.status_code == 200
    assert changelist_ids(response) == [phone_entry.id]


@pytest.mark.django_db
def test_manager_filters_entries_by_actor(manager_client, manager, agent):
    mine = LeadFactory(account=manager.account)
    theirs = LeadFactory(account=manager.account)
    LogEntry.objects.filter(object_id=mine.id).update(actor=manager)
    LogEntry.objects.filter(object_id=theirs.id).update(actor=agent)

    response = manager_client.get(AUDIT_URL, {"actor__id__exact": agent.id})

    assert response.status_code == 200
    assert changelist_ids(response) == [entry.id for entry in entries_for(theirs)]


@pytest.mark.django_db
def test_the_trail_summarises_changes_by_field_label(manager_client, manager):
    lead = LeadFactory(account=manager.account, first_name="Jon", city="Laval")
    lead.first_name, lead.city = "John", "Montréal"
    lead.save()

    english = manager_client.get(AUDIT_URL).content.decode()
    french = manager_client.get(AUDIT_URL, headers={"accept-language": "fr"})

    assert "2 changes: city, first name" in english
    page = french.content.decode()
    assert "2 modifications : ville, prénom" in page
    for word in ["Journal d’audit", "Modifications", "Enregistrement", "création"]:
        assert word in page, word


@pytest.mark.django_db
def test_agent_cannot_see_the_audit_trail(agent_client):
    response = agent_client.get(AUDIT_URL)

    assert response.status_code == 403


@pytest.mark.django_db
def test_audit_trail_is_read_only_for_managers(manager_client, manager):
    lead = LeadFactory(account=manager.account)
    [entry] = entries_for(lead, CREATE)

    deleted = manager_client.post(f"{AUDIT_URL}{entry.id}/delete/", {"post": "yes"})
    page = manager_client.get(f"{AUDIT_URL}{entry.id}/change/")

    assert deleted.status_code == 403
    assert page.status_code == 200
    assert LogEntry.objects.filter(pk=entry.pk).exists()


@pytest.mark.django_db
def test_dealerships_trail_is_read_through_its_index(account):
    """The migration's expression index matches the admin's filter."""
    entries = LogEntry.objects.filter(additional_data__account_id=account.id)
    with connection.cursor() as cursor:
        # A near-empty table is otherwise read whole, index or not.
        cursor.execute("SET LOCAL enable_seqscan = off")

        plan = entries.order_by("-timestamp", "-id").explain()

    assert "auditlog_logentry_account_idx" in plan
