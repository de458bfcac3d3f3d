"""An import from its stored file to its leads, as the job runs it.

The file is streamed, each row checked (validation.py) and the good ones
written a batch at a time with COPY (writing.py). Rows that make no lead
are kept with why (UnimportedRow): rejected for their errors, or, if the
manager chose to skip duplicates, skipped for sharing an email address
with an earlier row of the file. A customer may have several leads (our
demo export of 100,000 leads has 14% sharing an email with an earlier
one), so duplicates are imported unless asked. Blank rows are skipped and
counted, not kept.

Each batch commits with the import's counters, so a job retried after its
worker died goes on from the last batch committed rather than creating
its leads twice. All or nothing is one transaction instead, rolled back if
any row is rejected; its progress and rejected rows are written meanwhile
through a second connection, which commits as it goes.
"""

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from itertools import islice

from django.db import connection, connections, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import ImportStatus, LeadImport, UnimportedRow
from .reading import read_rows
from .validation import RowChecker, reason
from .writing import id_ranges, write_leads, write_unimported

BATCH_ROWS = 2000


class Batch:
    """What a batch of rows became."""

    def __init__(self):
        self.leads = []
        self.unimported = []  # (row number, skipped, reason, cells)
        self.rows = self.skipped = self.rejected = 0
        self.done = 0  # the file's rows read up to this batch's last


class Importer:
    def __init__(self, record: LeadImport):
        self.record = record
        self.checker = RowChecker(
            record.header,
            record.mapping,
            account=record.account,
            default_type=record.default_type,
        )
        self.first_row_of = {}  # email address, casefolded: its first row
        self.done = 0

    def batches(self, rows, *, resume: int = 0) -> Iterator[Batch]:
        """The file's rows, checked, a batch at a time. The first `resume`
        rows were stored by an earlier attempt: they are checked again only
        for the emails they hold."""
        rows = iter(rows)
        while chunk := list(islice(rows, BATCH_ROWS)):
            batch = Batch()
            for number, cells in chunk:
                self.done += 1
                self.check(batch if self.done > resume else Batch(), number, cells)
            batch.done = self.done
            if batch.rows:
                yield batch

    def check(self, batch: Batch, number: int, cells: list[str]) -> None:
        batch.rows += 1
        checked = self.checker.check(cells)
        if checked is None:
            batch.skipped += 1
            return
        if checked.errors:
            batch.rejected += 1
            batch.unimported.append((number, False, reason(checked.errors), cells))
            return
        if not self.record.skip_duplicates:
            batch.leads.append(checked)
            return
        addresses = [address.casefold() for _type, address in checked.emails]
        first = next(filter(None, map(self.first_row_of.get, addresses)), None)
        if first is not None:
            batch.skipped += 1
            why = _("Skipped: an earlier row (%(row)s) has the same email.")
            batch.unimported.append((number, True, why % {"row": first}, cells))
            return
        for address in addresses:
            self.first_row_of[address] = number
        batch.leads.append(checked)


def run_import(import_id: int) -> None:
    """Import the leads of a LeadImport whose mapping is confirmed; go on
    from the last committed batch if an earlier attempt stopped."""
    record = LeadImport.objects.select_related("account").get(pk=import_id)
    if record.status == ImportStatus.DONE:
        return
    with translation.override(record.language):
        counters = {}
        if record.all_or_nothing:
            # Nothing of an earlier attempt was kept but its rejected rows.
            UnimportedRow.objects.filter(lead_import=record).delete()
            counts = ["rows_done", "created_count", "skipped_count", "rejected_count"]
            counters = {**dict.fromkeys(counts, 0), "lead_ids": []}
        LeadImport.objects.filter(pk=record.pk).update(
            status=ImportStatus.RUNNING,
            started_at=timezone.now(),
            error="",
            **counters,
        )
        with record.file.open("rb") as file:
            rows = read_rows(file, record.encoding, record.delimiter)
            importer = Importer(record)
            if record.all_or_nothing:
                _all_or_nothing(importer, rows)
            else:
                _batch_by_batch(importer, rows)
    LeadImport.objects.filter(pk=record.pk).update(
        status=ImportStatus.DONE, finished_at=timezone.now()
    )


def ahead(batches: Iterator[Batch]) -> Iterator[Batch]:
    """`batches`, each checked in a thread while the one before is written:
    checking is Python, writing mostly waits for the database, and the two
    overlap (bench/README.md, "CSV import")."""
    language = translation.get_language()

    def next_batch() -> Batch | None:
        with translation.override(language):
            return next(batches, None)

    with ThreadPoolExecutor(max_workers=1) as background:
        pending = background.submit(next_batch)
        while (batch := pending.result()) is not None:
            pending = background.submit(next_batch)
            yield batch


def _batch_by_batch(importer: Importer, rows) -> None:
    record = importer.record
    ranges = record.lead_ids
    now = timezone.now()
    for batch in ahead(importer.batches(rows, resume=record.rows_done)):
        with transaction.atomic():
            ids = write_leads(batch.leads, account_id=record.account_id, now=now)
            with connection.connection.cursor() as cursor:
                write_unimported(cursor, record.pk, batch.unimported)
            ranges = id_ranges(ids, ranges)
            LeadImport.objects.filter(pk=record.pk).update(
                rows_done=batch.done,
                created_count=F("created_count") + len(ids),
                skipped_count=F("skipped_count") + batch.skipped,
                rejected_count=F("rejected_count") + batch.rejected,
                lead_ids=ranges,
            )


def _all_or_nothing(importer: Importer, rows) -> None:
    record = importer.record
    now = timezone.now()
    ids, rejected = [], 0
    with _side_connection() as side, transaction.atomic():
        for batch in ahead(importer.batches(rows)):
            rejected += batch.rejected
            if not rejected:
                ids += write_leads(batch.leads, account_id=record.account_id, now=now)
            with side.cursor() as cursor:
                write_unimported(cursor.cursor, record.pk, batch.unimported)
                cursor.execute(
                    f"UPDATE {LeadImport._meta.db_table} SET rows_done = %s, "
                    "skipped_count = skipped_count + %s, "
                    "rejected_count = rejected_count + %s WHERE id = %s",
                    [batch.done, batch.skipped, batch.rejected, record.pk],
                )
        if rejected:
            transaction.set_rollback(True)
            ids = []
    LeadImport.objects.filter(pk=record.pk).update(
        created_count=len(ids), lead_ids=id_ranges(ids, [])
    )


@contextmanager
def _side_connection():
    """A connection of its own to the database, committing each statement."""
    side = connections.create_connection(connection.alias)
    try:
        yield side
    finally:
        side.close()
