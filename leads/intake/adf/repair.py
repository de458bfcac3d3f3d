"""Making a feed's XML well-formed: the mistakes real ADF senders make, each
repaired the one way that keeps what the sender meant.

Repairs touch markup and references only, never the words of the content:
a curly apostrophe in a customer's comment stays as written.
"""

import html.entities
import re

from .markup import pieces

CURLY_DOUBLE = "\u201c\u201d\u201e\u201f\u2033"
CURLY_SINGLE = "\u2018\u2019\u201a\u201b\u2032"
XML_ENTITIES = {"amp", "lt", "gt", "quot", "apos"}

# Characters XML 1.0 forbids anywhere; Windows tools leave some behind.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_REFERENCE = re.compile(r"&(?:(#[0-9]+|#[xX][0-9a-fA-F]+|[^\W\d][\w.-]*);)?")
_DECLARATION = re.compile(
    r"<\?xml\s+version\s*=\s*([\"'])1\.[0-9]\1"
    r"(?:\s+encoding\s*=\s*([\"'])[A-Za-z][\w.-]*\2)?"
    r"(?:\s+standalone\s*=\s*([\"'])(?:yes|no)\3)?\s*\?>"
)
_NAME = re.compile(r"[^\s/>=\"']+")
# Most of ADF's tags have no attributes, so nothing to repair.
_BARE_START = re.compile(r"<[^\s/<>=\"']+\s*/?>")
_ATTRIBUTE_NAME = re.compile(r"[^\s/>=\"'<]+")
_SPACE = re.compile(r"\s*")
_UNQUOTED_END = re.compile(r"\s")
# A value opened by a curly quote ends at the next quote of its kind,
# curly or straight: “1.0”, ”1.0”, “1.0".
_CURLY_QUOTED = [
    (set(CURLY_DOUBLE), re.compile(f'[{CURLY_DOUBLE}"]')),
    (set(CURLY_SINGLE), re.compile(f"[{CURLY_SINGLE}']")),
]


class _Notes(dict):
    """What was repaired, once each, in the order met."""

    def add(self, note: str) -> None:
        self.setdefault(note, None)


def repair(text: str) -> tuple[str, list[str]]:
    """text made well-formed where a known mistake prevents it, and a list
    of the repairs made, for people."""
    notes = _Notes()
    text, removed = _FORBIDDEN.subn("", text.lstrip("\ufeff \t\r\n"))
    if removed:
        notes.add("control characters")
    out: list[str] = []
    open_tags: list[str] = []
    started = False
    for kind, chunk in pieces(text):
        if kind == "text":
            out.append(_text(chunk, notes))
        elif kind == "lt":
            notes.add("bare <")
            out.append("&lt;")
        elif kind == "pi" and _is_declaration(chunk):
            # Only a correct declaration at the very start is legal; the
            # text is decoded already, so a dropped one loses nothing.
            if not started and _DECLARATION.fullmatch(chunk):
                out.append(chunk)
            else:
                notes.add("<?xml?> declaration misplaced or malformed")
        elif kind == "tag":
            out.append(_tag(chunk, open_tags, notes))
        else:
            out.append(chunk)
        started = started or kind != "text" or bool(chunk.strip())
    return "".join(out), list(notes)


def _is_declaration(chunk: str) -> bool:
    return chunk[2:5].lower() == "xml" and chunk[5:6] in ("?", " ", "\t", "\r", "\n")


def _text(text: str, notes: _Notes) -> str:
    text = _references(text, notes)
    if "<" in text:
        notes.add("bare <")
        text = text.replace("<", "&lt;")
    return text


def _references(text: str, notes: _Notes) -> str:
    """text with each & either a reference XML knows or escaped."""

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name is None:
            notes.add("bare &")
            return "&amp;"
        if name.startswith("#") or name in XML_ENTITIES:
            return match.group()
        character = html.entities.html5.get(f"{name};")
        if character is not None:
            notes.add("HTML entities")
            return _escape(character)
        # Defined by no DTD that is read: shown as written.
        notes.add("undefined entities")
        return f"&amp;{name};"

    return _REFERENCE.sub(replace, text) if "&" in text else text


def _escape(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


def _tag(chunk: str, open_tags: list[str], notes: _Notes) -> str:
    if chunk.startswith("</"):
        return _end_tag(chunk, open_tags, notes)
    if _BARE_START.fullmatch(chunk):
        name = _NAME.match(chunk, 1)
        if not chunk.endswith("/>"):
            open_tags.append(name.group())
        return chunk
    name, attributes, self_closing, changed = _read_start_tag(chunk, notes)
    if name is None:
        return chunk
    if not self_closing:
        open_tags.append(name)
    if not changed:
        return chunk
    written = "".join(f' {key}="{value}"' for key, value in attributes)
    return f"<{name}{written}{'/' if self_closing else ''}>"


def _end_tag(chunk: str, open_tags: list[str], notes: _Notes) -> str:
    """The end tag, in its start tag's case. One that closes another
    element is left as it is: the parser refuses the document there."""
    name = chunk[2:-1].strip()
    if not open_tags or name.lower() != open_tags[-1].lower():
        return chunk
    if name != open_tags[-1]:
        notes.add("end tags in another case than their start tags")
        chunk = f"</{open_tags[-1]}>"
    open_tags.pop()
    return chunk


def _read_start_tag(
    chunk: str, notes: _Notes
) -> tuple[str | None, list[tuple[str, str]], bool, bool]:
    """A start tag's name, its attributes (values escaped), whether it
    closes itself and whether anything in it needed a repair."""
    body = chunk[1:-1].rstrip()
    self_closing = body.endswith("/")
    if self_closing:
        body = body[:-1]
    name = _NAME.match(body)
    if name is None:
        return None, [], self_closing, False
    attributes: dict[str, str] = {}
    changed = False
    position = name.end()
    while True:
        position = _SPACE.match(body, position).end()
        if position >= len(body):
            break
        key = _ATTRIBUTE_NAME.match(body, position)
        if key is None:
            # Beyond what can be guessed: the parser will say where.
            return None, [], self_closing, False
        position = _SPACE.match(body, key.end()).end()
        if body.startswith("=", position):
            position = _SPACE.match(body, position + 1).end()
            value, position, repair = _attribute_value(body, position)
        else:
            value, repair = "", "attributes without a value"
        if key.group() in attributes:
            repair = "duplicate attributes"
        else:
            escaped = _escape_value(value, notes)
            attributes[key.group()] = escaped
            repair = repair or ("" if escaped == value else "escaped")
        if repair:
            changed = True
            if repair != "escaped":
                notes.add(repair)
    return name.group(), list(attributes.items()), self_closing, changed


def _attribute_value(body: str, position: int) -> tuple[str, int, str]:
    """The value starting at body[position], where it ends, and the repair
    its quoting needed ("" for none)."""
    opening = body[position : position + 1]
    if opening in ('"', "'"):
        end = body.find(opening, position + 1)
        if end >= 0:
            return body[position + 1 : end], end + 1, ""
        return body[position + 1 :], len(body), "unclosed attribute values"
    for openers, closers in _CURLY_QUOTED:
        if opening in openers:
            end = closers.search(body, position + 1)
            stop = end.start() if end else len(body)
            after = stop + 1 if end else stop
            return body[position + 1 : stop], after, "curly quotes"
    end = _UNQUOTED_END.search(body, position)
    stop = end.start() if end else len(body)
    return body[position:stop], stop, "unquoted attribute values"


def _escape_value(value: str, notes: _Notes) -> str:
    """An attribute's value as it must be written between double quotes."""
    value = _references(value, notes)
    if "<" in value:
        notes.add("bare <")
    return value.replace("<", "&lt;").replace('"', "&quot;")
