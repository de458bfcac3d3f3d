"""manage.py intake_channel create|rotate|list: intake channels by script,
for operators who set up many dealerships."""

import json

from django.core.management.base import BaseCommand, CommandError

from accounts.models import Account
from leads.intake.channels import create_channel, rotate_secret
from leads.intake.models import IntakeChannel


class Command(BaseCommand):
    help = "Create an intake channel, rotate its secret, or list channels."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="command", required=True)
        create = commands.add_parser("create", help="A new channel for a dealership.")
        create.add_argument("--account", type=int, required=True)
        create.add_argument("--provider", required=True)
        create.add_argument("--division", default="")
        create.add_argument("--segment", default="")
        create.add_argument("--type", default="email")
        create.add_argument("--json", action="store_true")
        rotate = commands.add_parser("rotate", help="A new secret for a channel.")
        rotate.add_argument("channel", type=int)
        rotate.add_argument("--json", action="store_true")
        listing = commands.add_parser("list", help="The channels, newest last.")
        listing.add_argument("--account", type=int)
        listing.add_argument("--json", action="store_true")

    def handle(self, *args, command, **options):
        getattr(self, command)(**options)

    def create(self, *, account, provider, division, segment, type, json, **_):
        try:
            dealership = Account.objects.get(pk=account)
        except Account.DoesNotExist:
            raise CommandError(f"No dealership has id {account}.") from None
        channel, addresses = create_channel(
            account=dealership,
            provider=provider,
            division=division,
            segment=segment,
            type=type,
        )
        self._show(channel, addresses, as_json=json)

    def rotate(self, *, channel, json, **_):
        try:
            found = IntakeChannel.objects.get(pk=channel)
        except IntakeChannel.DoesNotExist:
            raise CommandError(f"No intake channel has id {channel}.") from None
        self._show(found, rotate_secret(found), as_json=json)

    def list(self, *, account, json, **_):
        channels = IntakeChannel.objects.order_by("id")
        if account is not None:
            channels = channels.filter(account_id=account)
        rows = [
            {
                "id": channel.pk,
                "account": channel.account_id,
                "provider": channel.provider,
                "secret_starts": channel.secret_hint,
                "active": channel.active,
            }
            for channel in channels
        ]
        if json:
            self.stdout.write(_json(rows))
            return
        for row in rows:
            state = "active" if row["active"] else "inactive"
            self.stdout.write(
                f"{row['id']:>6}  dealership {row['account']:<6} {row['provider']}"
                f"  ({row['secret_starts']}…, {state})"
            )

    def _show(self, channel, addresses, *, as_json: bool):
        shown = {"id": channel.pk, "url": addresses.url, "email": addresses.email}
        if as_json:
            self.stdout.write(_json(shown))
            return
        self.stdout.write(f"Channel {channel.pk} ({channel.provider}):")
        self.stdout.write(f"  POST {addresses.url}")
        self.stdout.write(f"  mail {addresses.email}")
        self.stdout.write("The secret is shown only now: keep these addresses.")


def _json(value) -> str:
    return json.dumps(value, indent=2)
