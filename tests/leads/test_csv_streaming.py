"""The CSV's rows in the list's order, streamed as PostgreSQL sends them;
no leads, an abandoned download, what cannot be exported."""

import pytest
from django.db import connection
from django.db.models.functions import Lower

from leads import csv_columns, csv_copy, exports
from leads.models import Lead
from tests.conftest import csv_ids, export_csv
from tests.factories import AccountFactory, LeadFactory, UserFactory


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

    copied = export_csv(leads)

    assert csv_ids(copied) == [str(pk) for pk in leads.values_list("pk", flat=True)]


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
def test_a_slice_of_leads_is_refused_before_the_download_starts(account):
    LeadFactory.create_batch(3, account=account)

    with pytest.raises(ValueError, match="unsliced"):
        exports.csv_response(Lead.objects.order_by("id")[:2])
