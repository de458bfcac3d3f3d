"""The ADF corpus: documents shaped like real feeds, in tests/data/adf/."""

from pathlib import Path

from leads.intake.adf import Document, read_adf

CORPUS = Path(__file__).resolve().parent.parent / "data" / "adf"


def corpus_bytes(name: str) -> bytes:
    return (CORPUS / name).read_bytes()


def read_corpus(name: str, content_type: str = "") -> Document:
    return read_adf(corpus_bytes(name), content_type=content_type)
