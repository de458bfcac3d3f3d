"""Bytes to text: the XML's declaration, then the transport's charset,
then UTF-8, then Windows-1252."""

from leads.intake.adf import read_adf
from tests.intake.adf_corpus import corpus_bytes, read_corpus

HELENE = {
    "first_name": "Hélène",
    "last_name": "Bédard",
    "city": "Lévis",
    "province": "QC",
    "country": "CA",
    "comment": "Disponible après 17 h, à Québec.",
    "division": "used",
}


def test_declared_iso_8859_1_is_honoured():
    document = read_corpus("iso-8859-1-declared.xml")

    assert document.repairs == []
    assert document.prospects[0].lead == HELENE


def test_declaration_wins_over_the_transports_charset():
    document = read_corpus(
        "iso-8859-1-declared.xml", content_type="application/xml; charset=utf-8"
    )

    assert document.prospects[0].lead == HELENE


def test_utf_8_declared_as_iso_8859_1_is_read_as_utf_8():
    document = read_corpus("utf-8-declared-iso-8859-1.xml")

    assert document.repairs == ["declared ISO-8859-1 but written in UTF-8"]
    assert document.prospects[0].lead == HELENE


def test_undeclared_latin_1_falls_back_from_utf_8():
    document = read_corpus("latin-1-undeclared.xml")

    assert document.repairs == ["not UTF-8: read as Windows-1252"]
    assert document.prospects[0].lead == HELENE


def test_transports_charset_reads_an_undeclared_document():
    document = read_corpus(
        "latin-1-undeclared.xml", content_type="text/xml; charset=ISO-8859-1"
    )

    assert document.repairs == []
    assert document.prospects[0].lead == HELENE


def test_utf_16_with_its_byte_order_mark():
    document = read_corpus("utf-16-bom.xml")

    assert document.prospects[0].lead == HELENE


def test_undeclared_utf_8_is_utf_8():
    raw = corpus_bytes("utf-8-declared-iso-8859-1.xml").replace(
        b' encoding="ISO-8859-1"', b""
    )

    document = read_adf(raw)

    assert document.repairs == []
    assert document.prospects[0].lead == HELENE
