"""When each API token was last used, recorded as requests come in.

A busy integrator sends many requests a minute: each process records a
token's use at most once per RECORD_EVERY, and the database row is
rewritten at most that often whatever the number of processes.
"""

import time

from django.db import connection

from .models import TokenActivity

RECORD_EVERY = 300  # seconds
UPSERT = f"""
INSERT INTO {TokenActivity._meta.db_table} AS activity
    (token_id, last_used_at, unused_since)
VALUES (%s, now(), NULL)
ON CONFLICT (token_id) DO UPDATE
SET last_used_at = excluded.last_used_at, unused_since = NULL
WHERE activity.last_used_at IS NULL
   OR activity.last_used_at < excluded.last_used_at - interval '{RECORD_EVERY} s'
   OR activity.unused_since IS NOT NULL
"""
# When this process last recorded each token (time.monotonic()).
_recorded: dict[str, float] = {}


def record_use(token_key: str) -> None:
    """Note that the token was just used, which also lifts its flag."""
    now = time.monotonic()
    if now - _recorded.get(token_key, -RECORD_EVERY) < RECORD_EVERY:
        return
    with connection.cursor() as cursor:
        cursor.execute(UPSERT, [token_key])
    _recorded[token_key] = now
