"""Email addresses, phones and the address: one of each type, as written."""

from leads.intake.adf import read_adf
from tests.intake.adf_corpus import read_corpus


def test_first_email_is_home_second_work_third_kept_aside():
    [prospect] = read_corpus("contact-types.xml").prospects

    assert prospect.emails == [
        {"address": "karen.lindqvist@example.com", "type": "home"},
        {"address": "k.lindqvist@example-engineering.com", "type": "work"},
    ]
    assert prospect.unmapped["customer/contact/email[3]"] == "karen.l@example.org"


def test_phone_types_of_any_spelling_first_of_each_type_wins():
    [prospect] = read_corpus("contact-types.xml").prospects

    assert prospect.phones == [
        {"number": "705-555-0123", "type": "mobile"},
        {"number": "(705) 555-0144", "type": "home"},
        {"number": "705-555-0199 ext. 214", "type": "work"},
    ]


def test_fax_pager_and_later_numbers_of_a_type_are_kept_aside():
    [prospect] = read_corpus("contact-types.xml").prospects

    kept = {
        path: text
        for path, text in prospect.unmapped.items()
        if path.startswith("customer/contact/phone")
    }
    assert kept == {
        "customer/contact/phone[1]/@type": "fax",
        "customer/contact/phone[1]": "705-555-0170",
        "customer/contact/phone[2]/@time": "day",
        "customer/contact/phone[2]/@preferredcontact": "1",
        "customer/contact/phone[5]/@type": "mobile",
        "customer/contact/phone[5]": "705-555-0155",
        "customer/contact/phone[6]/@type": "pager",
        "customer/contact/phone[6]": "705-555-0166",
        "customer/contact/phone[7]/@type": "home",
        "customer/contact/phone[7]": "705-555-0133",
    }


def test_address_maps_to_the_leads_fields_with_iso_codes():
    [prospect] = read_corpus("attachment-base64.eml").prospects

    address = {
        key: value
        for key, value in prospect.lead.items()
        if key in {"address_line1", "city", "province", "postal_code", "country"}
    }
    assert address == {
        "address_line1": "1200, rue Saint-Jean",
        "city": "Québec",
        "province": "QC",
        "postal_code": "G1R 1S8",
        "country": "CA",
    }


def test_region_written_as_a_name_gives_province_and_country():
    [prospect] = read_corpus("windows-1252-8bit.eml").prospects

    assert prospect.lead["province"] == "QC"
    assert prospect.lead["country"] == "CA"


def test_region_outside_the_country_and_unknown_country_are_kept_aside():
    raw = (
        "<adf><prospect><customer><contact><name>Ann Lee</name>"
        "<phone>555-0100</phone><address><city>Calgary</city>"
        "<regioncode>QC</regioncode><country>US</country></address>"
        "</contact></customer></prospect><prospect><customer><contact>"
        "<name>Bo Lee</name><phone>555-0101</phone><address>"
        "<regioncode>Bavaria</regioncode><country>Atlantis</country>"
        "</address></contact></customer></prospect></adf>"
    )

    first, second = read_adf(raw.encode()).prospects

    assert first.lead["country"] == "US"
    assert "province" not in first.lead
    assert first.unmapped == {"customer/contact/address/regioncode": "QC"}
    assert second.unmapped == {
        "customer/contact/address/regioncode": "Bavaria",
        "customer/contact/address/country": "Atlantis",
    }


def test_same_address_or_number_twice_is_one_contact():
    raw = (
        "<adf><prospect><customer><contact><name>Ann Lee</name>"
        "<email>ann@example.com</email><email>ANN@example.com</email>"
        "<phone type='home'>555-0100</phone>"
        "<phone type='cellphone'>(555) 0100</phone>"
        "</contact></customer></prospect></adf>"
    )

    [prospect] = read_adf(raw.encode()).prospects

    assert prospect.emails == [{"address": "ann@example.com", "type": "home"}]
    assert prospect.phones == [{"number": "555-0100", "type": "home"}]
    assert prospect.unmapped == {}
