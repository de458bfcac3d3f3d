"""What the import tests share: uploaded files kept in a folder of the
test's own, and files written as spreadsheets write them."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from leads.imports.importing import run_import
from leads.imports.models import LeadImport

ADD_URL = reverse("admin:imports_leadimport_add")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def csv_file(
    rows: list[list[str]], *, delimiter: str = ",", encoding: str = "utf-8"
) -> bytes:
    """`rows` (the header first) as a CSV file."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return buffer.getvalue().encode(encoding)


def upload(client, content: bytes, name: str = "leads.csv", **data):
    """Post `content` as the upload form's file."""
    file = SimpleUploadedFile(name, content, content_type="text/csv")
    return client.post(ADD_URL, {"file": file, **data})


def uploaded(client, content: bytes, **data) -> LeadImport:
    response = upload(client, content, **data)
    assert response.status_code == 302, response.context["form"].errors
    return LeadImport.objects.latest("pk")


def page(record: LeadImport, name: str = "change") -> str:
    return reverse(f"admin:imports_leadimport_{name}", args=[record.pk])


def mapping_data(record: LeadImport, **changes) -> dict:
    """The mapping form's data as guessed, with `changes` by column name."""
    data = {}
    for index, name in enumerate(record.header):
        data[f"column_{index}"] = changes.get(name, record.mapping[index])
    return data


def imported(client, content: bytes, **options) -> LeadImport:
    """Upload `content`, import it with the guessed mapping, and run it."""
    record = uploaded(client, content)
    data = {**mapping_data(record), "import": "1", **options}
    response = client.post(page(record, "mapping"), data)
    assert response.status_code == 302
    run_import(record.pk)
    record.refresh_from_db()
    return record
