"""A stored document as a person can read it in the review queue."""

from email import policy
from email.parser import BytesParser

from .models import IntakeDocument


def readable_text(document: IntakeDocument) -> str:
    """An email's text parts decoded (transfer encodings and charsets), or
    the body as text; what cannot be decoded is shown escaped, not lost."""
    raw = bytes(document.raw)
    if document.content_type.startswith("message/rfc822"):
        message = BytesParser(policy=policy.default).parsebytes(raw)
        parts = []
        for part in message.walk():
            if part.is_multipart():
                continue
            try:
                parts.append(part.get_content())
            except (LookupError, ValueError):
                parts.append(part.get_payload(decode=True).decode("latin-1"))
        if parts:
            header = f"From: {message['From']}\nSubject: {message['Subject']}\n\n"
            return header + "\n\n".join(str(part) for part in parts)
    return raw.decode("utf-8", "backslashreplace")
