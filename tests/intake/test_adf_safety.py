"""Hostile XML: entities that expand or read files, DTDs that would be
fetched, and documents too big to read. Refused, never followed."""

import socket
from pathlib import Path

import pytest

from leads.intake.adf import MAX_DOCUMENT_BYTES, RejectedDocument, read_adf
from tests.intake.adf_corpus import corpus_bytes, read_corpus

CUSTOMER = (
    "<customer><contact><name part='full'>Eve Probe</name>"
    "<email>eve@example.com</email></contact><comments>{}</comments></customer>"
)


def refusal(raw: bytes) -> str:
    """Everything a refusal carries that a person or a log could see."""
    with pytest.raises(RejectedDocument) as rejected:
        read_adf(raw)
    return f"{rejected.value} {rejected.value!r} {rejected.value.args!r}"


@pytest.fixture
def listening_port():
    """A port on this machine that would see any connection attempt."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        server.setblocking(False)
        yield server
        with pytest.raises(BlockingIOError):
            server.accept()  # nobody connected


def test_billion_laughs_is_refused_at_its_first_entity():
    with pytest.raises(RejectedDocument) as rejected:
        read_corpus("billion-laughs.xml")

    assert str(rejected.value) == (
        "an entity expansion (a 'billion laughs' bomb) was refused: "
        'the XML declares the entity "lol"'
    )


def test_external_entity_to_etc_passwd_is_refused_unread():
    first_line = Path("/etc/passwd").read_text().splitlines()[0]

    seen = refusal(corpus_bytes("external-entity.xml"))

    assert seen.startswith(
        'the XML declares an external entity ("passwd", file:///etc/passwd); '
        "it was not read"
    )
    assert first_line not in seen


def test_external_entity_file_content_appears_nowhere(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("MARKER-7f3a9c")
    raw = (
        f'<!DOCTYPE adf [<!ENTITY s SYSTEM "{secret.as_uri()}">]>'
        f"<adf><prospect>{CUSTOMER.format('&s;')}</prospect></adf>"
    )

    seen = refusal(raw.encode())

    assert seen.startswith("the XML declares an external entity")
    assert "MARKER-7f3a9c" not in seen


def test_external_parameter_entity_is_refused_without_a_request(listening_port):
    port = listening_port.getsockname()[1]
    raw = (
        f'<!DOCTYPE adf [<!ENTITY % remote SYSTEM "http://127.0.0.1:{port}/x.dtd">'
        f"%remote;]><adf><prospect>{CUSTOMER.format('hi')}</prospect></adf>"
    )

    seen = refusal(raw.encode())

    assert seen.startswith('the XML declares an external entity ("remote", http://')


def test_dtd_reference_is_never_fetched(listening_port):
    port = listening_port.getsockname()[1]
    raw = (
        f'<?xml version="1.0"?><!DOCTYPE adf SYSTEM "http://127.0.0.1:{port}/adf.dtd">'
        f"<adf><prospect>{CUSTOMER.format('hi')}</prospect></adf>"
    )

    document = read_adf(raw.encode())

    assert document.prospects[0].lead["last_name"] == "Probe"


def test_dtd_file_is_never_read(tmp_path):
    dtd = tmp_path / "adf.dtd"
    dtd.write_text('<!ENTITY greeting "MARKER-DTD-51e0">')
    raw = (
        f'<!DOCTYPE adf SYSTEM "{dtd.as_uri()}">'
        f"<adf><prospect>{CUSTOMER.format('&greeting;')}</prospect></adf>"
    )

    document = read_adf(raw.encode())

    assert "MARKER-DTD-51e0" not in repr(document)
    assert document.prospects[0].lead["comment"] == "&greeting;"
    assert document.repairs == ["undefined entities"]


def test_input_over_the_limit_is_refused_before_parsing():
    filler = b"<!-- " + b"x" * 10_000_000 + b" -->"
    raw = corpus_bytes("adf-before-xml.xml").replace(b"<adf>", b"<adf>" + filler)

    with pytest.raises(RejectedDocument) as rejected:
        read_adf(raw)

    assert str(rejected.value) == (
        f"the document is {len(raw):,} bytes; the limit is 5,000,000"
    )


def test_input_at_the_limit_is_read():
    raw = corpus_bytes("adf-before-xml.xml")
    raw += b" " * (MAX_DOCUMENT_BYTES - len(raw))

    document = read_adf(raw)

    assert document.prospects[0].lead["last_name"] == "Tremblay"
