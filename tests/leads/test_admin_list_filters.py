"""The lead list's sidebar filters: fields, staff, dates, sources."""

import pytest

from tests.conftest import changelist_ids, toronto
from tests.factories import (
    LeadFactory,
    UserFactory,
)

URL = "/admin/leads/lead/"


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
