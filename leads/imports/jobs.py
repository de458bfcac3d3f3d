"""The import of a confirmed file, run by the worker."""

from django.utils import timezone
from procrastinate import RetryStrategy
from procrastinate.contrib.django import app

from .importing import run_import
from .models import ImportStatus, LeadImport


# A retry goes on from the last batch committed (importing.py), so an
# attempt cut short by a lost connection or a dead worker loses nothing.
@app.task(retry=RetryStrategy(max_attempts=3, wait=10))
def import_leads(import_id: int) -> None:
    try:
        run_import(import_id)
    except Exception as error:
        LeadImport.objects.filter(pk=import_id).update(
            status=ImportStatus.FAILED,
            error=f"{type(error).__name__}: {error}"[:2000],
            finished_at=timezone.now(),
        )
        raise
