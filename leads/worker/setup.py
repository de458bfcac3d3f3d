"""How every worker runs (PROCRASTINATE_ON_APP_READY in config/settings)."""

from django.conf import settings

from .failures import record_failures


def configure(app) -> None:
    defaults = app.worker_defaults
    defaults["task_middleware"] = [
        *defaults.get("task_middleware", []),
        record_failures,
    ]
    # A worker says it is alive this often; one silent for the stalled
    # timeout is taken for dead, and its running jobs are retried.
    defaults["update_heartbeat_interval"] = settings.WORKER_HEARTBEAT_SECONDS
    defaults["stalled_worker_timeout"] = settings.WORKER_STALLED_SECONDS
