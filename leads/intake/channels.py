"""Making intake channels and rotating their secrets: the admin and
`manage.py intake_channel` do both through here."""

from dataclasses import dataclass

from django.db import transaction

from accounts.models import Account

from .channel_secrets import hash_of, intake_email, intake_url, new_secret
from .models import IntakeChannel


@dataclass(frozen=True)
class Addresses:
    """Where a provider sends a channel's leads; shown once, when made."""

    url: str
    email: str

    @classmethod
    def of(cls, secret: str) -> "Addresses":
        return cls(url=intake_url(secret), email=intake_email(secret))


def issue_secret(channel: IntakeChannel) -> Addresses:
    """Give `channel` a new secret (not saved yet); its addresses."""
    secret = new_secret()
    channel.secret_hash = hash_of(secret)
    channel.secret_hint = secret[:6]
    return Addresses.of(secret)


@transaction.atomic
def create_channel(
    *, account: Account, provider: str, **defaults
) -> tuple[IntakeChannel, Addresses]:
    channel = IntakeChannel(account=account, provider=provider, **defaults)
    addresses = issue_secret(channel)
    channel.full_clean()
    channel.save()
    return channel, addresses


@transaction.atomic
def rotate_secret(channel: IntakeChannel) -> Addresses:
    """A new secret: the old address and URL stop working at once."""
    addresses = issue_secret(channel)
    channel.save(update_fields=["secret_hash", "secret_hint"])
    return addresses
