"""The import's admin pages: who may use them, the upload's refusals, the
preview's errors, and that another dealership's import is not there."""

import pytest
from django.contrib.auth.models import Group
from procrastinate.contrib.django.models import ProcrastinateJob

from accounts import roles
from leads.imports.models import ImportStatus, LeadImport
from tests.conftest import logged_in_client
from tests.factories import UserFactory
from tests.imports.conftest import (
    ADD_URL,
    csv_file,
    mapping_data,
    page,
    upload,
    uploaded,
)

LIST_URL = "/admin/imports/leadimport/"
GOOD = csv_file([["First Name", "Email", "Type"], ["Jean", "j@mail.example", "sms"]])


@pytest.fixture
def other_manager(other_account):
    user = UserFactory(account=other_account, username="b-manager", is_staff=True)
    user.groups.add(Group.objects.get(name=roles.MANAGER))
    return logged_in_client(user)


@pytest.mark.django_db
def test_agents_may_not_import_or_see_imports(agent_client, manager_client):
    record = uploaded(manager_client, GOOD)

    pages = [ADD_URL, LIST_URL, page(record), page(record, "status")]

    assert [agent_client.get(url).status_code for url in pages] == [403] * 4
    assert upload(agent_client, GOOD).status_code == 403
    assert LeadImport.objects.count() == 1


@pytest.mark.django_db
def test_an_upload_is_recorded_with_its_layout_and_guessed_mapping(
    manager_client, manager
):
    content = "Prénom;Nom;Cell\nHélène;Côté;514 555 0199\n".encode("cp1252")

    response = upload(manager_client, content, name="from-other-crm.csv")

    record = LeadImport.objects.get()
    assert response["Location"] == page(record, "mapping")
    assert (record.account, record.user) == (manager.account, manager)
    assert (record.encoding, record.delimiter) == ("cp1252", ";")
    assert record.mapping == ["first_name", "last_name", "phone_mobile"]
    assert (record.filename, record.total_rows) == ("from-other-crm.csv", 1)
    assert record.file.read() == content  # kept as it came


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "The submitted file is empty."),
        (b"\r\n", "The file is empty."),
        (b"PK\x03\x04 a workbook", "not a CSV text file"),
        (b"Jean,jean@mail.example\n", "looks like data"),
    ],
)
def test_an_unreadable_file_is_a_form_error(manager_client, content, words):
    response = upload(manager_client, content)

    assert response.status_code == 200
    assert words in str(response.context["form"].errors["file"])
    assert LeadImport.objects.count() == 0


@pytest.mark.django_db
def test_the_preview_names_each_error_by_row_and_column(manager_client, manager):
    UserFactory(account=manager.account, email="ana@dealer.example")
    content = csv_file(
        [
            ["Name", "Email", "Cell", "Division", "Birth date", "bdc_email", "Type"],
            [
                "Ok",
                "ok@mail.example",
                "514 555 0199",
                "new",
                "",
                "ana@dealer.example",
                "sms",
            ],
            ["A", "no-at-sign", "", "", "", "", "sms"],
            ["B", "", "555 01", "", "", "", "sms"],
            ["C", "", "", "boats", "", "", "sms"],
            ["D", "", "", "", "1980-13-45", "", "sms"],
            ["E", "", "", "", "", "zoe@elsewhere.example", "sms"],
            ["F" * 101, "", "", "", "", "", ""],
        ]
    )
    record = uploaded(manager_client, content)

    response = manager_client.post(
        page(record, "mapping"), mapping_data(record, Name="first_name")
    )

    errors = [
        (row["number"], error.name, str(error.message))
        for row in response.context["preview"]["rows"]
        for error in row["errors"]
    ]
    assert [(number, column) for number, column, _ in errors] == [
        (3, "Email"),
        (4, "Cell"),
        (5, "Division"),
        (6, "Birth date"),
        (7, "bdc_email"),
        (8, "Name"),
        (8, "Type"),
    ]
    messages = dict(((number, column), text) for number, column, text in errors)
    assert messages[3, "Email"] == "Enter a valid email address."
    assert messages[5, "Division"] == "Value 'boats' is not a valid choice."
    assert "at most 100 characters" in messages[8, "Name"]
    assert "Row 4, Cell: This number is too short." in response.content.decode()


@pytest.mark.django_db
def test_a_field_chosen_for_two_columns_is_a_form_error(manager_client):
    record = uploaded(manager_client, GOOD)

    response = manager_client.post(
        page(record, "mapping"),
        {**mapping_data(record, Email="first_name"), "import": "1"},
    )

    assert response.status_code == 200
    assert "is chosen for two columns" in str(response.context["form"].errors)
    assert ProcrastinateJob.objects.count() == 0


@pytest.mark.django_db
def test_importing_queues_one_job_with_the_chosen_mapping(manager_client):
    record = uploaded(manager_client, GOOD)
    data = {**mapping_data(record, Email=""), "import": "1", "all_or_nothing": "on"}

    first = manager_client.post(page(record, "mapping"), data)
    again = manager_client.post(page(record, "mapping"), data)

    record.refresh_from_db()
    assert first["Location"] == again["Location"] == page(record)
    assert record.status == ImportStatus.QUEUED
    assert (record.mapping, record.all_or_nothing) == (["first_name", "", "type"], True)
    [job] = ProcrastinateJob.objects.all()
    assert job.args == {"import_id": record.pk}


@pytest.mark.django_db
def test_the_status_endpoint_reports_progress(manager_client):
    record = uploaded(manager_client, GOOD)
    LeadImport.objects.filter(pk=record.pk).update(
        status=ImportStatus.RUNNING, rows_done=1, created_count=1
    )

    state = manager_client.get(page(record, "status")).json()

    assert state["status"] == "running"
    assert (state["rows_done"], state["total_rows"], state["created"]) == (1, 1, 1)
    assert state["finished"] is False
    assert state["progress"] == "1 of 1 row"


@pytest.mark.django_db
def test_the_import_page_polls_its_status_until_finished(manager_client):
    record = uploaded(manager_client, GOOD)

    queued = manager_client.get(page(record)).content.decode()
    LeadImport.objects.filter(pk=record.pk).update(status=ImportStatus.DONE)
    done = manager_client.get(page(record)).content.decode()

    assert f'data-status-url="{page(record, "status")}"' in queued
    assert "import_progress.js" in queued
    assert "import_progress.js" not in done


@pytest.mark.django_db
def test_another_dealerships_manager_finds_no_import(manager_client, other_manager):
    record = uploaded(manager_client, GOOD)
    names = ["change", "mapping", "status", "file", "rejected"]

    answers = [other_manager.get(page(record, name)).status_code for name in names]
    listed = other_manager.get(LIST_URL)

    assert answers == [404] * len(names)
    assert list(listed.context["cl"].result_list) == []


@pytest.mark.django_db
def test_the_importer_downloads_the_file_as_it_came(manager_client):
    record = uploaded(manager_client, GOOD)

    response = manager_client.get(page(record, "file"))

    assert b"".join(response.streaming_content) == GOOD
    assert 'filename="leads.csv"' in response["Content-Disposition"]


@pytest.mark.django_db
def test_superusers_choose_the_dealership(superuser_client, other_account):
    response = upload(superuser_client, GOOD, account=other_account.pk)

    assert response.status_code == 302
    assert LeadImport.objects.get().account == other_account


@pytest.mark.django_db
def test_the_admin_speaks_french(manager_client):
    response = manager_client.get(ADD_URL, headers={"accept-language": "fr"})

    assert "Importer des prospects depuis un CSV" in response.content.decode()


@pytest.mark.django_db
def test_the_lead_list_links_to_the_import_for_managers_only(
    manager_client, agent_client
):
    managers = manager_client.get("/admin/leads/lead/").content.decode()
    agents = agent_client.get("/admin/leads/lead/").content.decode()

    assert f'href="{ADD_URL}"' in managers
    assert ADD_URL not in agents


@pytest.mark.django_db
def test_a_file_too_big_for_memory_is_read_from_its_temporary_file(manager_client):
    rows = [["Prénom", "Courriel", "Type"]]
    rows += [[f"Client {n}", f"c{n}@mail.example", "sms"] for n in range(80_000)]
    content = csv_file(rows, delimiter=";", encoding="cp1252")
    assert len(content) > 2_621_440  # FILE_UPLOAD_MAX_MEMORY_SIZE

    record = uploaded(manager_client, content)

    assert (record.encoding, record.delimiter) == ("cp1252", ";")
    assert record.total_rows == 80_000


@pytest.mark.django_db
def test_importing_without_a_type_for_the_leads_is_a_form_error(manager_client):
    record = uploaded(manager_client, csv_file([["Prénom"], ["Luc"], ["Ana"]]))

    preview = manager_client.get(page(record, "mapping"))
    refused = manager_client.post(
        page(record, "mapping"), {**mapping_data(record), "import": "1"}
    )

    assert preview.context["preview"]["no_type"] is True
    assert preview.context["preview"]["error_count"] == 0  # said once, above
    assert "Every lead needs a type" in str(refused.context["form"].errors)
    assert ProcrastinateJob.objects.count() == 0
