"""What comes before and around the elements: the specification's own
broken sample, prologs in every order and case, and the repairs that make
a feed's XML well-formed."""

from datetime import UTC, datetime
from decimal import Decimal

from leads.intake.adf import read_adf
from tests.intake.adf_corpus import read_corpus


def test_spec_style_sample_reads_as_one_purchase_request():
    document = read_corpus("spec-style-sample.xml")

    [prospect] = document.prospects
    assert prospect.status == "new"
    assert prospect.vendor_lead_id == "Northshore Auto Portal:NAP-000417#1"
    assert prospect.requested_at == datetime(2000, 3, 30, 23, 30, 20, tzinfo=UTC)
    assert prospect.lead == {
        "first_name": "John",
        "last_name": "Doe",
        "comment": "Is the Blazer still available? I’d like to see it Saturday.",
        "division": "used",
    }
    assert prospect.emails == [{"address": "john.doe@example.net", "type": "home"}]
    assert prospect.phones == [{"number": "393-999-3922", "type": "home"}]
    assert prospect.vehicles == [
        {
            "type": "wanted",
            "year": 1999,
            "make": "Chevrolet",
            "model": "Blazer",
            "trim": "LT",
            "odometer": "41,250 mi",
            "color_exterior": "Emerald Green",
            "color_interior": "Gray",
            "price": Decimal("17995.00"),
        }
    ]
    assert prospect.vendor == "Bellevue Chevrolet"
    assert prospect.provider == "Northshore Auto Portal (Used Vehicle Locator)"
    assert prospect.rejected == ""


def test_spec_style_sample_notes_each_repair():
    document = read_corpus("spec-style-sample.xml")

    assert document.repairs == [
        "<?xml?> declaration misplaced or malformed",
        "unquoted attribute values",
        "curly quotes",
    ]


def test_spec_style_sample_keeps_what_was_not_mapped():
    document = read_corpus("spec-style-sample.xml")

    assert document.prospects[0].unmapped == {
        "vehicle/colorcombination/preference": "1",
        "vehicle/price/@type": "asking",
        "vehicle/price/@currency": "USD",
        "customer/contact/phone/@time": "evening",
        "vendor/contact/name/@part": "full",
        "vendor/contact/name": "Fred Jones",
        "provider/url": "http://www.example.com/locator",
    }


def test_document_xml_is_the_text_read_after_repair():
    document = read_corpus("spec-style-sample.xml")

    assert '<ID SEQUENCE="1" SOURCE="Northshore Auto Portal">' in document.xml
    assert "<?XML" not in document.xml
    assert document.xml.startswith('<?ADF VERSION "1.0"?>')


def test_adf_instruction_before_the_xml_declaration_is_read():
    document = read_corpus("adf-before-xml.xml")

    assert document.repairs == ["<?xml?> declaration misplaced or malformed"]
    assert document.prospects[0].lead == {
        "first_name": "Sophie",
        "last_name": "Tremblay",
        "division": "new",
    }


def test_bom_and_whitespace_before_the_declaration_need_no_repair():
    document = read_corpus("bom-and-whitespace.xml")

    assert document.repairs == []
    assert document.xml.startswith('<?xml version="1.0" encoding="utf-8"?>')
    assert document.prospects[0].lead["last_name"] == "Gagnon"


def test_adf_version_attribute_is_not_a_prospect_value():
    document = read_corpus("bom-and-whitespace.xml")

    assert document.prospects[0].unmapped == {}


def test_upper_and_mixed_case_tags_are_read_and_end_tags_matched():
    document = read_corpus("mixed-case.xml")

    [prospect] = document.prospects
    assert document.repairs == [
        "<?xml?> declaration misplaced or malformed",
        "end tags in another case than their start tags",
    ]
    assert prospect.lead == {
        "first_name": "Mike",
        "last_name": "Kowalski",
        "division": "new",
    }
    assert prospect.emails == [{"address": "mike.k@example.org", "type": "home"}]
    assert prospect.vehicles == [
        {"type": "wanted", "year": 2024, "make": "Ford", "model": "F-150"}
    ]


def test_bare_ampersands_curly_and_missing_quotes_are_repaired():
    document = read_corpus("bare-ampersand.xml")

    [prospect] = document.prospects
    assert document.repairs == [
        "unquoted attribute values",
        "bare &",
        "curly quotes",
        "bare <",
        "HTML entities",
    ]
    assert prospect.vendor == "A&W Motors"
    assert prospect.provider == "A&W Leads"
    assert prospect.vendor_lead_id == "A&W Leads:AW-5512#1"
    assert prospect.lead["last_name"] == "O’Brien"


def test_bare_less_than_and_html_entities_read_as_their_characters():
    document = read_corpus("bare-ampersand.xml")

    [prospect] = document.prospects
    assert prospect.lead["comment"] == (
        "Saw it on A&W Motors\N{NO-BREAK SPACE}site. Québec plates OK?"
    )
    assert prospect.vehicles[0]["comment"] == (
        "Price < 25000 please, and a 2nd set of keys & mats"
    )


def test_curly_quotes_inside_a_quoted_value_are_content():
    raw = (
        '<adf><prospect><customer><contact><name part="full">Al Roy</name>'
        "<email>al@example.com</email></contact></customer>"
        '<formname title="the “Spring” event">x</formname></prospect></adf>'
    )

    document = read_adf(raw.encode())

    assert document.repairs == []
    assert document.prospects[0].unmapped["formname/@title"] == "the “Spring” event"


def test_control_characters_are_dropped():
    raw = (
        "<adf><prospect><customer><contact><name>Zoe\x0b Kim</name>"
        "<phone>555-0100\x1a</phone></contact></customer></prospect></adf>"
    )

    document = read_adf(raw.encode())

    assert document.repairs == ["control characters"]
    assert document.prospects[0].phones == [{"number": "555-0100", "type": "home"}]
