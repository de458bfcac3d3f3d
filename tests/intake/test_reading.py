"""Documents read into leads by the worker's job: in the channel's
dealership, as the provider described them, once however often sent, and
kept for review when they cannot be read."""

import threading

import pytest
from django.db import connection

from leads.intake.channels import create_channel
from leads.intake.models import IntakeDocument, IntakeLead
from leads.intake.reading import read
from leads.intake.receiving import receive
from leads.models import Lead
from tests.intake.documents import adf


@pytest.fixture
def channel(account):
    made, _ = create_channel(account=account, provider="AutoTrader", division="new")
    return made


def received(channel, raw: bytes, via: str = "http") -> IntakeDocument:
    return receive(channel, raw, via=via, content_type="application/xml")


@pytest.mark.django_db
def test_a_document_becomes_a_lead_of_the_channels_dealership(channel, account):
    document = received(channel, adf())

    status = read(document)

    [lead] = Lead.objects.all()
    assert status == "read"
    assert lead.account == account  # whatever dealership the vendor names
    assert (lead.first_name, lead.last_name) == ("Marie", "Tremblay")
    assert (lead.source, lead.created_method) == ("AutoTrader", "adf_http")
    assert lead.division == "used"  # the vehicle's status over the default
    assert lead.comment == "Is it still available?"
    assert lead.created_at.isoformat() == "2024-05-01T14:30:00+00:00"
    assert [(p.type, p.number) for p in lead.phones.all()] == [
        ("mobile", "+15145550188")
    ]
    assert [e.address for e in lead.emails.all()] == ["marie@example.ca"]
    assert sorted((v.type, v.make) for v in lead.vehicles.all()) == [
        ("exchange", "Honda"),
        ("wanted", "Toyota"),
    ]
    assert IntakeLead.objects.get().document == document


@pytest.mark.django_db
def test_a_resend_makes_no_second_lead(channel):
    read(received(channel, adf(status="new")))

    status = read(received(channel, adf(status="resend")))

    assert status == "read"
    assert Lead.objects.count() == 1


@pytest.mark.django_db
def test_reading_a_document_again_makes_no_second_lead(channel):
    document = received(channel, adf())
    read(document)

    read(document)

    assert Lead.objects.count() == 1


@pytest.mark.django_db
def test_another_leads_id_makes_another_lead(channel):
    read(received(channel, adf(lead_id="A-1")))

    read(received(channel, adf(lead_id="A-2")))

    assert Lead.objects.count() == 2


@pytest.mark.django_db
def test_a_document_without_a_customer_to_reach_waits_for_review(channel):
    nobody = b"<adf><prospect><customer><contact/></customer></prospect></adf>"
    document = received(channel, nobody)

    status = read(document)

    document.refresh_from_db()
    assert status == document.status == "rejected"
    assert "no name and no way to reach the customer" in document.reason
    assert bytes(document.raw) == nobody
    assert not Lead.objects.exists()


@pytest.mark.django_db
def test_a_corrected_document_read_again_makes_its_lead(channel):
    broken = adf().replace(b"</adf>", b"")
    document = received(channel, broken)
    read(document)
    document.corrected = adf().decode()
    document.save()

    status = read(document)

    assert status == "read"
    assert Lead.objects.count() == 1
    assert bytes(document.raw) == broken  # what came stays as it came


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_copies_read_at_once_make_one_lead(account):
    channel, _ = create_channel(account=account, provider="AutoTrader")
    copies = [received(channel, adf()) for _ in range(2)]
    start = threading.Barrier(2)
    errors = []

    def read_in_thread(document):
        try:
            start.wait()
            read(IntakeDocument.objects.select_related("channel").get(pk=document.pk))
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=read_in_thread, args=[d]) for d in copies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert Lead.objects.count() == 1
    assert set(IntakeDocument.objects.values_list("status", flat=True)) == {"read"}
