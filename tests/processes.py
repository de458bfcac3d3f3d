"""Real worker processes (`manage.py procrastinate worker`) on the test
database, for the tests of jobs. Tests using them commit their data (the
empty_queue fixture of tests/conftest.py), since a worker is another
connection."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.db import connection

PROJECT = Path(__file__).resolve().parent.parent
PROCRASTINATE_TABLES = [
    "procrastinate_events",
    "procrastinate_periodic_defers",
    "procrastinate_jobs",
    "procrastinate_workers",
]


def test_database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


test_database_url.__test__ = False  # a helper, not a test


# The prefixes of what the project reads from the environment.
SETTINGS_PREFIXES = (
    "DJANGO_",
    "DATABASE",
    "WORKER_",
    "RUN_",
    "API_",
    "CACHE",
    "SHARED_",
)


def project_environment(**settings: str | None) -> dict[str, str]:
    """The environment of a process of the project's the tests start: the
    test run's own without any of the project's settings, no .env file, and
    `settings` (None leaves one out)."""
    kept = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(SETTINGS_PREFIXES)
    }
    chosen = {"DJANGO_ENV_FILE": "/dev/null", **settings}
    return kept | {key: value for key, value in chosen.items() if value is not None}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def worker_environment(**overrides) -> dict[str, str]:
    return project_environment(
        DJANGO_SECRET_KEY="worker-test",
        DATABASE_URL=test_database_url(),
        WORKER_IMPORT_PATHS="tests.worker.tasks",
        WORKER_HEARTBEAT_SECONDS="0.5",
        WORKER_STALLED_SECONDS="3",
        # The files a test uploaded, where the test keeps them.
        DJANGO_MEDIA_ROOT=str(settings.MEDIA_ROOT),
        **overrides,
    )


def start_worker(*arguments: str) -> subprocess.Popen:
    return start_manage("procrastinate", "worker", *arguments)


def run_worker_until_idle(timeout: float = 60) -> str:
    """A worker that takes every job waiting and exits; its output."""
    finished = subprocess.run(
        [sys.executable, "manage.py", "procrastinate", "worker", "--one-shot"],
        cwd=PROJECT,
        env=worker_environment(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert finished.returncode == 0, finished.stdout + finished.stderr
    return finished.stdout + finished.stderr


def stop(process: subprocess.Popen) -> str:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
    return process.stdout.read() if process.stdout else ""


def wait_for(condition, timeout: float = 60, every: float = 0.2):
    """Poll `condition` until it is true; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"still false after {timeout} s: {condition.__doc__}")


def start_manage(*arguments: str, **settings: str) -> subprocess.Popen:
    """`manage.py *arguments` on the test database, in a session of its own."""
    return subprocess.Popen(
        [sys.executable, "manage.py", *arguments],
        cwd=PROJECT,
        env=worker_environment(**settings),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
