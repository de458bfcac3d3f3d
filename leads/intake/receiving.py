"""Taking a document in: stored as it came, then read by a job.

The document and its job are written in one transaction, and the sender
is answered (HTTP 202, SMTP 250) only once it has committed: from then on
the document is safe whatever happens to the reader.
"""

from django.db import transaction

from .jobs import read_document
from .models import IntakeChannel, IntakeDocument


@transaction.atomic
def receive(
    channel: IntakeChannel,
    raw: bytes,
    *,
    via: str,
    sender: str = "",
    content_type: str = "",
    headers: dict | None = None,
) -> IntakeDocument:
    document = IntakeDocument.objects.create(
        channel=channel,
        account_id=channel.account_id,
        via=via,
        sender=sender[:254],
        content_type=content_type[:255],
        headers=headers or {},
        raw=raw,
    )
    read_document.defer(document_id=document.pk)
    return document
