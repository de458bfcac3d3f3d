"""`make run` for real (scripts/run): its own PostgreSQL, migrations, demo
data, the logins printed, a worker and the server; Ctrl-C stops all of it,
and the next run finds the data again."""

import os
import shutil
import signal
import subprocess
import tempfile
import urllib.request
from pathlib import Path

import pytest

from tests.processes import free_port, project_environment, wait_for

PROJECT = Path(__file__).resolve().parent.parent


def fetch(url: str) -> tuple[int, str] | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except OSError:
        return None


class Run:
    """scripts/run in a session of its own, as a terminal would hold it."""

    def __init__(self, pgdir: Path, log: Path):
        self.port = free_port()
        environment = project_environment(
            DJANGO_DEBUG="true",
            RUN_PGDIR=str(pgdir),
            RUN_PORT=str(self.port),
            RUN_SMTP_PORT=str(free_port()),
        )
        self.log = log
        self.process = subprocess.Popen(
            [str(PROJECT / "scripts" / "run")],
            cwd=PROJECT,
            env=environment,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def health(self) -> dict | None:
        """The health check once the server answers and a worker is up."""
        if self.process.poll() is not None:
            raise AssertionError(f"scripts/run stopped:\n{self.output()}")
        answer = fetch(self.url("/health"))
        return answer and '"worker": "up"' in answer[1] and answer[1]

    def interrupt(self) -> int:
        """Ctrl-C: SIGINT to the whole foreground group, as a terminal does."""
        os.killpg(self.process.pid, signal.SIGINT)
        return self.process.wait(timeout=60)

    def output(self) -> str:
        return self.log.read_text()


@pytest.fixture
def pgdir():
    """A folder the postgres user can reach (pytest's are private to root)."""
    made = Path(tempfile.mkdtemp(prefix="make-run-"))
    yield made
    shutil.rmtree(made, ignore_errors=True)


def test_make_run_serves_with_its_own_postgresql_and_a_worker(pgdir, tmp_path):
    first = Run(pgdir, tmp_path / "first.log")
    try:
        wait_for(first.health, timeout=240, every=1)
        login = fetch(first.url("/admin/login/"))
    finally:
        first.interrupt()
    stopped = not (pgdir / "data" / "postmaster.pid").exists()

    assert login is not None and login[0] == 200
    assert 'name="username"' in login[1]
    output = first.output()
    assert "Demo logins (password: demo-pass)" in output
    assert "manager1" in output and "agent1" in output
    assert stopped, "PostgreSQL still runs after Ctrl-C"
    assert (pgdir / "data" / "PG_VERSION").exists(), "the data must stay"


def test_a_second_make_run_keeps_the_first_ones_data(pgdir, tmp_path):
    for name in ("first", "second"):
        run = Run(pgdir, tmp_path / f"{name}.log")
        try:
            wait_for(run.health, timeout=240, every=1)
        finally:
            run.interrupt()

    second = run.output()
    assert "Dealerships already exist: no demo data added." in second
    assert "manager1" in second
