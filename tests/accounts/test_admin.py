"""The staff and dealership admin: managers run their own staff, safely."""

import pytest
from django.contrib.auth.models import Group

from accounts import roles
from accounts.models import User
from tests.conftest import admin_form_data, changelist_ids
from tests.factories import UserFactory

USERS = "/admin/accounts/user/"


@pytest.mark.django_db
def test_manager_does_not_see_superusers(manager_client, manager, account):
    UserFactory(account=account, is_superuser=True, is_staff=True)

    response = manager_client.get(USERS)

    assert changelist_ids(response) == [manager.id]


@pytest.mark.django_db
def test_manager_cannot_grant_superuser_or_single_permissions(manager_client, account):
    colleague = UserFactory(account=account)

    response = manager_client.get(f"{USERS}{colleague.id}/change/")

    fields = response.context["adminform"].form.fields
    assert "is_superuser" not in fields
    assert "user_permissions" not in fields
    assert {"groups", "is_active", "is_staff", "account"} <= set(fields)


@pytest.mark.django_db
def test_manager_assigns_only_the_roles(manager_client, account):
    Group.objects.create(name="Auditors")
    colleague = UserFactory(account=account)

    response = manager_client.get(f"{USERS}{colleague.id}/change/")

    choices = response.context["adminform"].form.fields["groups"].queryset
    assert set(choices.values_list("name", flat=True)) == {
        roles.BDC_AGENT,
        roles.MANAGER,
    }


@pytest.mark.django_db
def test_manager_makes_a_colleague_an_agent(manager_client, account):
    colleague = UserFactory(account=account, username="luc")
    data = admin_form_data(manager_client.get(f"{USERS}{colleague.id}/change/"))
    data |= {"groups": [Group.objects.get(name=roles.BDC_AGENT).id], "is_staff": "on"}

    response = manager_client.post(f"{USERS}{colleague.id}/change/", data)

    assert response.status_code == 302
    colleague.refresh_from_db()
    assert colleague.is_staff
    assert colleague.has_perm("leads.change_lead")


@pytest.mark.django_db
def test_manager_adds_staff_to_their_own_dealership(manager_client, account):
    response = manager_client.post(
        f"{USERS}add/",
        {
            "username": "nouvel.agent",
            "usable_password": "true",
            "password1": "Quebec-2024-long",
            "password2": "Quebec-2024-long",
            "account": account.id,
            "groups": [Group.objects.get(name=roles.BDC_AGENT).id],
            "is_staff": "on",
        },
    )

    assert response.status_code == 302
    user = User.objects.get(username="nouvel.agent")
    assert (user.account, user.is_superuser) == (account, False)
    assert user.groups.get().name == roles.BDC_AGENT


@pytest.mark.django_db
def test_manager_cannot_add_staff_to_another_dealership(manager_client, other_account):
    response = manager_client.post(
        f"{USERS}add/",
        {
            "username": "intrus",
            "usable_password": "true",
            "password1": "Quebec-2024-long",
            "password2": "Quebec-2024-long",
            "account": other_account.id,
        },
    )

    assert response.status_code == 200
    assert not User.objects.filter(username="intrus").exists()


@pytest.mark.django_db
def test_manager_cannot_delete_staff(manager_client, account):
    colleague = UserFactory(account=account)

    response = manager_client.post(f"{USERS}{colleague.id}/delete/", {"post": "yes"})

    assert response.status_code == 403


@pytest.mark.django_db
def test_agent_reads_staff_without_changing_them(agent_client, account):
    colleague = UserFactory(account=account, first_name="Julie")

    page = agent_client.get(f"{USERS}{colleague.id}/change/")
    change = agent_client.post(f"{USERS}{colleague.id}/change/", {"first_name": "X"})

    assert page.status_code == 200
    assert "Julie" in page.content.decode()
    assert "md5$" not in page.content.decode()
    assert change.status_code == 403


@pytest.mark.django_db
def test_superuser_sees_every_permission_field(superuser_client, account):
    user = UserFactory(account=account)

    response = superuser_client.get(f"{USERS}{user.id}/change/")

    fields = response.context["adminform"].form.fields
    assert {"is_superuser", "user_permissions", "account"} <= set(fields)


@pytest.mark.django_db
def test_superuser_cannot_add_a_user_without_dealership(superuser_client):
    response = superuser_client.post(
        f"{USERS}add/",
        {
            "username": "orphan",
            "usable_password": "true",
            "password1": "Quebec-2024-long",
            "password2": "Quebec-2024-long",
        },
    )

    assert response.status_code == 200
    assert "Only superusers may have no dealership." in response.content.decode()


@pytest.mark.django_db
def test_manager_changes_their_dealership(manager_client, account):
    data = admin_form_data(
        manager_client.get(f"/admin/accounts/account/{account.id}/change/")
    )
    data["name"] = "Lachance Toyota Laval"

    response = manager_client.post(
        f"/admin/accounts/account/{account.id}/change/", data
    )

    assert response.status_code == 302
    account.refresh_from_db()
    assert account.name == "Lachance Toyota Laval"
