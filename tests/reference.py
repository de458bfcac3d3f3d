"""The Activix Lead object (tests/data/lead-object.md), as the tests read
it: the model, the API and the CSV are each checked against it."""

import re
from pathlib import Path

LEAD_REFERENCE = Path(__file__).parent / "data" / "lead-object.md"
_REFERENCE_ROW = re.compile(
    r"^\| `(?P<name>\w+)` \| (?P<type>\w+) \| (?P<description>.*) \|$"
)


def documented_attributes() -> list[dict[str, str]]:
    """The Lead object's attributes in its order: name, type, description."""
    rows = (
        _REFERENCE_ROW.match(line) for line in LEAD_REFERENCE.read_text().splitlines()
    )
    return [row.groupdict() for row in rows if row]


def documented_values(description: str) -> list[str]:
    """The bold values of "Possible values are **a**, **b** or **c**.".

    One bold run may hold several values: "**M, F**".
    """
    bold = ", ".join(re.findall(r"\*\*(.+?)\*\*", description))
    return [value.strip().rstrip(".").replace("\\_", "_") for value in bold.split(",")]
