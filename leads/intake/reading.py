"""A stored document read into leads: the work of the intake job.

Reading the same document again (a retry, or a manager's re-run after a
correction) makes no lead twice: each prospect is known by its provider
key (prospects.py).
"""

from django.utils import timezone

from .adf import RejectedDocument, read_adf
from .models import DocumentStatus, IntakeDocument
from .prospects import lead_from_prospect


def read(document: IntakeDocument) -> str:
    """Read `document`, make its leads, and return its new status."""
    if document.corrected:
        source, content_type = document.corrected.encode(), "application/xml"
    else:
        source, content_type = bytes(document.raw), document.content_type
    try:
        parsed = read_adf(source, content_type=content_type)
        notes = [f"Repaired: {repair}" for repair in parsed.repairs]
        rejected = []
        for number, prospect in enumerate(parsed.prospects, start=1):
            if prospect.rejected:
                rejected.append(f"Prospect {number}: {prospect.rejected}.")
                continue
            made = lead_from_prospect(document, prospect)
            notes += [f"Prospect {number}: {note}" for note in made]
            notes += [
                f"Prospect {number}: not used: {path}: {text}"
                for path, text in prospect.unmapped.items()
            ]
    except RejectedDocument as error:
        return _finish(document, DocumentStatus.REJECTED, str(error), [])
    except Exception as error:
        # A bug of the reader or a crash: the document waits for review,
        # and the job fails, so the error is seen and the reading retried.
        reason = f"The reader failed: {type(error).__name__}: {error}"
        _finish(document, DocumentStatus.REJECTED, reason, [])
        raise
    status = DocumentStatus.REJECTED if rejected else DocumentStatus.READ
    return _finish(document, status, " ".join(rejected), notes)


def _finish(document, status: str, reason: str, notes: list[str]) -> str:
    # An update of these fields alone: a manager may be correcting the XML.
    IntakeDocument.objects.filter(pk=document.pk).update(
        status=status, reason=reason, notes=notes, read_at=timezone.now()
    )
    return status
