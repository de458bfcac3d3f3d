"""The CSV of leads: its columns, cells, encoding and streaming."""

import csv
import datetime
import io
import re

import pytest
from django.http import StreamingHttpResponse

from leads import csv_columns, csv_copy, exports
from leads.models import Lead
from tests.conftest import TORONTO
from tests.factories import (
    LeadEmailFactory,
    LeadFactory,
    LeadPhoneFactory,
    LeadVehicleFactory,
    UserFactory,
)
from tests.reference import documented_attributes


def documented_scalar_attributes():
    return [
        attribute["name"]
        for attribute in documented_attributes()
        if attribute["type"] not in ("object", "array")
    ]


def export_rows(leads):
    text = b"".join(csv_copy.iter_csv_bytes(leads)).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_header_starts_with_every_scalar_attribute_in_reference_order():
    documented = documented_scalar_attributes()

    assert csv_columns.HEADER[: len(documented)] == documented
    assert csv_columns.HEADER[len(documented) : len(documented) + 3] == [
        "result",
        "comment",
        "business_name",
    ]


def test_header_ends_with_related_data_and_counts():
    related = csv_columns.HEADER[csv_columns.HEADER.index("account_name") :]

    assert related == [
        "account_name",
        "advisor_name",
        "advisor_email",
        "bdc_name",
        "bdc_email",
        "commercial_name",
        "commercial_email",
        "service_advisor_name",
        "service_advisor_email",
        "service_agent_name",
        "service_agent_email",
        "email_home",
        "email_work",
        "phone_home",
        "phone_work",
        "phone_mobile",
        "wanted_year",
        "wanted_make",
        "wanted_model",
        "wanted_trim",
        "wanted_vin",
        "exchange_year",
        "exchange_make",
        "exchange_model",
        "exchange_trim",
        "exchange_vin",
        "email_count",
        "phone_count",
        "vehicle_count",
    ]


@pytest.mark.django_db
def test_row_holds_the_lead_and_its_related_data(account):
    bdc = UserFactory(
        account=account, first_name="Julie", last_name="Roy", email="julie@lt.ca"
    )
    lead = LeadFactory(
        account=account,
        first_name="Éloïse",
        last_name="Gagné",
        division="new",
        business=True,
        rating=4,
        bdc=bdc,
        created_at=datetime.datetime(2024, 5, 1, 10, 30, tzinfo=TORONTO),
        birth_date=datetime.date(1980, 2, 29),
    )
    LeadEmailFactory(lead=lead, address="eloise@videotron.ca", type="work")
    LeadPhoneFactory(lead=lead, number="+15149871234", type="mobile")
    LeadVehicleFactory(lead=lead, type="exchange", year=2015, make="Honda", vin="V1")
    LeadVehicleFactory(lead=lead, type="wanted", year=2025, make="Toyota")
    LeadVehicleFactory(lead=lead, type="wanted", year=2024, make="Lexus")

    [row] = export_rows(Lead.objects.filter(pk=lead.pk))

    assert row["id"] == str(lead.id)
    assert row["account_id"] == str(account.id)
    assert row["first_name"] == "Éloïse"
    assert row["created_at"] == "2024-05-01T10:30:00-04:00"
    assert row["birth_date"] == "1980-02-29"
    assert (row["business"], row["loyalty"]) == ("true", "false")
    assert (row["rating"], row["odometer_last_visit"]) == ("4", "")
    assert (row["division"], row["status"], row["result"]) == ("new", "", "pending")
    assert row["account_name"] == "Lachance Toyota"
    assert (row["bdc_name"], row["bdc_email"]) == ("Julie Roy", "julie@lt.ca")
    assert (row["advisor_name"], row["advisor_email"]) == ("", "")
    assert (row["email_home"], row["email_work"]) == ("", "eloise@videotron.ca")
    # Phones are E.164; the leading "+" is defused like any formula.
    assert row["phone_mobile"] == "'+15149871234"
    assert (row["wanted_year"], row["wanted_make"]) == ("2025", "Toyota")
    assert (row["exchange_make"], row["exchange_vin"]) == ("Honda", "V1")
    assert (row["email_count"], row["phone_count"], row["vehicle_count"]) == (
        "1",
        "1",
        "3",
    )


@pytest.mark.django_db
def test_csv_has_one_row_per_lead_in_the_querysets_order(account):
    leads = [LeadFactory(account=account) for _ in range(3)]
    LeadEmailFactory(lead=leads[0], type="home")
    LeadEmailFactory(lead=leads[0], type="work")

    rows = export_rows(Lead.objects.order_by("-id"))

    assert [row["id"] for row in rows] == [str(lead.id) for lead in reversed(leads)]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://evil.example","Click")',
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A2)",
        "\tTabbed",
        "\rReturned",
    ],
)
def test_cell_that_could_be_a_formula_is_defused(account, text):
    LeadFactory(account=account, last_name=text, comment=text)

    [row] = export_rows(Lead.objects.all())

    assert (row["last_name"], row["comment"]) == ("'" + text, "'" + text)


@pytest.mark.django_db
def test_text_that_merely_contains_formula_signs_is_left_alone(account):
    LeadFactory(account=account, last_name="a = b", comment="50% off; -2 +3")

    [row] = export_rows(Lead.objects.all())

    assert (row["last_name"], row["comment"]) == ("a = b", "50% off; -2 +3")


@pytest.mark.django_db
def test_malicious_name_reaches_the_file_defused(account):
    LeadFactory(account=account, last_name="=cmd|' /C calc'!A0")

    [row] = export_rows(Lead.objects.all())

    assert row["last_name"] == "'=cmd|' /C calc'!A0"


@pytest.mark.django_db
def test_csv_starts_with_a_byte_order_mark(account):
    LeadFactory(account=account)

    response = exports.csv_response(Lead.objects.all())

    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbfid,created_at,")


@pytest.mark.django_db
def test_csv_response_streams_a_dated_attachment(account):
    response = exports.csv_response(Lead.objects.all())

    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert re.fullmatch(
        r'attachment; filename="leads-\d{4}-\d{2}-\d{2}\.csv"',
        response["Content-Disposition"],
    )


@pytest.mark.django_db
def test_csv_sends_the_header_before_reading_any_lead(
    account, django_assert_num_queries
):
    LeadFactory(account=account)
    pieces = csv_copy.iter_csv_bytes(Lead.objects.all())

    with django_assert_num_queries(0):
        first = next(pieces).decode()

    assert first == csv_columns.header_text()
    assert first.startswith(csv_columns.BOM + "id,created_at,")


@pytest.mark.django_db
def test_csv_reports_the_row_count_once_done(account):
    LeadFactory.create_batch(3, account=account)
    counted = []

    b"".join(csv_copy.iter_csv_bytes(Lead.objects.all(), on_complete=counted.append))

    assert counted == [3]
