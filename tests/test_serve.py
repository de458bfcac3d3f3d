"""scripts/serve, the production entry point, run for real: gunicorn with two
workers on the test database, which must enforce the API's rate limit
together, not once per worker."""

import http.client
import os
import secrets
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest
from rest_framework.authtoken.models import Token

from tests.processes import free_port, project_environment, test_database_url

PROJECT = Path(__file__).resolve().parent.parent
RATE = 4  # requests a minute


@pytest.fixture
def server(tmp_path):
    port = free_port()
    environment = project_environment(
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_STATIC_ROOT=str(tmp_path / "static"),
        DATABASE_URL=test_database_url(),
        API_THROTTLE_RATE=f"{RATE}/minute",
        WEB_CONCURRENCY="2",
        BIND=f"127.0.0.1:{port}",
    )
    process = subprocess.Popen(
        [str(PROJECT / "scripts" / "serve")],
        cwd=PROJECT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        wait_until_up(port, process)
        yield port
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def wait_until_up(port: int, process: subprocess.Popen, seconds: float = 90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"scripts/serve exited:\n{process.stdout.read().decode()}")
        try:
            if get(port, "/health").status == 200:
                return
        except OSError:
            time.sleep(0.2)
    pytest.fail("scripts/serve did not answer /health")


def get(port: int, path: str, token: str | None = None) -> http.client.HTTPResponse:
    """A request on a connection of its own, as the TLS proxy would send it."""
    headers = {"X-Forwarded-Proto": "https"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    response.read()
    conn.close()
    return response


class HeldWorker:
    """Keeps one sync worker busy reading a request that is not finished."""

    def __init__(self, port: int):
        self.socket = socket.create_connection(("127.0.0.1", port))
        self.socket.sendall(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        time.sleep(0.5)  # until a worker has accepted it

    def release(self):
        self.socket.sendall(b"X-Forwarded-Proto: https\r\nConnection: close\r\n\r\n")
        while self.socket.recv(65536):
            pass
        self.socket.close()


# The server reads committed data; serialized rollback restores the roles
# migration's groups that the flush afterwards would lose.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_both_workers_count_against_one_rate_limit(server, agent):
    token = Token.objects.create(user=agent).key

    first = HeldWorker(server)  # so the other worker takes the next requests
    answered_by_one = [get(server, "/api/v2/leads", token).status for _ in range(RATE)]
    second = HeldWorker(server)  # that worker, now
    first.release()  # the first worker is the only one free
    answered_by_the_other = get(server, "/api/v2/leads", token)
    second.release()

    assert answered_by_one == [200] * RATE
    assert answered_by_the_other.status == 429
