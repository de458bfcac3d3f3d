"""Finding the ADF document in an email: body, attachment or HTML, in any
transfer encoding and charset."""

import pytest

from leads.intake.adf import RejectedDocument, read_adf
from tests.intake.adf_corpus import corpus_bytes, read_corpus

GENEVIEVE = {
    "first_name": "Geneviève",
    "last_name": "Bélanger",
    "address_line1": "1200, rue Saint-Jean",
    "city": "Québec",
    "province": "QC",
    "postal_code": "G1R 1S8",
    "country": "CA",
    "comment": "Essai routier samedi matin si possible. Merci!",
    "division": "new",
}


def test_xml_as_the_whole_plain_body_without_its_signature():
    document = read_corpus("plain-body.eml")

    assert document.found_in == "the email's text/plain"
    assert document.repairs == ["text after the XML"]
    assert document.xml.endswith("</adf>")
    assert document.prospects[0].lead["last_name"] == "Belanger"


def test_base64_xml_attachment_of_a_mixed_message():
    document = read_corpus("attachment-base64.eml")

    assert document.found_in == 'the email\'s application/xml part "lead-3141.xml"'
    assert document.prospects[0].lead == GENEVIEVE


def test_quoted_printable_x_adf_xml_attachment_beside_an_html_note():
    document = read_corpus("attachment-x-adf-xml.eml")

    assert document.found_in == "the email's application/x-adf+xml"
    assert document.prospects[0].vendor_lead_id == "AutoHebdo:AH-551-2093#1"


def test_attachment_known_only_by_its_xml_file_name():
    document = read_corpus("attachment-octet-stream.eml")

    assert document.found_in == (
        'the email\'s application/octet-stream part "adf_lead_ah-551-2093.xml"'
    )
    assert document.prospects[0].lead["last_name"] == "Raman"


def test_xml_escaped_in_the_html_part_of_an_alternative_message():
    document = read_corpus("html-escaped.eml")

    assert document.found_in == "the email's text/html"
    assert document.repairs == [
        "XML escaped inside HTML",
        "text before the XML",
        "text after the XML",
    ]
    assert document.prospects[0].lead == GENEVIEVE
    assert document.prospects[0].unmapped == {"customer/contact/address/@type": "home"}


def test_raw_tags_in_a_quoted_printable_html_body():
    document = read_corpus("html-raw-tags.eml")

    assert document.repairs == [
        "HTML tags inside the XML",
        "text before the XML",
        "text after the XML",
    ]
    assert document.prospects[0].lead == GENEVIEVE


def test_latin_1_quoted_printable_body_reads_quebec():
    document = read_corpus("latin1-quoted-printable.eml")

    assert document.repairs == []
    assert document.prospects[0].lead == GENEVIEVE


def test_windows_1252_body_declared_iso_8859_1_keeps_its_curly_apostrophes():
    document = read_corpus("windows-1252-8bit.eml")

    [prospect] = document.prospects
    assert prospect.lead["city"] == "Trois-Rivières"
    assert prospect.lead["comment"] == (
        "J’aimerais l’essayer «cette semaine». Échange possible?"
    )
    assert prospect.lead["first_name"] == "François"


def test_email_forwarded_as_an_attachment():
    document = read_corpus("forwarded-as-attachment.eml")

    assert document.prospects[0].vendor_lead_id == "AutoHebdo:AH-551-2093#1"


def test_email_told_by_its_content_type_as_well_as_by_its_headers():
    with_type = read_corpus("attachment-base64.eml", content_type="message/rfc822")

    assert with_type == read_corpus("attachment-base64.eml")


def test_email_without_adf_says_what_it_had():
    with pytest.raises(RejectedDocument) as rejected:
        read_corpus("no-adf.eml")

    assert str(rejected.value) == (
        "no ADF document in the email (its parts: text/plain, text/html)"
    )


def test_xml_content_type_is_read_as_xml_whatever_it_starts_with():
    raw = b"Subject: New lead\r\n\r\n" + corpus_bytes("adf-before-xml.xml")

    as_xml = read_adf(raw, content_type="text/xml; charset=utf-8")
    as_unknown = read_adf(raw)

    assert as_xml.found_in == "the whole input"
    assert as_xml.repairs[0] == "text before the XML"
    assert as_unknown.found_in == "the email's text/plain"
