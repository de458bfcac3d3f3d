"""An import from its file to its leads, run as the job runs it."""

import pytest

from leads.imports.importing import run_import
from leads.imports.models import ImportStatus
from leads.models import Lead
from tests.conftest import export_csv
from tests.factories import (
    LeadEmailFactory,
    LeadFactory,
    LeadPhoneFactory,
    LeadVehicleFactory,
    UserFactory,
)
from tests.imports.conftest import csv_file, imported, mapping_data, page, uploaded

HEADER = ["First Name", "Last Name", "Email", "Cell", "Division", "Type"]


def contact_data(lead: Lead) -> tuple:
    return (
        lead.first_name,
        lead.last_name,
        lead.division,
        sorted(lead.emails.values_list("type", "address")),
        sorted(lead.phones.values_list("type", "number", "extension")),
        sorted(lead.vehicles.values_list("type", "year", "make", "model", "vin")),
    )


@pytest.mark.django_db
def test_our_export_reimports_as_the_same_leads_in_another_dealership(
    manager_client, manager, other_account
):
    lead = LeadFactory(
        account=other_account,
        first_name="Hélène",
        last_name="Côté",
        division="used",
        business=True,
        rating=4,
    )
    LeadEmailFactory(lead=lead, address="helene@mail.example", type="home")
    LeadPhoneFactory(lead=lead, number="+15145550123", type="mobile")
    LeadVehicleFactory(
        lead=lead, type="wanted", year=2024, make="Toyota", model="RAV4", vin="V1"
    )
    LeadVehicleFactory(lead=lead, type="exchange", year=2015, make="Honda")
    content = export_csv(Lead.objects.filter(account=other_account))

    record = imported(manager_client, content)

    assert (record.created_count, record.rejected_count) == (1, 0)
    [copy] = Lead.objects.filter(account=manager.account)
    assert contact_data(copy) == contact_data(lead)
    assert (copy.business, copy.rating, copy.type) == (True, 4, lead.type)
    assert copy.created_method == "manual_import"
    assert copy.pk != lead.pk
    assert record.lead_ids == [[copy.pk, copy.pk]]


@pytest.mark.django_db
def test_leads_land_in_the_importers_dealership_whatever_the_file_says(
    manager_client, manager, other_account
):
    content = csv_file(
        [
            ["first_name", "type", "account_id", "account_name"],
            ["Luc", "email", str(other_account.pk), other_account.name],
        ]
    )

    imported(manager_client, content)

    assert list(Lead.objects.values_list("first_name", "account")) == [
        ("Luc", manager.account_id)
    ]


@pytest.mark.django_db
def test_bad_rows_are_rejected_and_good_ones_created(manager_client, manager):
    content = csv_file(
        [
            HEADER,
            ["Jean", "Tremblay", "jean@mail.example", "514 555 0199", "new", "email"],
            ["Bad", "Email", "not-an-address", "", "", "email"],
            ["Marie", "Roy", "marie@mail.example", "(418) 555-0142", "", "phone"],
            ["Boat", "Seller", "", "", "boats", "email"],
        ]
    )

    record = imported(manager_client, content)

    assert (record.created_count, record.rejected_count) == (2, 2)
    assert record.status == ImportStatus.DONE
    assert set(Lead.objects.values_list("first_name", flat=True)) == {"Jean", "Marie"}
    marie = Lead.objects.get(first_name="Marie")
    assert list(marie.phones.values_list("number", "type")) == [
        ("+14185550142", "mobile")
    ]


@pytest.mark.django_db
def test_rows_not_imported_download_with_why(manager_client, manager):
    content = csv_file(
        [
            HEADER,
            ["Bad", "Email", "not-an-address", "", "", "email"],
            ["Jean", "Tremblay", "jean@mail.example", "", "", "email"],
            ["Jean", "Again", "JEAN@mail.example", "", "", "email"],
            ["=cmd", "Phone", "", "123", "", "email"],
        ]
    )
    record = imported(manager_client, content, skip_duplicates="on")

    response = manager_client.get(page(record, "rejected"))

    text = b"".join(response.streaming_content).decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == "row,reason," + ",".join(HEADER)
    assert lines[1].startswith("2,Email: Enter a valid email address.,Bad,")
    assert lines[2].startswith(
        "4,Skipped: an earlier row (3) has the same email.,Jean,Again"
    )
    assert lines[3].startswith("5,Cell: ")
    assert ",'=cmd," in lines[3]  # defused for spreadsheets
    assert (record.created_count, record.skipped_count, record.rejected_count) == (
        1,
        1,
        2,
    )


@pytest.mark.django_db
def test_rows_sharing_an_email_are_all_imported_unless_asked(manager_client):
    rows = [["Jean", "", "j@mail.example", "", "new", "email"]] * 2

    record = imported(manager_client, csv_file([HEADER, *rows]))

    assert (record.created_count, record.skipped_count) == (2, 0)


@pytest.mark.django_db
def test_blank_rows_are_skipped(manager_client):
    content = csv_file(
        [HEADER, ["", "", "", "", "", ""], ["Luc", "", "", "", "", "sms"]]
    )

    record = imported(manager_client, content)

    assert (record.created_count, record.skipped_count) == (1, 1)


@pytest.mark.django_db
def test_rows_without_a_type_take_the_chosen_one(manager_client):
    content = csv_file([["Prénom"], ["Luc"]])

    record = imported(manager_client, content, default_type="walk_in")

    assert record.created_count == 1
    assert Lead.objects.get().type == "walk_in"


@pytest.mark.django_db
def test_staff_columns_name_the_dealerships_staff(manager_client, manager):
    agent = UserFactory(
        account=manager.account, first_name="Ana", last_name="Silva", email="a@x.ca"
    )
    stranger = UserFactory(first_name="Zoé", last_name="Other", email="z@x.ca")
    content = csv_file(
        [
            ["first_name", "type", "bdc_email", "advisor_name"],
            ["One", "email", "A@X.CA", "ana silva"],
            ["One bis", "email", "", "a@x.ca"],  # a name column may hold emails
            ["Two", "email", stranger.email, ""],
            ["Three", "email", "", "Zoé Other"],
        ]
    )

    record = imported(manager_client, content)

    assert (record.created_count, record.rejected_count) == (2, 2)
    assert set(Lead.objects.values_list("bdc_id", "advisor_id")) == {
        (agent.pk, agent.pk),
        (None, agent.pk),
    }


@pytest.mark.django_db
def test_a_staff_email_settles_a_name_several_staff_share(manager_client, manager):
    first = UserFactory(account=manager.account, first_name="Ana", email="a1@x.ca")
    UserFactory(account=manager.account, first_name="Ana", email="a2@x.ca")
    UserFactory(account=manager.account, first_name="Luc", email="l@x.ca")
    content = csv_file(
        [
            ["first_name", "type", "bdc_name", "bdc_email"],
            ["One", "email", "Ana", "a1@x.ca"],
            ["Two", "email", "Ana", ""],
            ["Three", "email", "Luc", "a1@x.ca"],
        ]
    )

    record = imported(manager_client, content)

    assert (record.created_count, record.rejected_count) == (1, 2)
    assert Lead.objects.get().bdc_id == first.pk
    reasons = list(record.unimported_rows.values_list("reason", flat=True))
    assert "give their email" in reasons[0]
    assert (
        reasons[1] == "bdc_name: The name and the email name different staff members."
    )


@pytest.mark.django_db
def test_rejections_are_worded_in_the_importers_language(manager_client):
    record = uploaded(manager_client, csv_file([HEADER, ["A", "", "x", "", "", "sms"]]))
    data = {**mapping_data(record), "import": "1"}
    manager_client.post(
        page(record, "mapping"), data, headers={"accept-language": "fr"}
    )

    run_import(record.pk)

    assert record.unimported_rows.get().reason == (
        "Email: Saisissez une adresse courriel valide."
    )
