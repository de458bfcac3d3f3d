"""GET /health: the database for load balancers, the worker for people."""

import pytest
from django.db import connection

from tests.processes import start_worker, stop, wait_for


@pytest.mark.django_db
def test_health_reports_the_database_and_no_worker(client):
    response = client.get("/health")

    assert response.status_code == 200
    assert response.json()["database"] == "ok"
    assert response.json()["worker"] == "down"


@pytest.mark.usefixtures("empty_queue")
def test_health_says_a_worker_is_up_while_one_runs(client):
    worker = start_worker()
    try:
        up = wait_for(lambda: client.get("/health").json()["worker"] == "up", 60)
    finally:
        stop(worker)

    assert up


@pytest.mark.django_db
def test_health_reports_a_working_database(client):
    response = client.get("/health")

    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["database"] == "ok"
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_health_reports_an_unreachable_database_as_503(client, monkeypatch):
    # A real failure: point the connection at a server that is not there.
    connection.close()
    monkeypatch.setitem(connection.settings_dict, "PORT", "1")
    monkeypatch.setitem(connection.settings_dict, "HOST", "127.0.0.1")
    monkeypatch.setitem(connection.settings_dict, "OPTIONS", {})

    response = client.get("/health")

    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "database": "down",
        "worker": "unknown",
    }
