"""The import job run by a real worker process, as in production."""

import pytest

from leads.imports.models import ImportStatus
from leads.models import Lead
from tests.imports.conftest import csv_file, mapping_data, page, uploaded
from tests.processes import run_worker_until_idle

pytestmark = pytest.mark.usefixtures("empty_queue")

HEADER = ["Prénom", "Nom", "Courriel", "Cellulaire", "Type"]


def test_a_worker_imports_the_file_and_the_status_says_done(manager_client, account):
    rows = [[f"Client {n}", "Roy", f"c{n}@mail.example", "", "sms"] for n in range(5)]
    rows.append(["Bad", "Phone", "", "12", "sms"])
    record = uploaded(manager_client, csv_file([HEADER, *rows], delimiter=";"))
    manager_client.post(page(record, "mapping"), {**mapping_data(record), "import": 1})
    queued = manager_client.get(page(record, "status")).json()

    run_worker_until_idle()

    done = manager_client.get(page(record, "status")).json()
    assert (queued["status"], queued["rows_done"], queued["total_rows"]) == (
        "queued",
        0,
        6,
    )
    assert done["status"] == ImportStatus.DONE
    assert (done["rows_done"], done["created"], done["rejected"]) == (6, 5, 1)
    assert done["finished"] is True
    assert Lead.objects.filter(account=account).count() == 5


def test_a_worker_imports_nothing_of_an_all_or_nothing_file_with_a_bad_row(
    manager_client, account
):
    rows = [["Ana", "Roy", "a@mail.example", "", "sms"], ["Bad", "", "x@", "", "sms"]]
    record = uploaded(manager_client, csv_file([HEADER, *rows]))
    data = {**mapping_data(record), "import": 1, "all_or_nothing": "on"}
    manager_client.post(page(record, "mapping"), data)

    run_worker_until_idle()

    record.refresh_from_db()
    assert record.status == ImportStatus.DONE
    assert (record.created_count, record.rejected_count) == (0, 1)
    assert not Lead.objects.exists()
