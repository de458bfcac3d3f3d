"""Admin sign-in is locked for a username and address after 5 failures in a
row (django-axes), for 15 minutes or until `axes_reset`."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client

from tests.factories import UserFactory

LOGIN_URL = "/admin/login/"
ATTACKER = "203.0.113.7"


def sign_in(username, password, address=ATTACKER):
    client = Client()
    response = client.post(
        LOGIN_URL,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )
    return response, client


def fail(username, times, address=ATTACKER):
    """Sign in with a wrong password `times` times; the last answer."""
    for _ in range(times):
        response, _client = sign_in(username, "wrong", address)
    return response


def is_signed_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.fixture
def staff(account):
    return UserFactory(account=account, username="agent", is_staff=True)


@pytest.mark.django_db
def test_fifth_failure_answers_with_the_lockout_page(staff):
    fourth = fail("agent", 4)

    fifth = fail("agent", 1)

    assert fourth.status_code == 200
    assert fifth.status_code == 429
    assert "Sign-in is blocked" in fifth.content.decode()


@pytest.mark.django_db
def test_five_failures_lock_out_even_the_right_password(staff):
    fail("agent", 5)

    response, client = sign_in("agent", "pass")

    assert response.status_code == 429
    assert not is_signed_in(client)
    page = response.content.decode()
    assert "Sign-in is blocked after 5 failed attempts" in page
    assert "Try again in 15 minutes" in page


@pytest.mark.django_db
def test_four_failures_still_let_the_right_password_in(staff):
    fail("agent", 4)

    response, client = sign_in("agent", "pass")

    assert response.status_code == 302
    assert is_signed_in(client)


@pytest.mark.django_db
def test_lockout_leaves_other_users_and_other_addresses_alone(staff, account):
    UserFactory(account=account, username="manager", is_staff=True)
    fail("agent", 5)

    other_user, other_user_client = sign_in("manager", "pass")
    other_address, other_address_client = sign_in("agent", "pass", "198.51.100.1")

    assert other_user.status_code == 302
    assert is_signed_in(other_user_client)
    assert other_address.status_code == 302
    assert is_signed_in(other_address_client)


@pytest.mark.django_db
def test_success_before_the_limit_starts_the_count_again(staff):
    fail("agent", 4)
    sign_in("agent", "pass")
    fail("agent", 4)

    response, client = sign_in("agent", "pass")

    assert response.status_code == 302
    assert is_signed_in(client)


@pytest.mark.django_db
def test_lockout_ends_after_fifteen_minutes(staff):
    fail("agent", 5)
    sixteen_minutes_ago = datetime.datetime.now(datetime.UTC) - datetime.timedelta(
        minutes=16
    )
    AccessAttempt.objects.update(attempt_time=sixteen_minutes_ago)

    response, client = sign_in("agent", "pass")

    assert response.status_code == 302
    assert is_signed_in(client)


@pytest.mark.django_db
def test_axes_reset_lifts_a_lockout(staff):
    fail("agent", 5)

    call_command("axes_reset")
    response, client = sign_in("agent", "pass")

    assert response.status_code == 302
    assert is_signed_in(client)


@pytest.mark.django_db
def test_superusers_read_the_sign_in_records_in_the_admin(staff, superuser_client):
    fail("agent", 5)
    attempt = AccessAttempt.objects.get(username="agent")

    listed = superuser_client.get("/admin/axes/accessattempt/")
    opened = superuser_client.get(f"/admin/axes/accessattempt/{attempt.pk}/change/")

    assert listed.status_code == opened.status_code == 200
    assert ATTACKER in opened.content.decode()


@pytest.mark.django_db
def test_staff_are_refused_sign_in_records_whatever_the_id(staff, manager_client):
    fail("agent", 5)
    attempt = AccessAttempt.objects.get(username="agent")

    pages = [f"/admin/axes/accessattempt/{pk}/change/" for pk in (attempt.pk, 987654)]

    assert [manager_client.get(page).status_code for page in pages] == [403, 403]
