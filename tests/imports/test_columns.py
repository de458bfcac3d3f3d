"""Which column fills what: our export's header maps itself, other
spellings are recognised, and the manager's choices are checked."""

from leads.csv_columns import HEADER
from leads.imports.columns import IGNORE, IGNORED_HEADERS, TARGETS, guess_mapping


def test_every_column_of_our_export_is_a_target_or_ignored():
    assert set(HEADER) == set(TARGETS) | set(IGNORED_HEADERS)


def test_our_export_header_maps_itself():
    mapping = guess_mapping(HEADER)

    assert mapping == [IGNORE if name in IGNORED_HEADERS else name for name in HEADER]


def test_other_spellings_are_recognised_whatever_case_accents_and_spaces():
    header = ["First Name", "NOM", "E-mail", "Cell", "Phone", "Prénom ", "Marque"]

    mapping = guess_mapping(header)

    assert mapping == [
        "first_name",
        "last_name",
        "email_home",
        "phone_mobile",
        "phone_home",
        IGNORE,  # the first name is taken by the first column
        "wanted_make",
    ]


def test_french_headers_are_recognised():
    header = ["Prénom", "Nom de famille", "Courriel", "Cellulaire", "Ville"]

    assert guess_mapping(header) == [
        "first_name",
        "last_name",
        "email_home",
        "phone_mobile",
        "city",
    ]


def test_unknown_columns_are_ignored():
    assert guess_mapping(["Favourite colour", ""]) == [IGNORE, IGNORE]
