"""A channel's secret: its HTTP path and its email address.

Only a hash is stored, so the database alone opens no channel; the secret
itself is shown once, when it is made (or rotated). Lowercase hex, since
mail systems may change the case of an address's local part.
"""

import hashlib
import secrets

from django.conf import settings

SECRET_BYTES = 16
LOCAL_PART_PREFIX = "adf-"


def new_secret() -> str:
    return secrets.token_hex(SECRET_BYTES)


def hash_of(secret: str) -> str:
    return hashlib.sha256(secret.strip().lower().encode()).hexdigest()


def intake_url(secret: str) -> str:
    return f"{settings.INTAKE_BASE_URL.rstrip('/')}/intake/adf/{secret}"


def intake_email(secret: str) -> str:
    return f"{LOCAL_PART_PREFIX}{secret}@{settings.INTAKE_EMAIL_DOMAIN}"


def secret_of_address(address: str) -> str | None:
    """The secret of an intake address, or None if it is not one: exactly
    `adf-<secret>@<INTAKE_EMAIL_DOMAIN>`, the domain in any case."""
    local, _, domain = address.strip().rpartition("@")
    if domain.lower() != settings.INTAKE_EMAIL_DOMAIN.lower():
        return None
    if not local.lower().startswith(LOCAL_PART_PREFIX):
        return None
    return local[len(LOCAL_PART_PREFIX) :]
