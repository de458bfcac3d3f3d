"""How an uploaded file is read: encoding, delimiter, header, refusals."""

import codecs
import io

import pytest

from leads.imports.reading import (
    MAX_BYTES,
    UnreadableFile,
    inspect,
    read_rows,
)


def layout_of(content: bytes):
    return inspect(io.BytesIO(content), len(content))


def rows_of(content: bytes):
    layout = layout_of(content)
    file = io.BytesIO(content)
    return list(read_rows(file, layout.encoding, layout.delimiter))


def test_semicolons_are_detected_from_the_header_line():
    content = "Prénom;Nom;Courriel\nJean;Tremblay;jean@mail.example\n".encode()

    layout = layout_of(content)

    assert layout.delimiter == ";"
    assert layout.header == ["Prénom", "Nom", "Courriel"]
    assert rows_of(content) == [(2, ["Jean", "Tremblay", "jean@mail.example"])]


def test_commas_inside_quotes_do_not_count_for_the_delimiter():
    content = b'"Name, full";Email\n"Roy, Luc";luc@mail.example\n'

    assert layout_of(content).delimiter == ";"


def test_windows_1252_is_read_with_its_accents():
    content = "Prénom;Nom\nHélène;Côté — fils\n".encode("cp1252")

    layout = layout_of(content)

    assert layout.encoding == "cp1252"
    assert rows_of(content) == [(2, ["Hélène", "Côté — fils"])]


def test_bytes_windows_1252_leaves_undefined_are_read_as_latin_1():
    content = b"Nom\nA\x81B\n"

    assert layout_of(content).encoding == "latin-1"
    assert rows_of(content) == [(2, ["A\x81B"])]


def test_a_byte_order_mark_is_not_part_of_the_first_column():
    content = codecs.BOM_UTF8 + "first_name,last_name\nÉloïse,Roy\n".encode()

    layout = layout_of(content)

    assert layout.header == ["first_name", "last_name"]
    assert rows_of(content) == [(2, ["Éloïse", "Roy"])]


def test_rows_are_numbered_as_a_spreadsheet_numbers_them():
    content = b'Name,Comment\nA,"two\nlines"\n\nB,x\n'

    assert rows_of(content) == [(2, ["A", "two\nlines"]), (4, ["B", "x"])]
    assert layout_of(content).total_rows == 2


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "empty"),
        (codecs.BOM_UTF8 + b"\r\n \r\n", "empty"),
        (b"PK\x03\x04\x14\x00\x06\x00", "not a CSV text file"),
        (b"Name\x00,Email\n", "not a CSV text file"),
        (b",,\n", "no header row"),
        (b"Jean,Tremblay,jean@mail.example\n", "looks like data"),
        (b"Luc,514-555-1234\n", "looks like data"),
    ],
)
def test_files_that_cannot_be_imported_are_refused_saying_why(content, words):
    with pytest.raises(UnreadableFile) as refusal:
        layout_of(content)

    assert words in str(refusal.value.message)


def test_a_file_over_the_limit_is_refused_before_it_is_read():
    with pytest.raises(UnreadableFile) as refusal:
        inspect(io.BytesIO(b"Name\n"), MAX_BYTES + 1)

    assert "100 MB" in str(refusal.value.message)
