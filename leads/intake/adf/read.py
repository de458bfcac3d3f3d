"""read_adf: from what arrived (an email or the XML) to its prospects."""

from xml.etree.ElementTree import Element

from .document import Document, RejectedDocument
from .extract import find_xml
from .parse import NotWellFormed, parse
from .prospect import read_prospect
from .repair import repair

# Real ADF documents are a few kilobytes; an email with a logo, well under
# a megabyte. Checked before anything is decoded or parsed.
MAX_DOCUMENT_BYTES = 5_000_000


def read_adf(raw: bytes, *, content_type: str = "") -> Document:
    """The document in raw, the XML itself or a whole email, read.

    content_type is what the transport said (an HTTP header, or
    "message/rfc822"); without it, an email is told by its headers. A str
    is read as its UTF-8 bytes. Raises RejectedDocument when no lead can
    be read.
    """
    if isinstance(raw, str):
        raw = raw.encode("utf-8")
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise RejectedDocument(
            f"the document is {len(raw):,} bytes; the limit is {MAX_DOCUMENT_BYTES:,}"
        )
    if not raw.strip():
        raise RejectedDocument("the document is empty")
    found = find_xml(raw, content_type)
    xml, repairs = found.text, []
    try:
        root = parse(xml)
    except NotWellFormed:
        # Every repair mends what a parser refuses, so a document that
        # parses is read exactly as it came.
        xml, repairs = repair(xml)
        root = parse(xml)
    prospects = [read_prospect(element) for element in _prospects(root)]
    if not prospects:
        raise RejectedDocument("no <prospect> in the document")
    return Document(
        xml=xml,
        prospects=prospects,
        repairs=[*found.repairs, *repairs],
        found_in=found.found_in,
    )


def _prospects(root: Element) -> list[Element]:
    """Every <prospect>, wherever the sender put it, in document order."""
    return list(root.iter("prospect"))
