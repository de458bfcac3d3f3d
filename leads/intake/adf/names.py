"""A full name cut into first and last names, its title into a civility.

The rule (docs/adf.md): "Last, First" is read as written; otherwise the
family name starts at the first particle after the first word ("Jean de la
Fontaine": "Jean", "de la Fontaine"), or else is the last word ("Mary Ann
Smith": "Mary Ann", "Smith"). A suffix stays with the family name; one word
alone is a first name, unless a title shows it is a family name.
"""

from typing import NamedTuple

# Words that begin a family name, in any case: "de la Fontaine", "Van Damme".
PARTICLES = {
    "al",
    "da",
    "das",
    "de",
    "del",
    "della",
    "den",
    "der",
    "des",
    "di",
    "do",
    "dos",
    "du",
    "la",
    "le",
    "st",
    "st.",
    "ste",
    "ste.",
    "ten",
    "ter",
    "van",
    "von",
}
SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
# Lead.civility's values; "Mrs" has none of its own. "M" without its period
# is more likely an initial than "Monsieur".
TITLES = {
    **{title: "mr" for title in ["mr", "mr.", "m."]},
    **{title: "ms" for title in ["mrs", "mrs.", "ms", "ms.", "mme", "mme."]},
    **{title: "miss" for title in ["miss", "mlle", "mlle."]},
    **{title: "dr" for title in ["dr", "dr."]},
}


class Name(NamedTuple):
    civility: str
    first: str
    last: str


def split_full_name(full: str) -> Name:
    """full ("Marie-Ève St-Pierre") as Name("", "Marie-Ève", "St-Pierre")."""
    before, comma, after = full.partition(",")
    if comma and after.strip() and after.strip().lower() not in SUFFIXES:
        civility, first = _without_title(after.split())
        return Name(civility, " ".join(first), before.strip())
    civility, words = _without_title(full.replace(",", " ").split())
    if not words:
        return Name(civility, "", "")
    suffix = []
    if len(words) > 1 and words[-1].lower() in SUFFIXES:
        suffix = [words.pop()]
    if len(words) == 1:
        alone = " ".join(words + suffix)
        return Name(civility, "", alone) if civility else Name("", alone, "")
    # A particle never stands first (the first name) or last (the name).
    particles = (
        index
        for index, word in enumerate(words[1:-1], start=1)
        if word.lower() in PARTICLES
    )
    start = next(particles, len(words) - 1)
    first, last = words[:start], words[start:] + suffix
    return Name(civility, " ".join(first), " ".join(last))


def _without_title(words: list[str]) -> tuple[str, list[str]]:
    """A leading title read as a civility, when a name follows it."""
    if len(words) > 1:
        civility = TITLES.get(words[0].lower())
        if civility:
            return civility, words[1:]
    return "", words
