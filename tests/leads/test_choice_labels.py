"""Every choice label an agent reads in French is our translation of it.

Django's own catalogue translates short English words for its own pages
("Home" is the breadcrumb's "Accueil"): a label that our catalogue lacks
would silently borrow such a translation wherever it is shown.
"""

import gettext
from pathlib import Path

import pytest
from django.apps import apps
from django.utils import translation
from django.utils.functional import Promise

LOCALE = Path(__file__).resolve().parent.parent.parent / "locale"
# Named by ISO code lists that carry their own translations.
LIBRARY_LABELED = {"country", "province", "locale"}


def our_catalogue() -> gettext.GNUTranslations:
    """Our French catalogue alone (scripts/test compiles it)."""
    return gettext.translation("django", LOCALE, languages=["fr"])


def choice_labels():
    """Each translatable choice label of our models, with where it is."""
    for model in apps.get_models():
        if model._meta.app_label not in ("leads", "accounts"):
            continue
        for field in model._meta.get_fields():
            if field.name in LIBRARY_LABELED or not getattr(field, "choices", None):
                continue
            for value, label in field.flatchoices:
                if isinstance(label, Promise):
                    yield f"{model._meta.label}.{field.name}={value}", label


LABELS = dict(choice_labels())


def test_the_contact_types_are_among_the_labels_checked():
    assert "leads.LeadPhone.type=home" in LABELS
    assert "leads.LeadEmail.type=work" in LABELS


@pytest.mark.parametrize("where", LABELS)
def test_choice_label_in_french_is_ours(where):
    label = LABELS[where]
    # A lazy label keeps what it was made from: (message,) for gettext,
    # (context, message) for pgettext.
    *context, message = label._args
    catalogue = our_catalogue()
    ours = (
        catalogue.pgettext(*context, message) if context else catalogue.gettext(message)
    )

    with translation.override("fr"):
        shown = str(label)

    assert shown == ours, f"{where}: {shown!r} does not come from our catalogue"


def test_a_home_phone_is_not_a_home_page_in_french():
    home = LABELS["leads.LeadPhone.type=home"]

    with translation.override("fr"):
        assert str(home) == "Maison"
