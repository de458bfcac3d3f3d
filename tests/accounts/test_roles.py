"""The groups made by the roles migration (accounts/roles.py)."""

import pytest
from django.contrib.auth.models import Group

from accounts import roles
from tests.factories import UserFactory

CONTACT_MODELS = ["lead", "leademail", "leadphone", "leadvehicle"]


def permissions_of(group_name):
    group = Group.objects.get(name=group_name)
    return {
        f"{app}.{codename}"
        for app, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


@pytest.mark.django_db
def test_bdc_agent_works_leads_and_exports_but_cannot_delete():
    granted = permissions_of(roles.BDC_AGENT)

    for model in CONTACT_MODELS:
        assert {
            f"leads.view_{model}",
            f"leads.add_{model}",
            f"leads.change_{model}",
        } <= granted
        assert f"leads.delete_{model}" not in granted
    assert "leads.export_lead" in granted
    assert "accounts.add_user" not in granted
    assert "accounts.change_user" not in granted


@pytest.mark.django_db
def test_manager_can_also_delete_leads_and_manage_staff():
    granted = permissions_of(roles.MANAGER)

    assert permissions_of(roles.BDC_AGENT) <= granted
    for model in CONTACT_MODELS:
        assert f"leads.delete_{model}" in granted
    assert {
        "accounts.add_user",
        "accounts.change_user",
        "accounts.view_user",
    } <= granted


@pytest.mark.django_db
def test_role_grants_its_permissions_to_a_member(account):
    agent = UserFactory(account=account)
    agent.groups.add(Group.objects.get(name=roles.BDC_AGENT))

    assert agent.has_perm("leads.export_lead")
    assert agent.has_perm("leads.change_lead")
    assert not agent.has_perm("leads.delete_lead")
