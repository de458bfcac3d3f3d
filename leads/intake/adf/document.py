"""What reading an ADF document gives: its prospects, or why there is none."""

from dataclasses import dataclass, field
from datetime import datetime


class RejectedDocument(Exception):
    """No lead can be read from the document.

    str(error) is the reason a manager reads in the review queue: plain
    English and specific ("not XML: mismatched tag: line 9, column 4").
    """


@dataclass
class Prospect:
    """One <prospect>: the values of one lead, and what did not fit them."""

    status: str  # "new" or "resend"
    # The sender's id, "source:text#sequence" (docs/adf.md); "" when none.
    vendor_lead_id: str
    requested_at: datetime | None
    # Values for Lead's fields; only the fields the document gave.
    lead: dict[str, object]
    emails: list[dict] = field(default_factory=list)
    phones: list[dict] = field(default_factory=list)
    vehicles: list[dict] = field(default_factory=list)
    provider: str = ""
    unmapped: dict[str, str] = field(default_factory=dict)
    rejected: str = ""
    # The dealership the sender meant (<vendorname>), as written.
    vendor: str = ""


@dataclass
class Document:
    """An ADF document as read: the text parsed, and its prospects."""

    xml: str
    prospects: list[Prospect]
    repairs: list[str] = field(default_factory=list)
    # Where the XML was found, for people: "the whole input", "the email's
    # attachment lead.xml (application/xml)", ...
    found_in: str = ""
