"""Settings come from the environment; checked in a fresh interpreter each
time, since settings are read once per process."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.processes import project_environment

PROJECT = Path(__file__).resolve().parent.parent
PRINT_SETTINGS = (
    "import json, django; from django.conf import settings; django.setup(); "
    "db = settings.DATABASES['default']; "
    "print(json.dumps({'debug': settings.DEBUG, 'engine': db['ENGINE'], "
    "'options': db.get('OPTIONS', {}), 'throttle': settings.API_THROTTLE_RATE, "
    "'hosts': settings.ALLOWED_HOSTS, 'ssl_redirect': settings.SECURE_SSL_REDIRECT, "
    "'cache': settings.CACHES['default']['BACKEND']}))"
)


def load_settings(**environment):
    environment = project_environment(
        **{
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DATABASE_URL": "postgres://leads@db.internal:5432/leads",
            **environment,
        }
    )
    return subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_settings_refuse_to_start_without_secret_key_outside_debug():
    result = load_settings(DJANGO_DEBUG="false")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_settings_start_without_secret_key_in_debug():
    result = load_settings(DJANGO_DEBUG="true")

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["debug"] is True


def test_settings_default_to_the_documented_throttle_and_https():
    result = load_settings(DJANGO_SECRET_KEY="k")

    loaded = json.loads(result.stdout)
    assert loaded["throttle"] == "200/minute"
    assert loaded["ssl_redirect"] is True


def test_settings_refuse_to_start_without_a_database():
    result = load_settings(DJANGO_SECRET_KEY="k", DATABASE_URL=None)

    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr


def test_settings_refuse_a_database_other_than_postgresql():
    result = load_settings(DJANGO_SECRET_KEY="k", DATABASE_URL="sqlite:///leads.db")

    assert result.returncode != 0
    assert "PostgreSQL" in result.stderr


def test_database_url_selects_postgresql_with_a_connection_pool():
    result = load_settings(
        DJANGO_SECRET_KEY="k",
        DATABASE_URL="postgres://leads:secret@db.internal:5432/leads",
        DATABASE_POOL_MAX_SIZE="7",
    )

    loaded = json.loads(result.stdout)
    assert loaded["engine"] == "django.db.backends.postgresql"
    assert loaded["options"]["pool"]["max_size"] == 7


def test_environment_sets_hosts_and_throttle():
    result = load_settings(
        DJANGO_SECRET_KEY="k",
        DJANGO_ALLOWED_HOSTS="leads.example.com,api.example.com",
        API_THROTTLE_RATE="50/minute",
        DJANGO_SECURE_SSL_REDIRECT="false",
    )

    loaded = json.loads(result.stdout)
    assert loaded["hosts"] == ["leads.example.com", "api.example.com"]
    assert loaded["throttle"] == "50/minute"
    assert loaded["ssl_redirect"] is False


@pytest.mark.parametrize(
    ("environment", "backend"),
    [
        ({}, "django.core.cache.backends.locmem.LocMemCache"),
        (
            {"SHARED_CACHE_URL": "dbcache://leaddesk_cache"},
            "django.core.cache.backends.db.DatabaseCache",
        ),
        (
            {
                "SHARED_CACHE_URL": "dbcache://leaddesk_cache",
                "CACHE_URL": "redis://127.0.0.1:6379/0",
            },
            "django.core.cache.backends.redis.RedisCache",
        ),
    ],
    ids=["alone", "served", "chosen"],
)
def test_the_cache_is_shared_when_served_unless_one_is_chosen(environment, backend):
    result = load_settings(DJANGO_SECRET_KEY="k", **environment)

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["cache"] == backend
