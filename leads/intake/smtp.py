"""The intake's SMTP listener (aiosmtpd): mail to a channel's address
becomes a stored document, answered 250 only once it is committed.

Mail to any other address is refused at RCPT, so a sender learns at once
that a lead went nowhere, instead of its mail being accepted and dropped.
"""

from email.parser import BytesHeaderParser

from asgiref.sync import sync_to_async
from django.db import close_old_connections, transaction

from .channel_secrets import hash_of, secret_of_address
from .models import DocumentVia, IntakeChannel
from .receiving import receive

KEPT_HEADERS = ["From", "To", "Subject", "Date", "Message-ID"]


def channel_of(address: str) -> IntakeChannel | None:
    secret = secret_of_address(address)
    if secret is None:
        return None
    return (
        IntakeChannel.objects.filter(secret_hash=hash_of(secret), active=True)
        .select_related("account")
        .first()
    )


def store(raw: bytes, sender: str, addresses: list[str]) -> None:
    """A document for each addressed channel, all in one transaction."""
    close_old_connections()
    headers = BytesHeaderParser().parsebytes(raw)
    kept = {name: str(headers[name]) for name in KEPT_HEADERS if headers[name]}
    with transaction.atomic():
        for address in addresses:
            channel = channel_of(address)
            if channel is None:  # deactivated since RCPT
                continue
            receive(
                channel,
                raw,
                via=DocumentVia.EMAIL,
                sender=sender,
                content_type="message/rfc822",
                headers=kept,
            )


class IntakeHandler:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        channel = await sync_to_async(_known)(address)
        if not channel:
            return f"550 5.1.1 <{address}>: no such intake address"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        try:
            await sync_to_async(store)(raw, envelope.mail_from or "", envelope.rcpt_tos)
        except Exception:
            # Not stored, so not accepted: the sender's server tries again.
            return "451 4.3.0 The lead could not be stored; try again later"
        return "250 OK: stored for reading"


def _known(address: str) -> bool:
    close_old_connections()
    return channel_of(address) is not None
