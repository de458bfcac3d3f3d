"""Tenancy in the admin, over every model the admin registers.

Dealership A owns a lead with its children, a staff member with an API
token, an export, an audit trail and failed sign-ins. A manager of
dealership B opens every admin list and object page: A's objects are
absent from lists, and answered exactly as a missing id is. A newly
registered model without an object of A's fails the matrix.
"""

import re

import pytest
from auditlog.models import LogEntry
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse
from procrastinate.contrib.django.models import ProcrastinateJob
from rest_framework.authtoken.models import TokenProxy

from accounts.jobs import clear_expired_sessions
from accounts.models import User
from leads.imports.models import LeadImport
from leads.intake.channels import create_channel
from leads.intake.models import IntakeChannel, IntakeDocument
from leads.intake.receiving import receive
from leads.models import Lead, LeadExport
from leads.worker.models import JobFailure
from tests.conftest import (
    MISSING_ID,
    changelist_ids,
    csv_rows,
    logged_in_client,
    snapshot,
)
from tests.factories import (
    LeadFactory,
    UserFactory,
)


@pytest.fixture
def dealership_a_records(dealership_a, settings, tmp_path):
    """A's objects and the records its work leaves, one of each admin model."""
    staff, lead = dealership_a[User], dealership_a[Lead]
    channel, _ = create_channel(account=staff.account, provider="Confidential")
    settings.MEDIA_ROOT = tmp_path  # the import's file
    failed_sign_in = {"username": staff.username, "ip_address": "203.0.113.9"}
    return dealership_a | {
        LogEntry: LogEntry.objects.get_for_object(lead).get(),
        TokenProxy: TokenProxy.objects.create(user=staff),
        LeadExport: LeadExport.objects.create(
            account=staff.account, user=staff, selection="filtered", row_count=1
        ),
        AccessAttempt: AccessAttempt.objects.create(
            failures_since_start=1, **failed_sign_in
        ),
        AccessLog: AccessLog.objects.create(**failed_sign_in),
        AccessFailureLog: AccessFailureLog.objects.create(**failed_sign_in),
        IntakeChannel: channel,
        IntakeDocument: receive(channel, b"<adf/>", via="http"),
        LeadImport: LeadImport.objects.create(
            account=staff.account,
            user=staff,
            file=ContentFile(b"last_name\nConfidential\n", name="a.csv"),
            filename="a.csv",
            encoding="utf-8-sig",
            delimiter=",",
            header=["last_name"],
            mapping=["last_name"],
            total_rows=1,
        ),
    }


# Admin models no dealership owns, so there is nothing of A's to hide.
SHARED_ADMIN_MODELS = {
    Group: "the roles, the same for every dealership",
    ProcrastinateJob: "the instance's background jobs",
    JobFailure: "why those jobs failed",
}


@pytest.fixture
def shared_records(db):
    """One object of each shared model (the roles exist already)."""
    job_id = clear_expired_sessions.defer()
    JobFailure.objects.create(
        job_id=job_id,
        task_name=clear_expired_sessions.name,
        attempt=1,
        error="RuntimeError: the dealer's DMS is down",
        traceback="Traceback ...",
    )


ADMIN_MODELS = [
    model for model in admin.site._registry if model not in SHARED_ADMIN_MODELS
]


def test_matrix_covers_every_admin_model(dealership_a_records):
    assert set(ADMIN_MODELS) <= set(dealership_a_records)


@pytest.mark.django_db
@pytest.mark.parametrize("model", SHARED_ADMIN_MODELS, ids=lambda m: m._meta.label)
def test_shared_objects_a_manager_may_not_open_are_refused_whatever_the_id(
    other_manager, shared_records, model
):
    client = logged_in_client(other_manager)
    existing = model._default_manager.earliest("pk").pk

    for pk in (existing, MISSING_ID):
        assert all(
            status == 403
            for url in admin_object_urls(model, pk)
            for status in answers(client, url)
        ), pk


def admin_object_urls(model, pk):
    """Every admin URL of a registered model that names one object."""
    urls = [
        reverse(f"admin:{pattern.name}", args=[pk])
        for pattern in admin.site._registry[model].get_urls()
        if pattern.name and "<path:object_id>" in str(pattern.pattern)
    ]
    assert urls, f"no object pages for {model._meta.label}"
    return urls


@pytest.fixture
def other_manager(other_account):
    from accounts import roles

    manager = UserFactory(account=other_account, username="b-manager", is_staff=True)
    manager.groups.add(Group.objects.get(name=roles.MANAGER))
    return manager


def answers(client, url):
    return client.get(url).status_code, client.post(url, {}).status_code


@pytest.mark.django_db
@pytest.mark.parametrize("model", ADMIN_MODELS, ids=lambda model: model._meta.label)
def test_admin_pages_of_another_dealerships_object_are_answered_as_missing(
    dealership_a_records, other_manager, model
):
    client = logged_in_client(other_manager)
    before = snapshot(dealership_a_records)

    theirs = [
        answers(client, url)
        for url in admin_object_urls(model, dealership_a_records[model].pk)
    ]
    absent = [answers(client, url) for url in admin_object_urls(model, MISSING_ID)]

    assert theirs == absent
    assert all(status in (403, 404) for pair in theirs for status in pair), theirs
    assert snapshot(dealership_a_records) == before


@pytest.mark.django_db
@pytest.mark.parametrize("model", ADMIN_MODELS, ids=lambda model: model._meta.label)
def test_admin_lists_never_show_another_dealership(
    dealership_a_records, other_manager, model
):
    client = logged_in_client(other_manager)
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")

    response = client.get(url, {"q": "Confidential"} if model is Lead else {})

    assert response.status_code in (200, 403)
    if response.status_code == 200:
        assert dealership_a_records[model].pk not in set(changelist_ids(response))


@pytest.mark.django_db
def test_admin_autocomplete_and_export_never_show_another_dealership(
    dealership_a, other_manager
):
    client = logged_in_client(other_manager)

    found = client.get(
        "/admin/autocomplete/",
        {
            "app_label": "leads",
            "model_name": "lead",
            "field_name": "bdc",
            "term": "Alice",
        },
    )
    exported = client.get(reverse("admin:leads_lead_export"))

    assert found.status_code == 200
    assert found.json()["results"] == []
    assert exported.status_code == 200
    assert str(dealership_a[Lead].pk) not in {row["id"] for row in csv_rows(exported)}


@pytest.mark.django_db
def test_manager_cannot_grant_superuser_or_raw_permissions(manager, other_account):
    staff = UserFactory(account=manager.account, username="colleague")
    client = logged_in_client(manager)
    url = reverse("admin:accounts_user_change", args=[staff.pk])

    page = client.get(url).content.decode()

    assert 'name="is_superuser"' not in page
    assert 'name="user_permissions"' not in page
    # The only dealership offered is the manager's own.
    select = re.search(r'<select name="account"[^>]*>(.*?)</select>', page, re.S)
    assert select is not None
    assert re.findall(r'<option value="([^"]*)"', select[1]) == [
        str(manager.account_id)
    ]


@pytest.mark.django_db
def test_agent_cannot_delete_a_lead_in_the_admin_or_the_api(agent, api_client):
    lead = LeadFactory(account=agent.account)
    client = logged_in_client(agent)

    page = client.post(
        reverse("admin:leads_lead_delete", args=[lead.pk]), {"post": "yes"}
    )
    call = api_client.delete(f"/api/v2/leads/{lead.pk}")

    assert page.status_code == 403
    assert call.status_code == 405
    assert Lead.objects.filter(pk=lead.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("model", SHARED_ADMIN_MODELS, ids=lambda m: m._meta.label)
def test_superusers_still_open_shared_objects(superuser_client, shared_records, model):
    existing = model._default_manager.earliest("pk").pk

    [change, *_] = admin_object_urls(model, existing)

    assert superuser_client.get(change).status_code == 200
