"""The lead list's pages: what a later page shows, what a page costs in
queries, and counts estimated or exact."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from leads.admin.lead_list.paginator import EstimatedCountPaginator
from leads.admin.leads import LeadAdmin
from tests.conftest import changelist_ids, toronto
from tests.factories import (
    LeadEmailFactory,
    LeadFactory,
    LeadPhoneFactory,
    UserFactory,
)

URL = "/admin/leads/lead/"


def make_leads_a_day_apart(account, count, **attributes):
    """`count` leads, newest first."""
    return [
        LeadFactory(
            account=account,
            created_at=toronto(2024, 5, 1) - datetime.timedelta(days=day),
            **attributes,
        )
        for day in range(count)
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "division=new&segment__exact=conquest&"])
def test_changelist_later_page_lists_the_next_leads(
    agent_client, account, monkeypatch, query
):
    monkeypatch.setattr(LeadAdmin, "list_per_page", 2)
    leads = make_leads_a_day_apart(account, 5, division="new", segment="conquest")
    LeadFactory(account=account, division="used", created_at=toronto(2020, 1, 1))

    response = agent_client.get(f"{URL}?{query}p=2")

    assert changelist_ids(response) == [leads[2].id, leads[3].id]


@pytest.mark.django_db
def test_changelist_later_page_follows_the_chosen_column_order(
    agent_client, account, monkeypatch
):
    monkeypatch.setattr(LeadAdmin, "list_per_page", 2)
    names = ["Dion", "Audet", "Caron", "Bédard", "Éthier"]
    by_name = {name: LeadFactory(account=account, last_name=name).id for name in names}

    # The name column, ascending.
    response = agent_client.get(f"{URL}?o=1&p=2")

    assert changelist_ids(response) == [by_name["Caron"], by_name["Dion"]]


def make_worked_leads(account, count):
    bdc = UserFactory(account=account)
    advisor = UserFactory(account=account)
    for index in range(count):
        lead = LeadFactory(
            account=account,
            first_name=f"Client{index}",
            bdc=bdc,
            advisor=advisor,
            source=f"Source {index}",
        )
        LeadEmailFactory(lead=lead)
        LeadPhoneFactory(lead=lead)


def changelist_query_count(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_changelist_query_count_does_not_grow_with_leads(agent_client, account):
    make_worked_leads(account, 2)
    few = changelist_query_count(agent_client)
    make_worked_leads(account, 20)

    many = changelist_query_count(agent_client)

    assert many == few


@pytest.mark.django_db
def test_changelist_page_costs_a_fixed_small_number_of_queries(
    agent_client, account, django_assert_max_num_queries
):
    make_worked_leads(account, 30)

    # Session, user, permissions (2), staff and source filter choices, count,
    # page, phones, emails.
    with django_assert_max_num_queries(10):
        response = agent_client.get(f"{URL}?division=none&q=client1")

    assert len(changelist_ids(response)) == 11  # Client1, Client10 to Client19


@pytest.mark.django_db
def test_changelist_later_page_costs_the_queries_of_the_first(
    agent_client, account, monkeypatch
):
    monkeypatch.setattr(LeadAdmin, "list_per_page", 10)
    make_worked_leads(account, 30)
    first = changelist_query_count(agent_client)

    with CaptureQueriesContext(connection) as queries:
        response = agent_client.get(f"{URL}?p=3")

    assert len(changelist_ids(response)) == 10
    assert len(queries) == first


@pytest.mark.django_db
def test_superuser_changelist_costs_a_fixed_small_number_of_queries(
    superuser_client, account, other_account, django_assert_max_num_queries
):
    make_worked_leads(account, 15)
    make_worked_leads(other_account, 15)

    # Session, user, staff, dealership and source filter choices, estimate
    # (then an exact count, as there are few leads), page, phones, emails.
    with django_assert_max_num_queries(10):
        response = superuser_client.get(URL)

    assert len(changelist_ids(response)) == 30


@pytest.mark.django_db
def test_unfiltered_changelist_estimates_instead_of_counting(
    agent_client, account, monkeypatch
):
    monkeypatch.setattr(EstimatedCountPaginator, "exact_below", 0)
    lead = LeadFactory(account=account)

    with CaptureQueriesContext(connection) as queries:
        response = agent_client.get(URL)

    sql = [query["sql"].upper() for query in queries]
    assert not [statement for statement in sql if "COUNT(" in statement]
    assert [statement for statement in sql if statement.startswith("EXPLAIN")]
    assert response.context["cl"].paginator.is_estimate
    assert changelist_ids(response) == [lead.id]


@pytest.mark.django_db
def test_filtered_changelist_counts_exactly(agent_client, account, monkeypatch):
    monkeypatch.setattr(EstimatedCountPaginator, "exact_below", 0)
    LeadFactory(account=account, division="new")

    with CaptureQueriesContext(connection) as queries:
        response = agent_client.get(f"{URL}?division=new")

    assert [query for query in queries if "COUNT(" in query["sql"].upper()]
    assert not response.context["cl"].paginator.is_estimate
    assert response.context["cl"].result_count == 1


@pytest.mark.django_db
def test_small_unfiltered_changelist_counts_exactly(agent_client, account):
    LeadFactory.create_batch(3, account=account)

    response = agent_client.get(URL)

    assert response.context["cl"].result_count == 3
    assert not response.context["cl"].paginator.is_estimate
