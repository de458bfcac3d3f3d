"""The lead list (changelist): columns, order, sidebar filters, query cost."""

import datetime
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from leads.admin.lead_list.paginator import EstimatedCountPaginator
from leads.admin.leads import LeadAdmin
from tests.conftest import changelist_ids
from tests.factories import (
    LeadEmailFactory,
    LeadFactory,
    LeadPhoneFactory,
    UserFactory,
)

URL = "/admin/leads/lead/"
TORONTO = zoneinfo.ZoneInfo("America/Toronto")


def toronto(*args):
    return datetime.datetime(*args, tzinfo=TORONTO)


@pytest.mark.django_db
def test_changelist_lists_newest_leads_first(agent_client, account):
    older = LeadFactory(account=account, created_at=toronto(2024, 5, 1, 9))
    newer = LeadFactory(account=account, created_at=toronto(2024, 5, 2, 9))

    response = agent_client.get(URL)

    assert response.status_code == 200
    assert changelist_ids(response) == [newer.id, older.id]


@pytest.mark.django_db
def test_changelist_shows_the_columns_an_agent_scans(agent_client, account):
    bdc = UserFactory(account=account, first_name="Julie", last_name="Roy")
    advisor = UserFactory(account=account, first_name="Marc", last_name="Caron")
    lead = LeadFactory(
        account=account,
        first_name="Marie",
        last_name="Tremblay",
        division="new",
        segment="conquest",
        type="phone",
        source="Kijiji",
        result="reached",
        bdc=bdc,
        advisor=advisor,
    )
    LeadPhoneFactory(lead=lead, number="+15145550101", type="home")
    LeadPhoneFactory(lead=lead, number="+15145550102", type="mobile")
    LeadEmailFactory(lead=lead, address="marie@example.ca", type="work")

    response = agent_client.get(URL)

    row = response.content.decode()
    for text in [
        "Marie Tremblay",
        "+15145550102",  # mobile before home
        "marie@example.ca",
        "New",
        "Conquest",
        "Phone",
        "Kijiji",
        "Active",
        "Reached",
        "Julie Roy",
        "Marc Caron",
    ]:
        assert text in row
    assert "+15145550101" not in row


@pytest.mark.django_db
def test_changelist_rows_carry_the_bulk_action_checkbox(agent_client, account):
    lead = LeadFactory(account=account, first_name="Marie", last_name="Tremblay")

    response = agent_client.get(URL)

    checkbox = (
        f'<input type="checkbox" name="_selected_action" value="{lead.id}" '
        'class="action-select" '
        'aria-label="Select this object for an action - Marie Tremblay">'
    )
    assert checkbox in response.content.decode()


@pytest.mark.django_db
def test_changelist_names_a_business_lead_by_its_business(agent_client, account):
    LeadFactory(account=account, business=True, business_name="Transport Gagnon")

    response = agent_client.get(URL)

    assert "Transport Gagnon" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "matching", "other"),
    [
        ("division=new", {"division": "new"}, {"division": "used"}),
        ("division=none", {"division": ""}, {"division": "service"}),
        ("segment__exact=notSold", {"segment": "notSold"}, {"segment": "promo"}),
        ("status=active", {"status": ""}, {"status": "lost"}),
        ("status=duplicate", {"status": "duplicate"}, {"status": ""}),
        ("type__exact=walk_in", {"type": "walk_in"}, {"type": "email"}),
        ("result__exact=attempted", {"result": "attempted"}, {"result": "pending"}),
        ("source=Kijiji", {"source": "Kijiji"}, {"source": "AutoHebdo"}),
        (
            "created_method__exact=api",
            {"created_method": "api"},
            {"created_method": "manual"},
        ),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_changelist_filters_by_field(agent_client, account, query, matching, other):
    kept = LeadFactory(account=account, **matching)
    LeadFactory(account=account, **other)

    response = agent_client.get(f"{URL}?{query}")

    assert response.status_code == 200
    assert changelist_ids(response) == [kept.id]


@pytest.mark.django_db
@pytest.mark.parametrize("slot", ["bdc", "advisor"])
def test_changelist_filters_by_user_slot(agent_client, account, slot):
    julie = UserFactory(account=account)
    marc = UserFactory(account=account)
    kept = LeadFactory(account=account, **{slot: julie})
    LeadFactory(account=account, **{slot: marc})

    response = agent_client.get(f"{URL}?{slot}__id__exact={julie.id}")

    assert changelist_ids(response) == [kept.id]


@pytest.mark.django_db
def test_changelist_filters_leads_assigned_to_me(agent_client, agent, account):
    colleague = UserFactory(account=account)
    as_bdc = LeadFactory(account=account, bdc=agent)
    as_service_agent = LeadFactory(account=account, service_agent=agent)
    LeadFactory(account=account, bdc=colleague)
    LeadFactory(account=account)

    response = agent_client.get(f"{URL}?assigned=me")

    assert set(changelist_ids(response)) == {as_bdc.id, as_service_agent.id}


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["created_at", "appointment_date", "sale_date"])
def test_changelist_filters_a_date_range_including_both_days(
    agent_client, account, field
):
    first_day = LeadFactory(account=account, **{field: toronto(2024, 5, 1, 0, 5)})
    last_evening = LeadFactory(account=account, **{field: toronto(2024, 5, 31, 23, 30)})
    LeadFactory(account=account, **{field: toronto(2024, 4, 30, 23, 55)})
    LeadFactory(account=account, **{field: toronto(2024, 6, 1, 0, 5)})

    response = agent_client.get(
        f"{URL}?{field}__since=2024-05-01&{field}__until=2024-05-31"
    )

    assert set(changelist_ids(response)) == {first_day.id, last_evening.id}


@pytest.mark.django_db
def test_changelist_date_range_may_be_open_ended(agent_client, account):
    recent = LeadFactory(account=account, sale_date=toronto(2024, 6, 2, 12))
    LeadFactory(account=account, sale_date=toronto(2024, 5, 30, 12))
    LeadFactory(account=account, sale_date=None)

    response = agent_client.get(f"{URL}?sale_date__since=2024-06-01")

    assert changelist_ids(response) == [recent.id]


@pytest.mark.django_db
def test_changelist_rejects_a_malformed_date(agent_client, account):
    response = agent_client.get(f"{URL}?created_at__since=yesterday")

    assert response.status_code == 302
    assert response.url.endswith("?e=1")


@pytest.mark.django_db
def test_changelist_combines_filters(agent_client, account):
    kept = LeadFactory(account=account, division="new", segment="conquest")
    LeadFactory(account=account, division="new", segment="promo")
    LeadFactory(account=account, division="used", segment="conquest")

    response = agent_client.get(f"{URL}?division=new&segment__exact=conquest")

    assert changelist_ids(response) == [kept.id]


@pytest.mark.django_db
def test_changelist_shows_dealership_column_and_filter_to_superusers(
    superuser_client, account, other_account
):
    kept = LeadFactory(account=other_account)
    LeadFactory(account=account)

    response = superuser_client.get(f"{URL}?account__id__exact={other_account.id}")

    assert changelist_ids(response) == [kept.id]
    assert "field-account" in response.content.decode()


@pytest.mark.django_db
def test_changelist_hides_dealership_filter_from_staff(agent_client, account):
    LeadFactory(account=account)

    response = agent_client.get(URL)

    titles = [str(spec.title) for spec in response.context["cl"].filter_specs]
    assert "dealership" not in titles
    assert "field-account" not in response.content.decode()


def filter_choices(response, title) -> list[str]:
    """What a sidebar filter offers, "All" left out."""
    changelist = response.context["cl"]
    spec = next(spec for spec in changelist.filter_specs if spec.title == title)
    return [str(choice["display"]) for choice in spec.choices(changelist)][1:]


@pytest.mark.django_db
def test_source_filter_offers_each_source_of_the_dealership_once(
    agent_client, account, other_account
):
    for source in ["Kijiji", "AutoHebdo", "Kijiji", ""]:
        LeadFactory(account=account, source=source)
    LeadFactory(account=other_account, source="Facebook")

    response = agent_client.get(URL)

    assert filter_choices(response, "source") == ["AutoHebdo", "Kijiji"]


@pytest.mark.django_db
def test_source_filter_offers_superusers_every_dealerships_sources(
    superuser_client, account, other_account
):
    LeadFactory(account=account, source="Kijiji")
    LeadFactory(account=other_account, source="Facebook")
    LeadFactory(account=other_account, source="Kijiji")

    response = superuser_client.get(URL)

    assert filter_choices(response, "source") == ["Facebook", "Kijiji"]


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


@pytest.mark.django_db
def test_changelist_leaves_the_width_to_its_columns(agent_client, account):
    LeadFactory(account=account)

    html = agent_client.get(URL).content.decode()

    assert 'id="nav-sidebar"' not in html  # the app list would push columns out
    assert "column-created" in html
