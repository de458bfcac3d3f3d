"""Managers issue and revoke their own dealership's API tokens in the admin;
agents cannot; a revoked token no longer opens the API."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from accounts.models import TokenActivity
from tests.conftest import bearer_client, changelist_ids
from tests.factories import UserFactory

URL = "/admin/authtoken/tokenproxy/"


def bearer_client_for(token) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token.key}")
    return client


@pytest.mark.django_db
def test_manager_lists_only_their_dealerships_tokens(
    manager_client, agent, other_agent, account
):
    own = Token.objects.create(user=agent)
    Token.objects.create(user=other_agent)
    Token.objects.create(user=UserFactory(account=account, is_superuser=True))

    response = manager_client.get(URL)

    assert response.status_code == 200
    assert changelist_ids(response) == [own.user_id]


@pytest.mark.django_db
def test_token_list_shows_only_the_start_of_each_key(manager_client, agent):
    token = Token.objects.create(user=agent)

    page = manager_client.get(URL).content.decode()

    assert f"{token.key[:8]}…" in page
    assert token.key not in page


@pytest.mark.django_db
def test_manager_revokes_a_token_and_the_api_refuses_it(manager_client, agent):
    api_client = bearer_client(agent)
    assert api_client.get("/api/v2/account").status_code == 200

    response = manager_client.post(f"{URL}{agent.id}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert not Token.objects.filter(user=agent).exists()
    assert api_client.get("/api/v2/account").status_code == 401


@pytest.mark.django_db
def test_manager_cannot_revoke_another_dealerships_token(manager_client, other_agent):
    token = Token.objects.create(user=other_agent)

    page = manager_client.get(f"{URL}{other_agent.id}/delete/")
    response = manager_client.post(f"{URL}{other_agent.id}/delete/", {"post": "yes"})

    assert page.status_code == 404
    assert response.status_code == 404
    assert Token.objects.filter(pk=token.pk).exists()


@pytest.mark.django_db
def test_manager_issues_a_token_and_sees_its_key_once(manager_client, agent):
    response = manager_client.post(f"{URL}add/", {"user": agent.id}, follow=True)

    token = Token.objects.get(user=agent)
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert any(token.key in message for message in messages)
    assert bearer_client_for(token).get("/api/v2/account").status_code == 200


@pytest.mark.django_db
def test_manager_cannot_issue_a_token_to_another_dealerships_user(
    manager_client, other_agent
):
    response = manager_client.post(f"{URL}add/", {"user": other_agent.id})

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Token.objects.exists()


@pytest.mark.django_db
def test_agent_cannot_list_issue_or_revoke_tokens(agent_client, agent, account):
    colleague = UserFactory(account=account)
    Token.objects.create(user=colleague)

    listed = agent_client.get(URL)
    issued = agent_client.post(f"{URL}add/", {"user": agent.id})
    revoked = agent_client.post(f"{URL}{colleague.id}/delete/", {"post": "yes"})

    assert (listed.status_code, issued.status_code, revoked.status_code) == (
        403,
        403,
        403,
    )
    assert list(Token.objects.values_list("user", flat=True)) == [colleague.id]


@pytest.mark.django_db
def test_manager_finds_the_tokens_flagged_unused(manager_client, agent, account):
    flagged = Token.objects.create(user=agent)
    in_use = Token.objects.create(user=UserFactory(account=account))
    TokenActivity.objects.create(
        token=flagged,
        last_used_at=timezone.now() - datetime.timedelta(days=120),
        unused_since=timezone.now(),
    )
    TokenActivity.objects.create(token=in_use, last_used_at=timezone.now())

    response = manager_client.get(URL, {"unused": "yes"})

    assert changelist_ids(response) == [flagged.user_id]
    assert "Flagged unused" in response.content.decode()
