"""Whether two people's names agree: how a shared phone is told apart from
a household's ("Sophie" and "Stéphane" Lavoie share one number).

Names agree when the last names are the same and the first names are the
same, one a prefix of at least 3 letters of the other ("Steph" /
"Stéphane"), or close (an edit distance of 1 per 5 letters, at least 1:
"Stéphane" / "Stephanne"), accents and case ignored, or when one gives no
first name; or when either lead has no name at all: nothing says they
differ.
"""

import unicodedata

MIN_PREFIX = 3


def plain(name: str) -> str:
    """`name` without accents, case or surrounding spaces."""
    decomposed = unicodedata.normalize("NFKD", name.strip().casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def names_agree(first: tuple[str, str], second: tuple[str, str]) -> bool:
    """`first` and `second` are (first name, last name) pairs."""
    first_given, first_family = map(plain, first)
    second_given, second_family = map(plain, second)
    if not (first_given or first_family) or not (second_given or second_family):
        return True
    if first_family != second_family:
        return False
    return given_names_agree(first_given, second_given)


def given_names_agree(one: str, other: str) -> bool:
    if one == other:
        return True
    if not one or not other:
        return True  # a last name alone does not say they differ
    shorter, longer = sorted((one, other), key=len)
    if len(shorter) >= MIN_PREFIX and longer.startswith(shorter):
        return True
    allowed = max(1, len(longer) // 5)
    return edit_distance(one, other, limit=allowed) <= allowed


def edit_distance(one: str, other: str, *, limit: int) -> int:
    """Levenshtein distance, given up (limit + 1) once past `limit`."""
    if abs(len(one) - len(other)) > limit:
        return limit + 1
    previous = list(range(len(other) + 1))
    for row, char in enumerate(one, start=1):
        current = [row]
        for column, other_char in enumerate(other, start=1):
            current.append(
                min(
                    previous[column] + 1,
                    current[column - 1] + 1,
                    previous[column - 1] + (char != other_char),
                )
            )
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]
