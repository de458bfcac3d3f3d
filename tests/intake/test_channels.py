"""Intake channels: made by managers in the admin or by operators with a
command, their addresses shown once, their secret rotated."""

import json

import pytest
from django.core.management import call_command

from leads.intake.channel_secrets import hash_of, secret_of_address
from leads.intake.channels import create_channel, rotate_secret
from leads.intake.models import IntakeChannel

URL = "/admin/intake/intakechannel/"


@pytest.mark.django_db
def test_manager_makes_a_channel_and_reads_its_addresses_once(manager_client, account):
    response = manager_client.post(
        f"{URL}add/",
        {"provider": "AutoTrader", "type": "email", "division": "used", "segment": ""},
        follow=True,
    )

    channel = IntakeChannel.objects.get()
    message = " ".join(str(message) for message in response.context["messages"])
    assert channel.account == account
    assert (channel.provider, channel.division) == ("AutoTrader", "used")
    [email] = [word for word in message.split() if "@" in word]
    secret = secret_of_address(email.removeprefix("<code>").split("<")[0])
    assert hash_of(secret) == channel.secret_hash
    assert f"/intake/adf/{secret}" in message
    # Afterwards only the secret's start is shown, never the secret.
    assert (
        secret not in manager_client.get(f"{URL}{channel.pk}/change/").content.decode()
    )


@pytest.mark.django_db
def test_agents_cannot_see_or_make_channels(agent_client, account):
    create_channel(account=account, provider="Brand website")

    assert agent_client.get(URL).status_code == 403
    assert agent_client.get(f"{URL}add/").status_code == 403


@pytest.mark.django_db
def test_rotating_a_secret_retires_the_old_address(account):
    channel, before = create_channel(account=account, provider="Kijiji")

    after = rotate_secret(channel)

    channel.refresh_from_db()
    assert before.email != after.email
    assert channel.secret_hash == hash_of(secret_of_address(after.email))
    assert channel.secret_hash != hash_of(secret_of_address(before.email))


@pytest.mark.django_db
def test_operators_make_and_list_channels_by_command(account, capsys, settings):
    settings.INTAKE_BASE_URL = "https://leads.example.com"
    settings.INTAKE_EMAIL_DOMAIN = "intake.example.com"

    call_command(
        "intake_channel", "create", "--account", str(account.pk),
        "--provider", "Brand website", "--division", "new", "--json",
    )  # fmt: skip
    made = json.loads(capsys.readouterr().out)
    call_command("intake_channel", "list", "--account", str(account.pk), "--json")
    listed = json.loads(capsys.readouterr().out)
    call_command("intake_channel", "rotate", str(made["id"]), "--json")
    rotated = json.loads(capsys.readouterr().out)

    assert made["url"].startswith("https://leads.example.com/intake/adf/")
    assert made["email"].endswith("@intake.example.com")
    assert [row["provider"] for row in listed] == ["Brand website"]
    assert rotated["email"] != made["email"]
    assert IntakeChannel.objects.get().division == "new"
