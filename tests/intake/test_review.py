"""The review queue in the admin: managers read what the reader refused,
correct it and read it again, or make the lead by hand from it; a lead's
page links back to the document it came in."""

import pytest
from procrastinate.contrib.django.models import ProcrastinateJob

from leads.intake.channels import create_channel
from leads.intake.models import IntakeDocument
from leads.intake.reading import read
from leads.intake.receiving import receive
from leads.models import Lead
from tests.intake.documents import adf

URL = "/admin/intake/intakedocument/"
UNREADABLE = b"Bonjour, rappelez Marie au 514 555 0188 SVP."


@pytest.fixture
def rejected(account):
    channel, _ = create_channel(account=account, provider="Brand website")
    document = receive(channel, UNREADABLE, via="http", content_type="text/xml")
    read(document)
    return document


@pytest.mark.django_db
def test_managers_find_rejected_documents_waiting_for_review(manager_client, rejected):
    listed = manager_client.get(URL, {"review": "waiting"})
    shown = manager_client.get(f"{URL}{rejected.pk}/change/").content.decode()

    assert [d.pk for d in listed.context["cl"].result_list] == [rejected.pk]
    assert "rappelez Marie au 514 555 0188" in shown
    assert "not XML" in shown


@pytest.mark.django_db
def test_a_corrected_document_is_read_again_into_its_lead(manager_client, rejected):
    manager_client.post(
        f"{URL}{rejected.pk}/change/",
        {"corrected": adf().decode()},
    )
    manager_client.post(
        URL, {"action": "read_again", "_selected_action": [rejected.pk]}
    )

    jobs = ProcrastinateJob.objects.filter(task_name="leads.intake.jobs.read_document")
    again = jobs.order_by("-id").first()
    assert jobs.count() == 2  # the first reading, and this one
    read(IntakeDocument.objects.get(pk=again.args["document_id"]))
    assert Lead.objects.get().last_name == "Tremblay"
    assert bytes(IntakeDocument.objects.get().raw) == UNREADABLE


@pytest.mark.django_db
def test_the_lead_can_be_made_by_hand_from_the_document(manager_client, rejected):
    shown = manager_client.get(f"{URL}{rejected.pk}/change/").content.decode()

    assert "/admin/leads/lead/add/?source=Brand+website" in shown
    assert "comment=Bonjour%2C+rappelez+Marie" in shown


@pytest.mark.django_db
def test_agents_see_no_documents(agent_client, rejected):
    assert agent_client.get(URL).status_code == 403


@pytest.mark.django_db
def test_a_leads_page_links_to_the_document_it_came_in(agent_client, account):
    channel, _ = create_channel(account=account, provider="AutoTrader")
    document = receive(channel, adf(), via="email", content_type="application/xml")
    read(document)
    lead = Lead.objects.get()

    page = agent_client.get(f"/admin/leads/lead/{lead.pk}/change/").content.decode()

    assert f'href="{URL}{document.pk}/change/"' in page
    assert lead.created_method == "adf_email"
