"""Superusers see every dealership's rows, so every scoped admin list shows
them which dealership a row belongs to, and lets them pick one; staff of
one dealership see neither."""

import pytest
from django.contrib import admin
from django.urls import reverse

from accounts.admin_scoping import DealershipScopedMixin

DEALERSHIP_LISTS = [
    model_admin
    for model_admin in admin.site._registry.values()
    if isinstance(model_admin, DealershipScopedMixin) and model_admin.dealership_field
]


def list_url(model_admin) -> str:
    opts = model_admin.model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")


def test_every_scoped_list_with_a_dealership_is_covered():
    names = {type(model_admin).__name__ for model_admin in DEALERSHIP_LISTS}

    assert {"LeadAdmin", "UserAdmin", "LeadExportAdmin", "TokenAdmin"} <= names


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model_admin", DEALERSHIP_LISTS, ids=lambda m: m.model._meta.label
)
def test_superuser_list_shows_and_filters_by_dealership(
    superuser_client, account, other_account, model_admin
):
    response = superuser_client.get(list_url(model_admin))

    cl = response.context["cl"]
    assert model_admin.dealership_field in cl.list_display
    assert any("dealership" in str(spec.title).lower() for spec in cl.filter_specs), [
        str(spec.title) for spec in cl.filter_specs
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model_admin", DEALERSHIP_LISTS, ids=lambda m: m.model._meta.label
)
def test_manager_list_has_no_dealership_column_or_filter(manager_client, model_admin):
    response = manager_client.get(list_url(model_admin))

    cl = response.context["cl"]
    assert model_admin.dealership_field not in cl.list_display
    assert not any("dealership" in str(spec.title).lower() for spec in cl.filter_specs)
