"""Reading an uploaded CSV file: its encoding, delimiter, header and rows.

Spreadsheets and other CRMs write UTF-8, with or without a byte order mark,
or Windows-1252 (Excel's "CSV" on a French or English Windows). The file is
read as UTF-8 if all of it decodes strictly as UTF-8, else as Windows-1252;
the five bytes Windows-1252 leaves undefined make it Latin-1. The delimiter
is whichever of comma, semicolon (Excel in French) and tab the header line
holds most of, outside quotes.

The whole file is read once when it is uploaded, so one that is not CSV
all through is refused then, with its row count known for the progress.
"""

import codecs
import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from django.utils.translation import gettext_lazy as _

# Bigger files are refused at upload. Memory does not grow with the file
# (it is streamed); the upload request's time does. Our own export of
# 100,000 leads is 57 MB, read at upload in 0.6-1.1 s (bench/README.md,
# "CSV import"): 100 MB takes a dealership of 175,000 leads in one file.
MAX_BYTES = 100 * 1024 * 1024
CHUNK = 1024 * 1024
DELIMITERS = [",", ";", "\t"]
ENCODINGS = ["utf-8-sig", "cp1252", "latin-1"]
# What starts a spreadsheet or another binary file rather than text: a
# ZIP (.xlsx, .ods), an OLE document (.xls), a PDF.
BINARY_STARTS = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"%PDF")
QUOTED = re.compile(r'"[^"]*"')
# A header cell holds a name; one like these is a row of data.
DATA_CELL = re.compile(r"[^@]+@[^@]+|[\d\s()+\-./:]*\d{3}[\d\s()+\-./:]*")

EMPTY = _("The file is empty.")
NOT_TEXT = _(
    "This is not a CSV text file. Save a spreadsheet as CSV (comma or "
    "semicolon separated) first."
)
TOO_BIG = _("The file is over %(limit)s MB; split it into smaller files.")
NO_HEADER = _("The file has no header row: its first row must name the columns.")
DATA_HEADER = _(
    "The first row looks like data (%(cell)s), not column names: add a header "
    "row naming the columns."
)
BAD_CSV = _("Row %(row)s cannot be read as CSV: %(error)s")


class UnreadableFile(ValueError):
    """Why an uploaded file cannot be imported, in words for the manager."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Layout:
    """How a file is written, and its size in rows."""

    encoding: str
    delimiter: str
    header: list[str]
    total_rows: int


def inspect(file: BinaryIO, size: int) -> Layout:
    """The layout of an uploaded file; UnreadableFile if it cannot be read."""
    if size > MAX_BYTES:
        raise UnreadableFile(TOO_BIG % {"limit": MAX_BYTES // (1024 * 1024)})
    file.seek(0)
    head = file.read(CHUNK)
    if not head.lstrip(codecs.BOM_UTF8 + b" \t\r\n"):
        raise UnreadableFile(EMPTY)
    if head.startswith(BINARY_STARTS) or b"\x00" in head:
        raise UnreadableFile(NOT_TEXT)
    encoding = detect_encoding(file)
    file.seek(0)
    text = io.TextIOWrapper(file, encoding=encoding, newline="")
    try:
        delimiter = detect_delimiter(text.readline())
        text.seek(0)
        records = csv.reader(text, delimiter=delimiter)
        header = check_header(next(records, []))
        total = 0
        try:
            for cells in records:
                total += bool(cells)
        except csv.Error as error:
            row = records.line_num
            raise UnreadableFile(BAD_CSV % {"row": row, "error": error}) from None
    finally:
        text.detach()  # the upload stays open for Django to store it
    return Layout(encoding, delimiter, header, total)


def detect_encoding(file: BinaryIO) -> str:
    """The first of ENCODINGS that decodes all of `file`."""
    for encoding in ENCODINGS:
        decoder = codecs.getincrementaldecoder(encoding)("strict")
        file.seek(0)
        try:
            while chunk := file.read(CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        return encoding
    raise AssertionError("Latin-1 decodes every byte")


def detect_delimiter(line: str) -> str:
    """The delimiter the header line holds most of outside quotes; comma
    on a tie (a file of one column)."""
    unquoted = QUOTED.sub("", line)
    return max(DELIMITERS, key=unquoted.count)


def check_header(cells: list[str]) -> list[str]:
    names = [cell.strip() for cell in cells]
    if not any(names):
        raise UnreadableFile(NO_HEADER)
    for name in names:
        if DATA_CELL.fullmatch(name):
            raise UnreadableFile(DATA_HEADER % {"cell": name})
    return names


def read_rows(
    file: BinaryIO, encoding: str, delimiter: str
) -> Iterator[tuple[int, list[str]]]:
    """The rows after the header, each with its number as a spreadsheet
    shows it (the header is row 1); empty lines are not rows."""
    text = io.TextIOWrapper(file, encoding=encoding, newline="")
    records = csv.reader(text, delimiter=delimiter)
    next(records, None)
    for number, cells in enumerate(records, start=2):
        if cells:
            yield number, cells
