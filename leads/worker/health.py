"""Whether a worker is up: one sent a heartbeat recently."""

import datetime

from django.conf import settings
from django.db import connection


def last_heartbeat() -> datetime.datetime | None:
    """The latest heartbeat of any worker (procrastinate's own table)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT max(last_heartbeat) FROM procrastinate_workers")
        return cursor.fetchone()[0]


def worker_is_up(now: datetime.datetime, beat: datetime.datetime | None) -> bool:
    limit = datetime.timedelta(seconds=settings.WORKER_STALLED_SECONDS)
    return beat is not None and now - beat <= limit
