"""The lead page (change form): fieldsets, inlines, validation, deletion."""

import pytest
from django.contrib import admin
from django.contrib.admin.models import DELETION, LogEntry
from django.contrib.admin.utils import flatten_fieldsets

from leads.models import Lead, LeadPhone
from tests.conftest import admin_form_data
from tests.factories import LeadFactory, LeadPhoneFactory, UserFactory


def change_url(lead):
    return f"/admin/leads/lead/{lead.id}/change/"


def test_lead_page_shows_every_editable_field_exactly_once():
    lead_admin = admin.site.get_model_admin(Lead)
    editable = {
        field.name
        for field in Lead._meta.fields
        if field.editable and not field.primary_key
    }

    shown = flatten_fieldsets(lead_admin.fieldsets)

    assert len(shown) == len(set(shown))
    assert editable <= set(shown)


@pytest.mark.django_db
def test_lead_page_opens_with_its_contact_data(agent_client, account):
    lead = LeadFactory(account=account, comment="Wants a RAV4 hybrid, grey.")
    LeadPhoneFactory(lead=lead, number="+15149871234")

    response = agent_client.get(change_url(lead))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Wants a RAV4 hybrid, grey." in page
    assert "+15149871234" in page


@pytest.mark.django_db
def test_lead_page_saves_a_phone_added_inline_in_e164(agent_client, account):
    lead = LeadFactory(account=account)
    data = admin_form_data(agent_client.get(change_url(lead)))
    data |= {
        "phones-TOTAL_FORMS": "1",
        "phones-0-number": "(514) 987-1234",
        "phones-0-type": "mobile",
    }

    response = agent_client.post(change_url(lead), data)

    assert response.status_code == 302
    assert list(lead.phones.values_list("number", "type")) == [
        ("+15149871234", "mobile")
    ]


@pytest.mark.django_db
def test_lead_page_refuses_a_number_that_is_no_phone(agent_client, account):
    lead = LeadFactory(account=account)
    data = admin_form_data(agent_client.get(change_url(lead)))
    data |= {
        "phones-TOTAL_FORMS": "1",
        "phones-0-number": "12",
        "phones-0-type": "mobile",
    }

    response = agent_client.post(change_url(lead), data)

    assert response.status_code == 200
    assert "This number is too short." in response.content.decode()
    assert not LeadPhone.objects.exists()


@pytest.mark.django_db
def test_lead_page_refuses_two_phones_of_one_type(agent_client, account):
    lead = LeadFactory(account=account)
    data = admin_form_data(agent_client.get(change_url(lead)))
    data |= {
        "phones-TOTAL_FORMS": "2",
        "phones-0-number": "514 987 1234",
        "phones-0-type": "home",
        "phones-1-number": "514 987 5678",
        "phones-1-type": "home",
    }

    response = agent_client.post(change_url(lead), data)

    assert response.status_code == 200
    assert "Please correct the duplicate data for type." in response.content.decode()
    assert not LeadPhone.objects.exists()


@pytest.mark.django_db
def test_lead_page_refuses_a_value_outside_the_choices(agent_client, account):
    lead = LeadFactory(account=account, division="new")
    data = admin_form_data(agent_client.get(change_url(lead)))
    data["division"] = "trucks"

    response = agent_client.post(change_url(lead), data)

    assert response.status_code == 200
    assert "trucks is not one of the available choices" in response.content.decode()
    lead.refresh_from_db()
    assert lead.division == "new"


@pytest.mark.django_db
def test_lead_page_saves_status_and_result(agent_client, account):
    lead = LeadFactory(account=account)
    data = admin_form_data(agent_client.get(change_url(lead)))
    data |= {"status": "lost", "result": "reached"}

    response = agent_client.post(change_url(lead), data)

    assert response.status_code == 302
    lead.refresh_from_db()
    assert (lead.status, lead.result) == ("lost", "reached")


@pytest.mark.django_db
def test_lead_page_refuses_a_user_of_another_dealership(
    agent_client, account, other_account
):
    lead = LeadFactory(account=account)
    stranger = UserFactory(account=other_account)
    data = admin_form_data(agent_client.get(change_url(lead)))
    data["bdc"] = stranger.id

    response = agent_client.post(change_url(lead), data)

    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    lead.refresh_from_db()
    assert lead.bdc is None


@pytest.mark.django_db
def test_lead_page_assigns_a_colleague(agent_client, account):
    lead = LeadFactory(account=account)
    colleague = UserFactory(account=account)
    data = admin_form_data(agent_client.get(change_url(lead)))
    data["advisor"] = colleague.id

    agent_client.post(change_url(lead), data)

    lead.refresh_from_db()
    assert lead.advisor == colleague


@pytest.mark.django_db
def test_staff_cannot_move_a_lead_to_another_dealership(
    agent_client, account, other_account
):
    lead = LeadFactory(account=account)
    data = admin_form_data(agent_client.get(change_url(lead)))
    data["account"] = other_account.id

    agent_client.post(change_url(lead), data)

    lead.refresh_from_db()
    assert lead.account == account


@pytest.mark.django_db
def test_lead_added_by_staff_belongs_to_their_dealership(agent_client, account):
    data = admin_form_data(agent_client.get("/admin/leads/lead/add/"))
    data |= {"first_name": "Luc", "type": "walk_in"}

    response = agent_client.post("/admin/leads/lead/add/", data)

    assert response.status_code == 302
    lead = Lead.objects.get(first_name="Luc")
    assert lead.account == account
    assert lead.created_method == "manual"


@pytest.mark.django_db
def test_superuser_chooses_the_dealership_of_a_new_lead(
    superuser_client, other_account
):
    data = admin_form_data(superuser_client.get("/admin/leads/lead/add/"))
    data |= {"first_name": "Luc", "type": "walk_in", "account": other_account.id}

    superuser_client.post("/admin/leads/lead/add/", data)

    assert Lead.objects.get(first_name="Luc").account == other_account


@pytest.mark.django_db
def test_agent_cannot_delete_a_lead(agent_client, account):
    lead = LeadFactory(account=account)

    response = agent_client.post(
        f"/admin/leads/lead/{lead.id}/delete/", {"post": "yes"}
    )

    assert response.status_code == 403
    assert Lead.objects.filter(id=lead.id).exists()


@pytest.mark.django_db
def test_manager_deletes_a_lead_and_the_admin_log_records_it(
    manager_client, manager, account
):
    lead = LeadFactory(account=account, first_name="Luc", last_name="Roy")

    response = manager_client.post(
        f"/admin/leads/lead/{lead.id}/delete/", {"post": "yes"}
    )

    assert response.status_code == 302
    assert not Lead.objects.filter(id=lead.id).exists()
    entry = LogEntry.objects.get(action_flag=DELETION)
    assert (entry.user, entry.object_id, entry.object_repr) == (
        manager,
        str(lead.id),
        "Luc Roy",
    )
