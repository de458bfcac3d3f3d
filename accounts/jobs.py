"""Housekeeping of sign-ins and API access, run by the worker on a
schedule. Each job is idempotent: run twice, it changes nothing more."""

import datetime
from importlib import import_module

from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from procrastinate.contrib.django import app
from rest_framework.authtoken.models import Token

from .models import TokenActivity


@app.periodic(cron="7 * * * *")
@app.task(queueing_lock="clear_expired_sessions")
def clear_expired_sessions(timestamp: int | None = None) -> None:
    """Sessions past their expiry, which Django never deletes by itself."""
    engine = import_module(settings.SESSION_ENGINE)
    engine.SessionStore.clear_expired()


@app.periodic(cron="*/5 * * * *")
@app.task(queueing_lock="clear_expired_lockouts")
def clear_expired_lockouts(timestamp: int | None = None) -> int:
    """Failed sign-in counts older than the lockout window: they no longer
    lock anyone out (LOGIN_LOCKOUT_MINUTES). django-axes' own cleaning
    needs a request to date the window from."""
    window_start = timezone.now() - settings.AXES_COOLOFF_TIME
    deleted, _ = AccessAttempt.objects.filter(attempt_time__lte=window_start).delete()
    return deleted


@app.periodic(cron="17 3 * * *")
@app.task(queueing_lock="flag_unused_tokens")
def flag_unused_tokens(timestamp: int | None = None) -> int:
    """Flag, for managers to revoke, the API tokens unused (or never used)
    for API_TOKEN_UNUSED_DAYS; a token used again loses its flag at once
    (accounts.token_activity)."""
    now = timezone.now()
    cutoff = now - datetime.timedelta(days=settings.API_TOKEN_UNUSED_DAYS)
    stale = Token.objects.filter(created__lt=cutoff).exclude(
        Q(activity__last_used_at__gte=cutoff) | Q(activity__unused_since__isnull=False)
    )
    keys = list(stale.values_list("key", flat=True))
    TokenActivity.objects.bulk_create(
        [TokenActivity(token_id=key, unused_since=now) for key in keys],
        update_conflicts=True,
        unique_fields=["token"],
        update_fields=["unused_since"],
    )
    return len(keys)
