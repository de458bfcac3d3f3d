"""Production readiness: Django's deployment checklist."""

import subprocess
import sys
from pathlib import Path

from tests.processes import project_environment

PROJECT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "k7#pQ2!vX9@mL4$wR8^zT1&nB6*cY3(eU5)hJ0_gF-dS+aE=iO",
    "DJANGO_ALLOWED_HOSTS": "leads.example.com",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://leads.example.com",
    "DATABASE_URL": "postgres://leaddesk:secret@db.example.com:5432/leaddesk",
}


def run_check(**overrides):
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT,
        env=project_environment(**(PRODUCTION | overrides)),
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
