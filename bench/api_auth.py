"""Bearer tokens for API benchmarks without writing to the shared tables.

A benchmark's tokens live in its own scratch schema, ahead of `public` in
the search path of its connections, so DRF's TokenAuthentication runs its
usual query and finds them there; the schema is dropped afterwards.
"""

import secrets

from django.db import connection


def search_path_option(schema: str) -> str:
    """The libpq `options` that put `schema` first (DATABASES OPTIONS)."""
    return f"-c search_path={schema},public"


def use_scratch_schema(schema: str) -> None:
    """Put `schema` first for this process; call before any query."""
    connection.settings_dict["OPTIONS"]["options"] = search_path_option(schema)


def create_token(schema: str, user_id: int) -> str:
    key = secrets.token_hex(20)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        cursor.execute(f"CREATE SCHEMA {schema}")
        # Each use of a token is recorded (accounts.token_activity): there too.
        for table in ("authtoken_token", "accounts_tokenactivity"):
            cursor.execute(
                f"CREATE TABLE {schema}.{table} (LIKE public.{table} INCLUDING ALL)"
            )
        cursor.execute(
            f"INSERT INTO {schema}.authtoken_token (key, user_id, created)"
            " VALUES (%s, %s, now())",
            [key, user_id],
        )
    return key


def drop_schema(schema: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
