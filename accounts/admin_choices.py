"""The admin's country, province and language selects in the alphabetical
order of the reader's language: the models keep them in code order, which
their migrations record."""

import functools
import unicodedata

from django.db import models
from django.utils.translation import get_language

from .iso_choices import Country, Language, Province

# Known by their codes, which a model field's choices repeat in order.
LABEL_ORDERED = {
    tuple(choices.values): choices for choices in (Country, Province, Language)
}


def collation_key(label: str) -> str:
    """Accents and case aside, so that Égypte comes before Espagne rather
    than after Zimbabwe."""
    decomposed = unicodedata.normalize("NFKD", label.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@functools.cache
def _in_label_order(
    choices: type[models.Choices], language: str | None
) -> list[tuple[str, str]]:
    labelled = [(value, str(label)) for value, label in choices.choices]
    return sorted(labelled, key=lambda choice: collation_key(choice[1]))


def in_label_order(choices: type[models.Choices]) -> list[tuple[str, str]]:
    """The choices by label in the active language, sorted once per language
    and process rather than on every page."""
    return _in_label_order(choices, get_language())


class LabelOrderedChoicesMixin:
    """A ModelAdmin mixin showing country, province and language fields in
    label order."""

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        field = super().formfield_for_choice_field(db_field, request, **kwargs)
        choices = LABEL_ORDERED.get(tuple(value for value, _ in db_field.choices))
        if choices is not None:
            # Django decides whether the select starts with a blank choice.
            blank = [choice for choice in field.choices[:1] if choice[0] == ""]
            field.choices = blank + in_label_order(choices)
        return field
