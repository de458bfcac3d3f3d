"""The zero-setup path of `make run`: SQLite, migrate, demo data, serve.

The rest of the suite runs on PostgreSQL; this proves the default still works.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent


@pytest.fixture
def sqlite_environment(tmp_path):
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE"))
    }
    return environment | {
        "DJANGO_ENV_FILE": "/dev/null",
        "DJANGO_DEBUG": "true",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }


def manage(environment, *arguments):
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url, attempts=100):
    """GET url, waiting for the server to come up (bounded)."""
    for _ in range(attempts):
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.status, response.read().decode()
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"{url} never answered")


def test_sqlite_instance_seeds_and_serves_the_admin_login(sqlite_environment):
    migrated = manage(sqlite_environment, "migrate", "--noinput")
    seeded = manage(
        sqlite_environment,
        "seed_demo",
        "--if-empty",
        "--accounts",
        "2",
        "--leads",
        "40",
    )
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=PROJECT,
        env=sqlite_environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        status, page = get(f"http://127.0.0.1:{port}/admin/login/")
    finally:
        server.terminate()
        server.wait(timeout=30)

    assert migrated.returncode == 0, migrated.stderr
    assert seeded.returncode == 0, seeded.stderr
    assert "manager1" in seeded.stdout and "agent1" in seeded.stdout
    assert status == 200
    assert 'name="username"' in page and 'name="password"' in page


def test_seeding_twice_with_if_empty_keeps_the_first_data(sqlite_environment):
    manage(sqlite_environment, "migrate", "--noinput")
    manage(
        sqlite_environment,
        "seed_demo",
        "--if-empty",
        "--accounts",
        "1",
        "--leads",
        "10",
    )

    again = manage(
        sqlite_environment,
        "seed_demo",
        "--if-empty",
        "--accounts",
        "1",
        "--leads",
        "10",
    )
    counted = manage(
        sqlite_environment,
        "shell",
        "-c",
        "from leads.models import Lead; print(Lead.objects.count())",
    )

    assert again.returncode == 0, again.stderr
    assert "agent1" in again.stdout
    assert counted.stdout.strip().splitlines()[-1] == "10"
