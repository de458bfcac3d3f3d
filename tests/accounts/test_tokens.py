"""API tokens are made with DRF's command and work as Bearer tokens."""

import pytest
from django.core.management import call_command
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient


@pytest.mark.django_db
def test_drf_create_token_makes_a_bearer_token_for_the_api(agent, capsys):
    call_command("drf_create_token", agent.username)
    token = Token.objects.get(user=agent)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token.key}")

    response = client.get("/api/v2/account")

    assert token.key in capsys.readouterr().out
    assert response.status_code == 200
    assert response.json()["data"]["id"] == agent.account_id


@pytest.mark.django_db
def test_deleted_token_no_longer_authenticates(agent):
    token = Token.objects.create(user=agent)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token.key}")
    token.delete()

    response = client.get("/api/v2/account")

    assert response.status_code == 401
    assert response.json() == {"message": "Unauthenticated."}
