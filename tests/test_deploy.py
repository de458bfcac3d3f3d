"""Production readiness: Django's deployment checklist and the health check."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

PROJECT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DJANGO_ENV_FILE": "/dev/null",
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "k7#pQ2!vX9@mL4$wR8^zT1&nB6*cY3(eU5)hJ0_gF-dS+aE=iO",
    "DJANGO_ALLOWED_HOSTS": "leads.example.com",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://leads.example.com",
    "DATABASE_URL": "sqlite:////tmp/deploy-check.sqlite3",
}


def run_check(**overrides):
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE"))
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT,
        env=environment | PRODUCTION | overrides,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_checklist_passes_with_production_values():
    result = run_check()

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_checklist_flags_a_weak_secret_key():
    result = run_check(DJANGO_SECRET_KEY="short")

    assert result.returncode != 0
    assert "security.W009" in result.stderr + result.stdout


@pytest.mark.django_db
def test_health_reports_a_working_database(client):
    response = client.get("/health")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
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
    assert response.json() == {"status": "unavailable", "database": "down"}
