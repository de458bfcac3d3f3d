"""An import's transactions: a finished one stays done, a retried one goes
on from its last committed batch, and all or nothing means it."""

import pytest
from django.contrib.auth.models import Group

from accounts import roles
from leads.imports import importing
from leads.imports.importing import run_import
from leads.imports.models import ImportStatus, LeadImport
from leads.models import Lead
from tests.conftest import logged_in_client
from tests.factories import LeadFactory, UserFactory
from tests.imports.conftest import csv_file, imported, mapping_data, page, uploaded

HEADER = ["First Name", "Last Name", "Email", "Cell", "Division", "Type"]


@pytest.mark.django_db
def test_a_finished_import_run_again_creates_nothing_more(manager_client):
    record = imported(
        manager_client, csv_file([HEADER, ["Luc", "", "", "", "", "sms"]])
    )

    run_import(record.pk)

    assert Lead.objects.count() == 1


@pytest.mark.django_db
def test_a_retried_import_goes_on_from_its_last_committed_batch(
    manager_client, monkeypatch
):
    monkeypatch.setattr(importing, "BATCH_ROWS", 2)
    rows = [[f"Lead {n}", "", "", "", "", "sms"] for n in range(5)]
    record = uploaded(manager_client, csv_file([HEADER, *rows]))
    manager_client.post(page(record, "mapping"), {**mapping_data(record), "import": 1})
    # As if an attempt had committed the first batch, then its worker died.
    LeadFactory(account=record.account, first_name="Lead 0")
    LeadFactory(account=record.account, first_name="Lead 1")
    LeadImport.objects.filter(pk=record.pk).update(
        status=ImportStatus.RUNNING, rows_done=2, created_count=2
    )

    run_import(record.pk)

    record.refresh_from_db()
    assert sorted(Lead.objects.values_list("first_name", flat=True)) == [
        f"Lead {n}" for n in range(5)
    ]
    assert (record.rows_done, record.created_count) == (5, 5)


# Committed data, as the rejected rows and the progress are written through
# a second connection; the roles are restored afterwards.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_all_or_nothing_creates_nothing_if_a_row_is_rejected(account):
    manager = UserFactory(account=account, is_staff=True)
    manager.groups.add(Group.objects.get(name=roles.MANAGER))
    client = logged_in_client(manager)
    content = csv_file(
        [
            HEADER,
            ["Jean", "Tremblay", "jean@mail.example", "", "", "email"],
            ["Bad", "Email", "not-an-address", "", "", "email"],
        ]
    )

    record = imported(client, content, all_or_nothing="on")

    assert Lead.objects.count() == 0
    assert (record.created_count, record.rejected_count) == (0, 1)
    assert record.unimported_rows.get().row_number == 3


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_all_or_nothing_creates_everything_when_no_row_is_rejected(account):
    manager = UserFactory(account=account, is_staff=True)
    manager.groups.add(Group.objects.get(name=roles.MANAGER))
    client = logged_in_client(manager)
    content = csv_file([HEADER, ["Jean", "", "", "", "", "email"]])

    record = imported(client, content, all_or_nothing="on")

    assert Lead.objects.get().first_name == "Jean"
    assert (record.created_count, record.rows_done) == (1, 1)
