"""Values read out of a prospect's elements, with a note of what was used,
so that whatever was not is kept for people (Prospect.unmapped)."""

import re
from xml.etree.ElementTree import Element

_SPACES = re.compile(r"\s+")
_BLANK_LINES = re.compile(r"\n{3,}")
# ADF nests six deep, vendors' tags a few more. Below this depth a subtree's
# text is kept whole: with a path for every level, a hostile document
# nested a million deep would cost time in the square of its depth.
MAX_DEPTH = 24


def text_of(element: Element | None) -> str:
    """The element's text on one line, spaces collapsed; "" when absent."""
    if element is None:
        return ""
    return _SPACES.sub(" ", "".join(element.itertext())).strip()


def block_of(element: Element | None) -> str:
    """The element's text with its line breaks, as a comment is written."""
    if element is None:
        return ""
    text = "".join(element.itertext()).replace("\r\n", "\n").replace("\r", "\n")
    lines = (line.strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def attribute(element: Element, name: str) -> str:
    """An attribute's value in lower case, as ADF's enumerations compare."""
    return element.get(name, "").strip().lower()


class Reading:
    """One prospect being read: what has been used of it so far."""

    def __init__(self, prospect: Element):
        self.prospect = prospect
        self._texts: set[int] = set()
        self._attributes: set[tuple[int, str]] = set()

    def take(self, element: Element | None, *attributes: str) -> None:
        """Note the element's text, its descendants and the named
        attributes as used."""
        if element is not None:
            self._texts.add(id(element))
            self.take_attributes(element, *attributes)

    def take_attributes(self, element: Element | None, *attributes: str) -> None:
        if element is not None:
            self._attributes.update((id(element), name) for name in attributes)

    def leftovers(self) -> dict[str, str]:
        """Every text and attribute not used, by path from the prospect:
        "customer/contact/phone[3]", "vehicle[2]/price/@type"."""
        found: dict[str, str] = {}
        stack = [(self.prospect, "", 0)]
        # A loop, not recursion: a hostile document may nest very deep.
        while stack:
            element, path, depth = stack.pop()
            for name, value in element.attrib.items():
                if (id(element), name) not in self._attributes and value.strip():
                    found[f"{path}/@{name}" if path else f"@{name}"] = value.strip()
            if id(element) in self._texts:
                continue
            if depth == MAX_DEPTH:
                if text_of(element):
                    found[path] = text_of(element)
                continue
            text = (element.text or "").strip()
            if text and path:
                found[path] = text
            stack.extend(reversed(_children_paths(element, path, depth)))
        return found


def _children_paths(element: Element, path: str, depth: int) -> list:
    """(child, its path, its depth) for each child; a tag met more than once
    among its siblings is numbered: "phone[2]"."""
    counts: dict[str, int] = {}
    for child in element:
        counts[child.tag] = counts.get(child.tag, 0) + 1
    seen: dict[str, int] = {}
    children = []
    for child in element:
        step = child.tag
        if counts[step] > 1:
            seen[step] = seen.get(step, 0) + 1
            step = f"{step}[{seen[step]}]"
        children.append((child, f"{path}/{step}" if path else step, depth + 1))
    return children
