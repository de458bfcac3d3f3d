"""Jobs that exist only for the tests, loaded by the worker processes the
tests start (WORKER_IMPORT_PATHS)."""

import time

from procrastinate import RetryStrategy
from procrastinate.contrib.django import app

from accounts.models import Account


@app.task(retry=RetryStrategy(max_attempts=2, wait=1))
def always_fails(reason: str) -> None:
    raise RuntimeError(reason)


@app.task(pass_context=True)
def slow_on_first_attempt(context, name: str) -> None:
    """Long enough, the first time, for a test to kill its worker."""
    if context.job.attempts == 0:
        time.sleep(120)
    Account.objects.create(name=name)


@app.task
def does_nothing() -> None:
    pass
