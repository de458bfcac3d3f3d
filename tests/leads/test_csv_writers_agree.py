"""The CSV PostgreSQL makes with COPY: the Python path's file, byte for byte."""

import csv
import datetime
import io
import zoneinfo

import pytest
from django.db import connection
from django.db.models.functions import Lower
from django.utils import timezone

from leads import csv_columns, csv_copy, csv_python, exports
from leads.models import Lead
from tests.factories import (
    AccountFactory,
    LeadEmailFactory,
    LeadFactory,
    LeadPhoneFactory,
    LeadVehicleFactory,
    UserFactory,
)

TORONTO = zoneinfo.ZoneInfo("America/Toronto")
# What a spreadsheet or a CSV reader could trip on.
NASTY_TEXTS = [
    '=HYPERLINK("http://evil.example","Click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A2)",
    "\tTabbed",
    "\rReturned",
    'Say "hi", then leave',
    "two\nlines",
    "windows\r\nlines",
    "lone\rreturn",
    "Éloïse Gagné-Tremblay ✓",
    " leading and trailing ",
    "\\.",
    "50% off; a = b",
]


def python_csv(leads) -> bytes:
    return "".join(csv_python.iter_csv_text(leads)).encode()


def copy_csv(leads) -> bytes:
    return b"".join(csv_copy.iter_csv_bytes(leads))


def csv_ids(body: bytes) -> list[str]:
    text = body.decode("utf-8-sig")
    return [row["id"] for row in csv.DictReader(io.StringIO(text, newline=""))]


@pytest.fixture
def nasty_leads(account):
    """Leads with every kind of value a cell can hold, and no value at all."""
    staff = [
        UserFactory(account=account, first_name="Julie", last_name="Roy"),
        UserFactory(account=account, username="jroy", first_name="", last_name=""),
        UserFactory(account=account, first_name="\u00a0\tAnne", last_name="\u3000"),
        UserFactory(account=account, first_name="=Evil", last_name="", email=""),
    ]
    leads = [LeadFactory(account=account)]  # every optional value empty
    for index, text in enumerate(NASTY_TEXTS):
        lead = LeadFactory(
            account=account,
            first_name=text[:100],
            last_name=text[:100],
            city=text[:100],
            comment=text,
            business_name=text,
            source=text[:100],
            bdc=staff[index % len(staff)],
            advisor=staff[(index + 1) % len(staff)],
            service_agent=staff[(index + 2) % len(staff)],
        )
        LeadVehicleFactory(lead=lead, type="wanted", make=text[:100], trim=text[:100])
        leads.append(lead)
    busy = LeadFactory(
        account=account,
        business=True,
        loyalty=True,
        rating=5,
        gender=2,
        average_spending=0,
        birth_date=datetime.date(1980, 2, 29),
        created_at=datetime.datetime(2024, 1, 15, 9, 5, 7, 999999, tzinfo=TORONTO),
        appointment_date=datetime.datetime(2024, 7, 1, 23, 30, tzinfo=TORONTO),
        sale_date=datetime.datetime(2024, 11, 3, 1, 30, tzinfo=datetime.UTC),
        commercial=staff[1],
        service_advisor=staff[2],
    )
    LeadEmailFactory(lead=busy, type="home", address="=home@mail.example")
    LeadEmailFactory(lead=busy, type="work", address="work@mail.example")
    for type_ in ("work", "home", "mobile"):
        LeadPhoneFactory(lead=busy, type=type_)
    LeadVehicleFactory(lead=busy, type="exchange", year=2015, make="Honda", vin="V1")
    LeadVehicleFactory(lead=busy, type="wanted", year=None, make="Toyota")
    LeadVehicleFactory(lead=busy, type="wanted", year=2024, make="Lexus")
    leads.append(busy)
    return leads


@pytest.mark.django_db
def test_copy_matches_the_python_file_byte_for_byte(nasty_leads):
    leads = Lead.objects.order_by("-id")

    copied = copy_csv(leads)

    assert copied == python_csv(leads)
    assert csv_ids(copied) == [str(lead.id) for lead in reversed(nasty_leads)]


@pytest.mark.django_db
def test_copy_writes_times_in_the_active_time_zone(nasty_leads):
    leads = Lead.objects.order_by("-id")

    with timezone.override("America/Vancouver"):
        copied = copy_csv(leads)
        expected = python_csv(leads)

    assert copied == expected
    assert b",2024-01-15T06:05:07-08:00," in copied


@pytest.mark.parametrize(
    "ordering",
    [
        ["-created_at", "-id"],
        ["account", "-pk"],
        ["-account", "pk"],
        ["bdc__first_name", "-pk"],
        ["-bdc__first_name", "pk"],
        ["rating", "id"],
        [Lower("last_name").desc(nulls_last=True), "id"],
    ],
)
@pytest.mark.django_db
def test_copy_keeps_the_lists_order(ordering):
    zebra, alpha = AccountFactory(name="Zebra Motors"), AccountFactory(name="Alpha")
    julie = UserFactory(account=zebra, first_name="Julie")
    marc = UserFactory(account=alpha, first_name="Marc")
    for account, bdc, name, rating in [
        (zebra, julie, "Roy", 3),
        (alpha, marc, "caron", None),
        (zebra, None, "Bédard", 1),
        (alpha, marc, "", 3),
    ]:
        LeadFactory(account=account, bdc=bdc, last_name=name, rating=rating)
    leads = Lead.objects.order_by(*ordering)

    copied = copy_csv(leads)

    assert csv_ids(copied) == [str(pk) for pk in leads.values_list("pk", flat=True)]
    assert copied == python_csv(leads)


@pytest.mark.django_db
def test_copy_yields_bytes_as_the_server_sends_them(account, monkeypatch):
    monkeypatch.setattr(csv_copy, "BYTES_PER_PIECE", 1)
    LeadFactory.create_batch(3, account=account)

    pieces = list(csv_copy.iter_csv_bytes(Lead.objects.all()))

    assert len(pieces) >= 4
    assert all(piece.endswith(b"\r\n") for piece in pieces)


@pytest.mark.django_db
def test_copy_of_no_leads_is_the_header_alone(account):
    LeadFactory(account=account)
    counted = []

    body = b"".join(
        csv_copy.iter_csv_bytes(Lead.objects.none(), on_complete=counted.append)
    )

    assert body == csv_columns.header_text().encode()
    assert counted == [0]


@pytest.mark.django_db
def test_abandoned_download_leaves_the_connection_as_it_was(account, monkeypatch):
    monkeypatch.setattr(csv_copy, "BYTES_PER_PIECE", 1)
    LeadFactory.create_batch(3, account=account)
    pieces = csv_copy.iter_csv_bytes(Lead.objects.all())
    next(pieces), next(pieces)

    pieces.close()

    # Django reads and writes times in UTC on its connections.
    assert connection.connection.info.parameter_status("TimeZone") == "UTC"
    assert Lead.objects.count() == 3


@pytest.mark.django_db
def test_a_slice_of_leads_is_exported_by_python(account):
    leads = LeadFactory.create_batch(3, account=account)

    response = exports.csv_response(Lead.objects.order_by("id")[:2])

    body = b"".join(response.streaming_content)
    assert csv_ids(body) == [str(lead.id) for lead in leads[:2]]
