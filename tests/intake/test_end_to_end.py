"""Leads coming in for real: mail sent with smtplib to the listener and a
POST to the live server, read by real worker processes, and a worker
killed while reading: every document still becomes its lead, once."""

import os
import signal
import smtplib
import urllib.request
from email.message import EmailMessage

import pytest

from leads.intake.channel_secrets import secret_of_address
from leads.intake.channels import create_channel
from leads.intake.models import IntakeDocument
from leads.intake.receiving import receive
from leads.models import Lead
from tests.intake.documents import adf
from tests.processes import free_port, start_manage, start_worker, stop, wait_for

pytestmark = pytest.mark.usefixtures("empty_queue")


def test_mail_and_http_become_leads_through_the_listener_and_a_worker(
    account, live_server
):
    channel, addresses = create_channel(account=account, provider="AutoTrader")
    port = free_port()
    listener = start_manage("intake_smtp", "--port", str(port))
    worker = start_worker()
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"] = (
        "x@autotrader.example",
        addresses.email,
        "Lead",
    )
    mail.set_content(adf(lead_id="by-mail").decode())
    request = urllib.request.Request(
        f"{live_server.url}/intake/adf/{secret_of_address(addresses.email)}",
        data=adf(lead_id="by-http"),
        headers={"Content-Type": "application/xml"},
    )
    try:
        wait_for(lambda: _smtp_ready(port), timeout=60)
        with smtplib.SMTP("127.0.0.1", port, timeout=30) as smtp:
            smtp.send_message(mail)
        with urllib.request.urlopen(request, timeout=30) as answer:
            accepted = answer.status
        wait_for(lambda: Lead.objects.count() == 2, timeout=90)
    finally:
        stop(listener)
        stop(worker)

    assert accepted == 202
    assert sorted(Lead.objects.values_list("created_method", flat=True)) == [
        "adf_email",
        "adf_http",
    ]
    assert set(IntakeDocument.objects.values_list("status", flat=True)) == {"read"}


def _smtp_ready(port: int) -> bool:
    """the SMTP listener answers"""
    try:
        with smtplib.SMTP("127.0.0.1", port, timeout=5) as probe:
            return probe.noop()[0] == 250
    except OSError:
        return False


def test_documents_a_killed_worker_was_reading_are_read_after_a_restart(account):
    channel, _ = create_channel(account=account, provider="AutoTrader")
    documents = [
        receive(channel, adf(lead_id=f"L-{n}"), via="http") for n in range(150)
    ]
    first = start_worker()
    try:
        wait_for(lambda: Lead.objects.count() >= 5, timeout=90)
    finally:
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=10)
    interrupted = Lead.objects.count()
    second = start_worker()
    try:
        wait_for(lambda: Lead.objects.count() == len(documents), timeout=180)
    finally:
        stop(second)

    assert interrupted < len(documents), "the kill came too late to prove it"
    assert set(IntakeDocument.objects.values_list("status", flat=True)) == {"read"}
