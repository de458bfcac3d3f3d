"""The SMTP listener for real (manage.py intake_smtp), sent real mail with
smtplib: a channel's address takes the message whole, any other address
is refused at RCPT, and a message over the limit is refused."""

import smtplib
from email.message import EmailMessage

import pytest

from leads.intake.channels import create_channel
from leads.intake.models import IntakeDocument
from tests.processes import free_port, start_manage, stop, wait_for

pytestmark = pytest.mark.usefixtures("empty_queue")
XML = '<?xml version="1.0"?><?adf version="1.0"?><adf><prospect/></adf>'


@pytest.fixture
def listener():
    port = free_port()
    process = start_manage("intake_smtp", "--port", str(port))

    def listening():
        """the listener answers"""
        try:
            with smtplib.SMTP("127.0.0.1", port, timeout=5) as probe:
                return probe.noop()[0] == 250
        except OSError:
            return False

    try:
        wait_for(listening, timeout=60)
        yield port
    finally:
        stop(process)


def message(to: str, body: str = XML) -> EmailMessage:
    mail = EmailMessage()
    mail["From"] = "leads@autotrader.example"
    mail["To"] = to
    mail["Subject"] = "New lead"
    mail.set_content(body)
    return mail


def test_mail_to_a_channel_is_stored_whole(listener, account):
    channel, addresses = create_channel(account=account, provider="AutoTrader")
    sent = message(addresses.email)

    with smtplib.SMTP("127.0.0.1", listener, timeout=30) as smtp:
        refused = smtp.send_message(sent)

    [document] = IntakeDocument.objects.all()
    assert refused == {}
    assert (document.channel, document.via) == (channel, "email")
    assert document.sender == "leads@autotrader.example"
    assert document.headers["Subject"] == "New lead"
    assert XML.encode() in bytes(document.raw)


def test_mail_to_any_other_address_is_refused_at_rcpt(listener, account):
    channel, addresses = create_channel(account=account, provider="AutoTrader")
    almost = addresses.email.replace("adf-", "adf-0")

    with (
        smtplib.SMTP("127.0.0.1", listener, timeout=30) as smtp,
        pytest.raises(smtplib.SMTPRecipientsRefused) as refused,
    ):
        smtp.send_message(message(almost))

    [(code, _)] = refused.value.recipients.values()
    assert code == 550
    assert not IntakeDocument.objects.exists()


def test_a_message_over_the_limit_is_refused(listener, account, settings):
    channel, addresses = create_channel(account=account, provider="AutoTrader")
    huge = message(addresses.email, body=XML + " " * 6_000_000)

    with (
        smtplib.SMTP("127.0.0.1", listener, timeout=60) as smtp,
        pytest.raises(smtplib.SMTPException),
    ):
        smtp.send_message(huge)

    assert not IntakeDocument.objects.exists()
