"""GET /health: whether this app server can serve, for load balancers, and
whether a background worker is up, for people."""

from django.db import DatabaseError
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from leads.worker.health import last_heartbeat, worker_is_up


@never_cache
@require_GET
def health(request):
    """200 when the database answers, 503 otherwise; no secrets either way.

    A missing worker does not make this server unfit to serve, so it is
    reported (`worker`: `up` or `down`) without changing the status code.
    """
    try:
        beat = last_heartbeat()
    except DatabaseError:
        return JsonResponse(
            {"status": "unavailable", "database": "down", "worker": "unknown"},
            status=503,
        )
    return JsonResponse(
        {
            "status": "ok",
            "database": "ok",
            "worker": "up" if worker_is_up(timezone.now(), beat) else "down",
            "worker_heartbeat": beat.isoformat() if beat else None,
        }
    )
