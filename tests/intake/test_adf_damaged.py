"""A damaged document is read or refused with a reason; it never raises
anything else for the intake to trip on."""

import pytest

from leads.intake.adf import Document, RejectedDocument, read_adf
from tests.intake.adf_corpus import CORPUS, corpus_bytes

DOCUMENTS = sorted(path.name for path in CORPUS.iterdir())
INSERTS = [b"<", b"&", b'"', "\u201c".encode(), b"<![CDATA[", b"<!--", b"\x00"]


def read_or_refuse(raw: bytes) -> Document | str:
    try:
        return read_adf(raw)
    except RejectedDocument as error:
        assert str(error)
        return str(error)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_truncated_anywhere(name):
    raw = corpus_bytes(name)

    for end in range(0, len(raw), max(1, len(raw) // 40)):
        read_or_refuse(raw[:end])


@pytest.mark.parametrize("name", DOCUMENTS)
def test_stray_markup_inserted_anywhere(name):
    raw = corpus_bytes(name)

    for position in range(0, len(raw), max(1, len(raw) // 15)):
        for insert in INSERTS:
            read_or_refuse(raw[:position] + insert + raw[position:])
