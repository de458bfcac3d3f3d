"""XML text cut into its pieces, so repairs can tell markup from content.

A standard parser stops at the first error; this scanner never fails, and
only finds where each piece starts and ends. Every pattern stops at the next
"<" and every search consumes what it scanned (an unclosed comment runs to
the end), so hostile input costs time linear in its length.
"""

import re
from collections.abc import Iterator

_PIECE = re.compile(
    # Text, with any "<" that cannot open markup: "price < 20000".
    r"(?P<text>(?:[^<]+|<(?![^\W\d]|[/!?:]))+)"
    r"|(?P<tag></?[^\W\d:][^<>]*>)"
    r"|(?P<special><[!?])"
    r"|(?P<lt><)"
)
_SUBSET_END = re.compile(r"\]\s*>")


def pieces(text: str) -> Iterator[tuple[str, str]]:
    """(kind, text) of each piece, in order: their texts join back into
    text. Kinds: text, tag, pi, comment, cdata, doctype, lt (a bare "<")."""
    position, length = 0, len(text)
    while position < length:
        match = _PIECE.match(text, position)
        kind, end = match.lastgroup, match.end()
        if kind == "special":
            kind, end = _special_at(text, position)
        yield kind, text[position:end]
        position = end


def _special_at(text: str, start: int) -> tuple[str, int]:
    """The kind and end of the "<!" or "<?" markup at text[start]."""
    for opening, closing, kind in [
        ("<![CDATA[", "]]>", "cdata"),
        ("<!--", "-->", "comment"),
        ("<?", "?>", "pi"),
    ]:
        if text.startswith(opening, start):
            return kind, _end(text, text.find(closing, start + len(opening)), closing)
    close = text.find(">", start)
    if close < 0:
        return "doctype", len(text)
    # An internal subset holds declarations, each with its own ">".
    if text.find("[", start, close) >= 0:
        subset_end = _SUBSET_END.search(text, start)
        return "doctype", subset_end.end() if subset_end else len(text)
    return "doctype", close + 1


def _end(text: str, found: int, closing: str) -> int:
    """Where a piece closed by `closing` ends; unclosed, at the end of text."""
    return found + len(closing) if found >= 0 else len(text)
