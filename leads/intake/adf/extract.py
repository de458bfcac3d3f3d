"""Finding the ADF document in what arrived: the XML itself, or an email
carrying it as its body, as an attachment or inside its HTML."""

import email
import email.policy
import html
import re
from email.message import Message
from typing import NamedTuple

from .document import RejectedDocument
from .encoding import decode

XML_TYPES = {"application/xml", "text/xml", "application/x-adf+xml"}
EMAIL_TYPES = {"message/rfc822"}

# A message starts with a header field; mbox files add a "From " line.
_EMAIL_START = re.compile(
    rb"(?:From [^\r\n]*\r?\n)?(?:received|return-path|from|to|subject|date"
    rb"|message-id|mime-version|content-type|delivered-to|reply-to|sender|cc"
    rb"|dkim-signature|authentication-results|arc-[\w-]+|x-[\w-]+)[ \t]*:",
    re.IGNORECASE,
)
_CHARSET = re.compile(r"charset\s*=\s*\"?([^\";\s]+)", re.IGNORECASE)
_START = re.compile(r"<\?xml\b|<\?adf\b|<!doctype\s+adf\b|<adf\b|<prospect\b", re.I)
_END = re.compile(r"</adf\s*>|</prospect\s*>", re.IGNORECASE)
_MARKER = re.compile(r"<\s*(?:\?\s*)?(?:adf|prospect)\b", re.IGNORECASE)
_ESCAPED_MARKER = re.compile(r"&lt;\s*(?:\?\s*)?(?:adf|prospect)\b", re.IGNORECASE)
# Markup of the HTML itself. [^<>] keeps each match linear.
_HTML_BREAK = re.compile(r"<(?:br|/p|/div|/tr|/pre)\b[^<>]*>", re.IGNORECASE)
_HTML_TAG = re.compile(r"<[^<>]*>")
_HTML_ONLY_TAG = re.compile(
    r"</?(?:html|head|body|pre|code|tt|p|div|span|font|b|i|u|strong|em|center"
    r"|blockquote|table|thead|tbody|tr|td|th|br|hr)\b[^<>]*>",
    re.IGNORECASE,
)


class Found(NamedTuple):
    text: str
    found_in: str
    repairs: list[str]


def find_xml(raw: bytes, content_type: str = "") -> Found:
    """The text of the XML document in raw, with what was done to get it."""
    media_type = content_type.partition(";")[0].strip().lower()
    charset = _CHARSET.search(content_type)
    if media_type in EMAIL_TYPES or (
        media_type not in XML_TYPES and _EMAIL_START.match(raw.lstrip()[:1000])
    ):
        return _from_email(raw)
    text, repairs = decode(raw, charset and charset.group(1))
    return _locate(text, "the whole input", repairs)


def _locate(text: str, found_in: str, repairs: list[str]) -> Found:
    """The XML in text, from its first <?xml, <adf... to its last </adf>."""
    start = _START.search(text)
    if start is None:
        return Found(text.strip().lstrip("\ufeff"), found_in, repairs)
    stop = len(text)
    for end in _END.finditer(text, start.start()):
        stop = end.end()
    repairs = list(repairs)
    if text[: start.start()].strip().lstrip("\ufeff").strip():
        repairs.append("text before the XML")
    if text[stop:].strip():
        repairs.append("text after the XML")
    return Found(text[start.start() : stop], found_in, repairs)


def _from_email(raw: bytes) -> Found:
    # compat32 keeps malformed headers as text where the default policy
    # can raise on them; only the parts' bodies matter here.
    message = email.message_from_bytes(raw, policy=email.policy.compat32)
    xml_parts, plain_parts, html_parts = [], [], []
    kinds = []
    for part in message.walk():
        if part.is_multipart():
            continue
        kind = part.get_content_type()
        kinds.append(kind)
        if _is_xml(part):
            xml_parts.append(part)
        elif kind == "text/plain":
            plain_parts.append(part)
        elif kind == "text/html":
            html_parts.append(part)
    for part in [*xml_parts, *plain_parts, *html_parts]:
        found = _read_part(part)
        if _MARKER.search(found.text):
            return found
    if xml_parts:
        # An XML attachment without <adf> is still the best candidate:
        # the parser says what is wrong with it.
        return _read_part(xml_parts[0])
    listed = ", ".join(kinds) or "none"
    raise RejectedDocument(f"no ADF document in the email (its parts: {listed})")


def _is_xml(part: Message) -> bool:
    kind = part.get_content_type()
    named_xml = _filename(part).endswith(".xml")
    return kind in XML_TYPES or kind.endswith("+xml") or named_xml


def _filename(part: Message) -> str:
    try:
        return (part.get_filename() or "").strip().lower()
    except (ValueError, LookupError):
        return ""


def _read_part(part: Message) -> Found:
    kind = part.get_content_type()
    name = _filename(part)
    found_in = f'the email\'s {kind} part "{name}"' if name else f"the email's {kind}"
    payload = part.get_payload(decode=True) or b""
    text, repairs = decode(payload, part.get_content_charset())
    if kind == "text/html":
        text, html_repairs = _from_html(text)
        repairs += html_repairs
    return _locate(text, found_in, repairs)


def _from_html(text: str) -> tuple[str, list[str]]:
    """The XML inside an HTML body, shown escaped or hidden as raw tags."""
    if _ESCAPED_MARKER.search(text):
        text = _HTML_BREAK.sub("\n", text)
        text = html.unescape(_HTML_TAG.sub("", text))
        # &nbsp; between a tag's name and its attributes is not XML space.
        return text.replace("\xa0", " "), ["XML escaped inside HTML"]
    start = _START.search(text)
    if start is None:
        return text, []
    head, body = text[: start.start()], text[start.start() :]
    cleaned = _HTML_ONLY_TAG.sub("", _HTML_BREAK.sub("\n", body))
    if cleaned == body:
        return text, []
    return head + cleaned, ["HTML tags inside the XML"]
