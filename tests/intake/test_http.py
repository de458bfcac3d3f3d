"""POST /intake/adf/<secret>: a document is stored as it came and answered
202 before anything reads it; what cannot be one is refused clearly."""

import pytest
from procrastinate.contrib.django.models import ProcrastinateJob

from leads.intake.channel_secrets import secret_of_address
from leads.intake.channels import create_channel
from leads.intake.models import IntakeDocument

DOCUMENT = b'<?xml version="1.0"?><?adf version="1.0"?><adf><prospect/></adf>'


@pytest.fixture
def channel_path(account):
    channel, addresses = create_channel(account=account, provider="AutoTrader")
    return "/intake/adf/" + secret_of_address(addresses.email)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "content_type",
    ["application/xml", "text/xml", "application/x-adf+xml", "message/rfc822"],
)
def test_a_document_is_kept_as_it_came_and_queued(client, channel_path, content_type):
    response = client.post(channel_path, DOCUMENT, content_type=content_type)

    assert response.status_code == 202
    document = IntakeDocument.objects.get(pk=response.json()["document"])
    assert bytes(document.raw) == DOCUMENT
    assert (document.via, document.status) == ("http", "received")
    assert ProcrastinateJob.objects.filter(
        task_name="leads.intake.jobs.read_document",
        args={"document_id": document.pk},
    ).exists()


@pytest.mark.django_db
def test_an_unknown_secret_is_a_404_and_stores_nothing(client, channel_path):
    response = client.post(
        "/intake/adf/0123456789abcdef", DOCUMENT, content_type="application/xml"
    )

    assert response.status_code == 404
    assert not IntakeDocument.objects.exists()


@pytest.mark.django_db
def test_a_form_post_is_refused_as_the_wrong_type(client, channel_path):
    response = client.post(channel_path, {"xml": "<adf/>"})

    assert response.status_code == 415
    assert "application/xml" in response.json()["message"]


@pytest.mark.django_db
def test_a_10_mb_body_is_refused_unread(client, channel_path, settings):
    body = DOCUMENT + b" " * 10_000_000

    response = client.post(channel_path, body, content_type="application/xml")

    assert response.status_code == 413
    assert f"{settings.INTAKE_MAX_BYTES:,} bytes" in response.json()["message"]
    assert not IntakeDocument.objects.exists()


@pytest.mark.django_db
def test_an_empty_body_is_refused(client, channel_path):
    response = client.post(channel_path, b"  ", content_type="application/xml")

    assert response.status_code == 400
    assert not IntakeDocument.objects.exists()


@pytest.mark.django_db
def test_a_deactivated_channel_takes_nothing(client, channel_path):
    from leads.intake.models import IntakeChannel

    IntakeChannel.objects.update(active=False)

    response = client.post(channel_path, DOCUMENT, content_type="text/xml")

    assert response.status_code == 404
