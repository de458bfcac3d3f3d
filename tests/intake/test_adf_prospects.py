"""Prospects as leads: their ids, request dates, status, what is kept aside
for people, and the ones that give no lead."""

from datetime import UTC, datetime, timedelta

import pytest

from leads.intake.adf import RejectedDocument, read_adf
from tests.intake.adf_corpus import read_corpus


def request_dates() -> dict[str, datetime | None]:
    document = read_corpus("request-dates.xml")
    return {
        f"{prospect.lead['first_name']} {prospect.lead['last_name']}": (
            prospect.requested_at
        )
        for prospect in document.prospects
    }


def test_request_date_basic_and_extended_with_offset():
    dates = request_dates()

    moment = datetime(2024, 2, 15, 14, 8, 7, tzinfo=UTC)
    assert dates["Basic Offset"] == moment
    assert dates["Extended Offset"] == moment
    assert dates["Basic Offset"].utcoffset() == timedelta(hours=-5)


def test_request_date_without_offset_is_utc():
    dates = request_dates()

    moment = datetime(2024, 2, 15, 14, 8, 7, tzinfo=UTC)
    assert dates["No Offset"] == moment
    assert dates["Basic Without Offset"] == moment
    assert dates["No Offset"].utcoffset() == timedelta(0)
    assert dates["Fraction Zulu"] == moment + timedelta(milliseconds=250)


def test_request_date_that_is_no_moment_is_none_and_kept_aside():
    document = read_corpus("request-dates.xml")

    dates = request_dates()
    for name in ["Us Style", "No Such Day", "Date Only", "No Date"]:
        assert dates[name] is None
    kept = [prospect.unmapped.get("requestdate") for prospect in document.prospects]
    assert kept[5:] == [
        "02/15/2024 9:08 AM",
        "2024-02-30T09:08:07-05:00",
        "2024-02-15",
        None,
    ]


def test_resend_status_and_the_first_id_with_a_source():
    prospect = read_corpus("resend-with-ids.xml").prospects[0]

    assert prospect.status == "resend"
    assert prospect.vendor_lead_id == "AutoTrader:A-123#2"
    assert prospect.unmapped == {
        "id[1]": "internal-77410",
        "id[3]/@sequence": "1",
        "id[3]/@source": "DealerTrack",
        "id[3]": "DT-55-0192",
    }


def test_without_a_source_the_first_id_alone():
    prospect = read_corpus("resend-with-ids.xml").prospects[1]

    assert prospect.status == "new"
    assert prospect.vendor_lead_id == "W-000981"


def test_prospect_without_id_has_an_empty_vendor_lead_id():
    assert read_corpus("vehicles.xml").prospects[1].vendor_lead_id == ""


def test_vendor_tags_are_kept_aside_by_path():
    [prospect] = read_corpus("vendor-extras.xml").prospects

    assert prospect.unmapped == {
        "leadtype": "Quote Request",
        "formname": "Get Today's Price <Compact SUV>",
        "vehicle/searchkeyword": "equinox rs price",
        "customer/contact/gender": "M",
        "customer/contact/birthday": "1988-07-21",
        "customer/cobuyer/contact/name[1]/@part": "first",
        "customer/cobuyer/contact/name[1]": "Ashley",
        "customer/cobuyer/contact/name[2]/@part": "last",
        "customer/cobuyer/contact/name[2]": "Miller",
        "customer/cobuyer/contact/email": "ashley.miller@example.com",
        "vendor/id/@source": "OEM",
        "vendor/id": "113355",
        "provider/id/@source": "OEM",
        "provider/id": "DL",
        "provider/email": "support@oem-locator.example",
        "provider/phone": "800-555-0100",
        "navigationhistory/page[1]": "/inventory/new/equinox",
        "navigationhistory/page[2]": "/quote",
    }


def test_cdata_comments_are_the_customers_words():
    [prospect] = read_corpus("vendor-extras.xml").prospects

    assert prospect.lead["comment"] == (
        'Please send the "out the door" price & any rebates.'
    )
    assert prospect.emails == [
        {"address": "brandon.miller@example.com", "type": "home"}
    ]


def test_prospect_without_name_or_contact_is_rejected_others_read():
    document = read_corpus("rejected-prospect.xml")

    assert [prospect.rejected for prospect in document.prospects] == [
        "no name and no way to reach the customer",
        "",
        "no name and no way to reach the customer",
    ]
    assert document.prospects[0].lead["comment"] == "Is this still for sale?"
    assert document.prospects[0].unmapped["customer/contact/email"] == "not given"
    assert document.prospects[1].lead["last_name"] == "Fitzgerald"


def test_document_without_prospect_is_rejected():
    with pytest.raises(RejectedDocument) as rejected:
        read_corpus("no-prospect.xml")

    assert str(rejected.value) == "no <prospect> in the document"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "the document is empty"),
        (b"Please call me back.", "not XML: syntax error: line 1, column 0"),
        (
            b"<adf><prospect><customer></prospect></adf>",
            "not XML: mismatched tag: line 1, column 27",
        ),
    ],
)
def test_what_is_no_xml_says_why(raw, reason):
    with pytest.raises(RejectedDocument) as rejected:
        read_adf(raw)

    assert str(rejected.value) == reason
