"""Whose address a request is: a forged X-Forwarded-For neither dodges the
login lockout nor lands in the audit trail; behind a trusted proxy, the
address the proxy saw counts."""

import pytest
from django.test import Client, RequestFactory

from accounts.client_address import client_address
from tests.factories import LeadFactory, UserFactory

LOGIN_URL = "/admin/login/"
CLIENT, PROXY, FORGED = "203.0.113.7", "10.0.0.2", "198.51.100.66"


def request_from(remote_addr: str, forwarded: str | None = None):
    headers = {"x-forwarded-for": forwarded} if forwarded else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote_addr, headers=headers)


def test_without_a_trusted_proxy_the_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0

    assert client_address(request_from(CLIENT, FORGED)) == CLIENT


@pytest.mark.parametrize(
    ("forwarded", "address"),
    [
        (CLIENT, CLIENT),
        (f"{FORGED}, {CLIENT}", CLIENT),  # the client's own entry comes first
        (f"{FORGED},{CLIENT}:51234", CLIENT),
        ("[2001:db8::7]:443", "2001:db8::7"),
        ("2001:db8::7", "2001:db8::7"),
    ],
)
def test_behind_one_proxy_the_address_it_saw_counts(settings, forwarded, address):
    settings.TRUSTED_PROXY_COUNT = 1

    assert client_address(request_from(PROXY, forwarded)) == address


def test_behind_two_proxies_the_outer_ones_entry_counts(settings):
    settings.TRUSTED_PROXY_COUNT = 2

    request = request_from(PROXY, f"{FORGED}, {CLIENT}, 10.0.0.1")

    assert client_address(request) == CLIENT


def test_a_short_header_falls_back_to_the_connection(settings):
    settings.TRUSTED_PROXY_COUNT = 2

    assert client_address(request_from(PROXY, CLIENT)) == PROXY


def fail_sign_in(forwarded: str, remote_addr: str = CLIENT) -> int:
    response = Client().post(
        LOGIN_URL,
        {"username": "agent", "password": "wrong", "next": "/admin/"},
        REMOTE_ADDR=remote_addr,
        headers={"x-forwarded-for": forwarded},
    )
    return response.status_code


@pytest.mark.django_db
def test_a_new_forged_address_each_try_still_gets_locked_out(account):
    UserFactory(account=account, username="agent", is_staff=True)

    answers = [fail_sign_in(f"198.51.100.{attempt}") for attempt in range(6)]

    assert answers == [200, 200, 200, 200, 429, 429]


@pytest.mark.django_db
def test_behind_a_proxy_one_locked_out_client_leaves_the_others_in(settings, account):
    settings.TRUSTED_PROXY_COUNT = 1
    UserFactory(account=account, username="agent", is_staff=True)

    attacker = [fail_sign_in(FORGED, remote_addr=PROXY) for _ in range(5)]
    colleague = fail_sign_in(CLIENT, remote_addr=PROXY)

    assert attacker[-1] == 429
    assert colleague == 200  # same proxy, another client: not locked out


@pytest.mark.django_db
def test_the_audit_trail_records_the_real_address(api_client, agent):
    from auditlog.models import LogEntry

    lead = LeadFactory(account=agent.account, first_name="Jon")

    response = api_client.patch(
        f"/api/v2/leads/{lead.id}",
        {"first_name": "John"},
        format="json",
        headers={"x-forwarded-for": FORGED},
    )

    assert response.status_code == 200
    entry = LogEntry.objects.get_for_object(lead).latest("timestamp")
    assert entry.remote_addr == "127.0.0.1"
