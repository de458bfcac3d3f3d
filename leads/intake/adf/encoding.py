"""Bytes to text: the XML's own declaration first, then what the transport
said, then UTF-8, then Windows-1252."""

import codecs
import re

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
# Bounded, so a long run of junk after "<?xml" costs nothing; curly quotes
# included, as the specification's own sample has them.
_DECLARED = re.compile(
    rb"<\?xml[^>]{0,200}?encoding\s*=\s*[\"'\x93\x94\xe2\x80\x9c\x9d]*"
    rb"([A-Za-z][\w.:-]{0,39})",
    re.IGNORECASE,
)


# Windows writes Windows-1252 and calls it Latin-1 or ASCII; browsers read
# these labels as Windows-1252 too (the WHATWG Encoding Standard), which
# differs only where Latin-1 has control characters no one types.
_READ_AS = {"iso8859-1": "cp1252", "ascii": "cp1252"}


def codec_name(label: str | None) -> str | None:
    """The codec to read a declared encoding with; None when unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except (LookupError, ValueError):
        return None
    return _READ_AS.get(name, name)


def declared_label(data: bytes) -> str | None:
    """The encoding named by the first <?xml ... encoding="..."?> in data,
    as written; None when there is none that ASCII can carry."""
    match = _DECLARED.search(data)
    label = match.group(1).decode("ascii") if match else None
    # The declaration was found by reading the bytes as ASCII, so they are
    # not UTF-16 or UTF-32 whatever it says.
    if label and (codec_name(label) or "").startswith(("utf-16", "utf-32")):
        return None
    return label


def _is_single_byte(codec: str) -> bool:
    return codec in {"cp1252", "iso8859-15"}


def _is_utf8_text(data: bytes) -> bool:
    """True when data is valid UTF-8 and not plain ASCII."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not data.isascii()


def decode(data: bytes, charset: str | None = None) -> tuple[str, list[str]]:
    """data as text, and what had to be guessed (for Document.repairs).

    charset is what the transport declared (MIME or HTTP); the XML's own
    declaration wins over it, as the document's author wrote both.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), []
            except UnicodeDecodeError:
                break
    declared_as = declared_label(data)
    declared, transport = codec_name(declared_as), codec_name(charset)
    label, claimed = (declared_as, declared) if declared else (charset, transport)
    # Feeds often declare ISO-8859-1 out of habit and write UTF-8. Valid
    # UTF-8 with accents is almost never real Latin-1 ("Ã©" is not French).
    if claimed and _is_single_byte(claimed) and _is_utf8_text(data):
        return data.decode("utf-8"), [f"declared {label} but written in UTF-8"]
    guesses = [
        (declared, []),
        (transport, []),
        ("utf-8", []),
        ("cp1252", ["not UTF-8: read as Windows-1252"]),
    ]
    for codec, notes in guesses:
        if codec is None:
            continue
        try:
            return data.decode(codec), notes
        except (UnicodeDecodeError, LookupError):
            continue
    # Windows-1252 leaves five bytes undefined; Latin-1 reads every byte.
    return data.decode("latin-1"), ["not UTF-8: read as ISO-8859-1"]
