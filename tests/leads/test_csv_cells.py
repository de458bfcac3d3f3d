"""The CSV as PostgreSQL writes it: what each kind of cell holds, quoted and
defused as a spreadsheet needs, in the reader's time zone."""

import csv
import datetime
import io

import pytest
from django.utils import timezone

from leads.models import Lead
from tests.conftest import TORONTO, csv_ids, export_csv
from tests.factories import (
    LeadEmailFactory,
    LeadFactory,
    LeadPhoneFactory,
    LeadVehicleFactory,
    UserFactory,
)

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


def csv_rows(body: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"), newline="")))


def defused(text: str) -> str:
    """What a spreadsheet must be shown of customer text: as typed, but
    behind an apostrophe when it would start a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@pytest.fixture
def nasty_leads(account):
    """Leads with every kind of value a cell can hold, and no value at all."""
    staff = [
        UserFactory(
            account=account,
            username="julie",
            email="julie@lt.example",
            first_name="Julie",
            last_name="Roy",
        ),
        UserFactory(account=account, username="jroy", email="jroy@lt.example"),
        UserFactory(
            account=account,
            username="anne",
            email="anne@lt.example",
            first_name="\u00a0\tAnne",
            last_name="\u3000",
        ),
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
def test_customer_text_reaches_every_cell_as_typed_or_defused(nasty_leads):
    rows = {row["id"]: row for row in csv_rows(export_csv(Lead.objects.all()))}

    for lead, text in zip(nasty_leads[1:], NASTY_TEXTS, strict=False):
        row = rows[str(lead.pk)]
        # A name of spaces alone is still what was typed.
        assert row["first_name"] == defused(text[:100]), text
        assert row["comment"] == defused(text), text
        assert row["business_name"] == defused(text), text
        assert row["wanted_make"] == defused(text[:100]), text


@pytest.mark.django_db
def test_quotes_commas_and_line_breaks_are_quoted_as_rfc_4180_says(nasty_leads):
    body = export_csv(Lead.objects.all())

    assert b'"Say ""hi"", then leave"' in body
    assert b'"two\nlines"' in body
    assert b'"windows\r\nlines"' in body
    # Every record ends in CRLF, as csv.writer and RFC 4180 do.
    assert body.count(b"\r\n") >= len(nasty_leads) + 1


@pytest.mark.django_db
def test_staff_cells_show_names_as_the_admin_does(nasty_leads):
    rows = {row["id"]: row for row in csv_rows(export_csv(Lead.objects.all()))}
    named = {
        (row["bdc_name"], row["bdc_email"])
        for lead_id, row in rows.items()
        if lead_id != str(nasty_leads[0].pk) and row["bdc_name"]
    }

    assert ("Julie Roy", "julie@lt.example") in named
    # No name: the username. Names of blanks alone: stripped like str.strip().
    assert ("jroy", "jroy@lt.example") in named
    assert ("Anne", "anne@lt.example") in named
    # A name that reads as a formula is defused; no email is an empty cell.
    assert ("'=Evil", "") in named


@pytest.mark.django_db
def test_an_empty_lead_is_empty_cells_and_zero_counts(nasty_leads):
    [row] = [
        row
        for row in csv_rows(export_csv(Lead.objects.all()))
        if row["id"] == str(nasty_leads[0].pk)
    ]

    counts = ("email_count", "phone_count", "vehicle_count")
    assert {row[name] for name in counts} == {"0"}
    filled = {name for name, cell in row.items() if cell} - set(counts)
    # What every lead has: ids, times, its dealership, and the defaults.
    assert filled == {
        "id",
        "created_at",
        "updated_at",
        "account_id",
        "account_name",
        "business",
        "created_method",
        "gender",
        "loyalty",
        "prepaid",
        "reached_client",
        "service_cleaning_car",
        "invoiced",
        "type",
        "result",
    }


@pytest.mark.django_db
def test_a_busy_lead_reads_as_a_spreadsheet_expects(nasty_leads):
    busy = nasty_leads[-1]
    [row] = [
        row
        for row in csv_rows(export_csv(Lead.objects.all()))
        if row["id"] == str(busy.pk)
    ]

    assert (row["business"], row["loyalty"], row["prepaid"]) == (
        "true",
        "true",
        "false",
    )
    assert (row["rating"], row["gender"], row["average_spending"]) == ("5", "2", "0")
    assert row["birth_date"] == "1980-02-29"
    # Times in the site's zone (Toronto), whole seconds, with their offset.
    assert row["created_at"] == "2024-01-15T09:05:07-05:00"
    assert row["appointment_date"] == "2024-07-01T23:30:00-04:00"
    assert row["sale_date"] == "2024-11-02T21:30:00-04:00"
    assert (row["email_home"], row["email_work"]) == (
        "'=home@mail.example",
        "work@mail.example",
    )
    assert row["phone_work"] == "'" + busy.phones.get(type="work").number
    # The first wanted vehicle added is the one shown.
    assert (row["wanted_make"], row["wanted_year"]) == ("Toyota", "")
    assert (row["exchange_make"], row["exchange_year"], row["exchange_vin"]) == (
        "Honda",
        "2015",
        "V1",
    )
    assert (row["email_count"], row["phone_count"], row["vehicle_count"]) == (
        "2",
        "3",
        "3",
    )
    assert (row["commercial_name"], row["service_advisor_name"]) == ("jroy", "Anne")


@pytest.mark.django_db
def test_copy_lists_the_leads_in_the_querysets_order(nasty_leads):
    copied = export_csv(Lead.objects.order_by("-id"))

    assert csv_ids(copied) == [str(lead.id) for lead in reversed(nasty_leads)]


@pytest.mark.django_db
def test_copy_writes_times_in_the_active_time_zone(nasty_leads):
    with timezone.override("America/Vancouver"):
        copied = export_csv(Lead.objects.order_by("-id"))

    assert b",2024-01-15T06:05:07-08:00," in copied
