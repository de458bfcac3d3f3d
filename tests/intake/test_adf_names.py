"""Names as feeds write them: in parts, whole, or a business's."""

import pytest

from leads.intake.adf.names import Name, split_full_name
from tests.intake.adf_corpus import read_corpus


def names_read() -> list[dict]:
    return [prospect.lead for prospect in read_corpus("names.xml").prospects]


def test_full_name_part_is_split_at_the_last_word():
    assert names_read()[0] == {"first_name": "Marie-Ève", "last_name": "St-Pierre"}


def test_full_name_type_is_split_from_its_particle():
    assert names_read()[1] == {"first_name": "Jean", "last_name": "de la Fontaine"}


def test_first_and_last_parts_are_read_and_the_middle_one_kept_aside():
    prospect = read_corpus("names.xml").prospects[2]

    assert prospect.lead == {"first_name": "Olivia", "last_name": "Nguyen"}
    assert prospect.unmapped == {
        "customer/contact/name[2]/@part": "middle",
        "customer/contact/name[2]": "Grace",
    }


def test_surname_part_is_the_last_name():
    prospect = read_corpus("names.xml").prospects[3]

    assert prospect.lead == {"first_name": "Darnell", "last_name": "Washington"}
    assert prospect.unmapped == {}


def test_business_name_makes_a_business_lead_with_its_contact_person():
    assert names_read()[4] == {
        "business": True,
        "business_name": "Groupe Transport Lévesque inc.",
        "first_name": "Martin",
        "last_name": "Lévesque",
    }


def test_name_without_part_is_a_full_name_last_name_first_after_a_comma():
    assert names_read()[5] == {"first_name": "Jane", "last_name": "Doe"}


def test_title_of_a_full_name_is_the_civility():
    assert names_read()[6] == {
        "civility": "ms",
        "first_name": "Nathalie",
        "last_name": "Roy",
    }


@pytest.mark.parametrize(
    ("full", "expected"),
    [
        ("Marie-Ève St-Pierre", Name("", "Marie-Ève", "St-Pierre")),
        ("Jean de la Fontaine", Name("", "Jean", "de la Fontaine")),
        ("Mary Ann Smith", Name("", "Mary Ann", "Smith")),
        ("Ludwig van Beethoven", Name("", "Ludwig", "van Beethoven")),
        ("Jean-Claude Van Damme", Name("", "Jean-Claude", "Van Damme")),
        ("Oscar dos Santos", Name("", "Oscar", "dos Santos")),
        ("John Smith Jr.", Name("", "John", "Smith Jr.")),
        ("John Smith, Jr.", Name("", "John", "Smith Jr.")),
        ("Tremblay, Marc-André", Name("", "Marc-André", "Tremblay")),
        ("  Jean   Dupuis  ", Name("", "Jean", "Dupuis")),
        ("Madonna", Name("", "Madonna", "")),
        ("Mr. Smith", Name("mr", "", "Smith")),
        ("Mme Julie Roy", Name("ms", "Julie", "Roy")),
        ("Dr. Ana Lima", Name("dr", "Ana", "Lima")),
        ("M Smith", Name("", "M", "Smith")),
        ("Le Duc", Name("", "Le", "Duc")),
        ("", Name("", "", "")),
    ],
)
def test_full_name_split(full, expected):
    assert split_full_name(full) == expected
