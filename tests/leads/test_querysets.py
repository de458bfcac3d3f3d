"""Tenancy and query cost of the querysets every page and endpoint uses."""

import pytest
from django.contrib.auth.models import AnonymousUser

from accounts.models import Account, User
from leads.models import Lead, LeadEmail, LeadPhone, LeadVehicle
from tests.factories import (
    LeadEmailFactory,
    LeadFactory,
    LeadPhoneFactory,
    LeadVehicleFactory,
    UserFactory,
)


@pytest.mark.django_db
def test_for_user_returns_only_the_users_dealership_leads(agent, other_account):
    own = LeadFactory(account=agent.account)
    LeadFactory(account=other_account)

    visible = Lead.objects.for_user(agent)

    assert list(visible) == [own]


@pytest.mark.django_db
def test_for_user_returns_every_dealership_to_a_superuser(
    superuser, account, other_account
):
    leads = [LeadFactory(account=account), LeadFactory(account=other_account)]

    visible = Lead.objects.for_user(superuser)

    assert set(visible) == set(leads)


@pytest.mark.django_db
def test_for_user_returns_nothing_to_anonymous_users(account):
    LeadFactory(account=account)

    assert not Lead.objects.for_user(AnonymousUser()).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("model", "factory"),
    [
        (LeadEmail, LeadEmailFactory),
        (LeadPhone, LeadPhoneFactory),
        (LeadVehicle, LeadVehicleFactory),
    ],
    ids=["emails", "phones", "vehicles"],
)
def test_contacts_for_user_hide_other_dealerships(agent, other_account, model, factory):
    own = factory(lead=LeadFactory(account=agent.account))
    factory(lead=LeadFactory(account=other_account))

    assert list(model.objects.for_user(agent)) == [own]


@pytest.mark.django_db
def test_users_for_user_are_the_staff_of_the_same_dealership(agent, other_account):
    colleague = UserFactory(account=agent.account)
    UserFactory(account=other_account)

    assert set(User.objects.for_user(agent)) == {agent, colleague}


@pytest.mark.django_db
def test_accounts_for_user_is_the_users_own_dealership(agent, other_account):
    assert list(Account.objects.for_user(agent)) == [agent.account]


def make_worked_lead(account, staff):
    lead = LeadFactory(account=account, bdc=staff, advisor=staff, service_agent=staff)
    LeadEmailFactory(lead=lead)
    LeadPhoneFactory(lead=lead)
    LeadVehicleFactory(lead=lead, verified_by=staff)
    LeadVehicleFactory(lead=lead, type="exchange", verified_by=staff)
    return lead


def read_page(size):
    """Touch everything a lead's representation shows, for one page."""
    page = Lead.objects.with_related().newest_first()[:size]
    return [
        (
            lead.account.name,
            [getattr(lead, slot) for slot in ("advisor", "bdc", "commercial")],
            lead.service_advisor,
            lead.service_agent,
            [email.address for email in lead.emails.all()],
            [phone.number for phone in lead.phones.all()],
            [(vehicle.type, vehicle.verified_by) for vehicle in lead.vehicles.all()],
        )
        for lead in page
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("size", [1, 50])
def test_with_related_reads_a_page_in_four_queries(
    account, agent, django_assert_num_queries, size
):
    for _ in range(50):
        make_worked_lead(account, agent)

    with django_assert_num_queries(4):
        rows = read_page(size)

    assert len(rows) == size
    assert all(row[4] and row[5] and len(row[6]) == 2 for row in rows)


@pytest.mark.django_db
def test_newest_first_orders_by_creation_date(account):
    older = LeadFactory(account=account)
    newer = LeadFactory(account=account)
    Lead.objects.filter(pk=older.pk).update(
        created_at=newer.created_at.replace(year=2020)
    )

    assert list(Lead.objects.newest_first()) == [newer, older]
