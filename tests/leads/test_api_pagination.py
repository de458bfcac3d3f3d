"""Lists: `page`/`per_page`, Laravel's `links` and `meta` at the edges, and
newest `created_at` first (docs/api.md, "Envelopes and lists")."""

import datetime

import pytest

from leads.models import Lead
from tests.conftest import listed_ids
from tests.factories import LeadFactory

BASE = "http://testserver/api/v2/leads"


@pytest.fixture
def five_leads(account):
    """Five leads, created a day apart: the last one made is the newest."""
    start = datetime.datetime(2024, 2, 1, tzinfo=datetime.UTC)
    return [
        LeadFactory(account=account, created_at=start + datetime.timedelta(days=n))
        for n in range(5)
    ]


def test_list_shows_newest_created_first(api_client, account):
    old = LeadFactory(
        account=account,
        created_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC),
    )
    new = LeadFactory(account=account)
    older = LeadFactory(
        account=account,
        created_at=datetime.datetime(2019, 1, 1, tzinfo=datetime.UTC),
    )

    response = api_client.get("/api/v2/leads")

    assert listed_ids(response) == [new.id, old.id, older.id]


def test_empty_list_has_null_bounds_and_one_page(api_client):
    response = api_client.get("/api/v2/leads")

    assert response.status_code == 200
    body = response.json()
    assert body["data"] == []
    assert body["links"] == {
        "first": f"{BASE}?page=1",
        "last": f"{BASE}?page=1",
        "prev": None,
        "next": None,
    }
    assert body["meta"] == {
        "current_page": 1,
        "from": None,
        "last_page": 1,
        "path": BASE,
        "per_page": 25,
        "to": None,
        "total": 0,
    }


def test_first_page_links_to_the_next(api_client, five_leads):
    response = api_client.get("/api/v2/leads", {"per_page": 2})

    body = response.json()
    assert listed_ids(response) == [five_leads[4].id, five_leads[3].id]
    assert body["links"] == {
        "first": f"{BASE}?page=1&per_page=2",
        "last": f"{BASE}?page=3&per_page=2",
        "prev": None,
        "next": f"{BASE}?page=2&per_page=2",
    }
    assert (body["meta"]["from"], body["meta"]["to"], body["meta"]["total"]) == (
        1,
        2,
        5,
    )


def test_last_page_is_partial_and_has_no_next(api_client, five_leads):
    response = api_client.get("/api/v2/leads", {"per_page": 2, "page": 3})

    body = response.json()
    assert listed_ids(response) == [five_leads[0].id]
    assert body["links"]["prev"] == f"{BASE}?page=2&per_page=2"
    assert body["links"]["next"] is None
    assert body["meta"] == {
        "current_page": 3,
        "from": 5,
        "last_page": 3,
        "path": BASE,
        "per_page": 2,
        "to": 5,
        "total": 5,
    }


def test_per_page_1_pages_one_lead_at_a_time(api_client, five_leads):
    response = api_client.get("/api/v2/leads", {"per_page": 1, "page": 2})

    body = response.json()
    assert listed_ids(response) == [five_leads[3].id]
    assert (body["meta"]["from"], body["meta"]["to"], body["meta"]["last_page"]) == (
        2,
        2,
        5,
    )


def test_per_page_100_is_the_largest_page(api_client, account):
    Lead.objects.bulk_create(Lead(account=account, type="email") for _ in range(101))

    response = api_client.get("/api/v2/leads", {"per_page": 100})

    body = response.json()
    assert len(body["data"]) == 100
    assert (body["meta"]["last_page"], body["meta"]["to"]) == (2, 100)
    assert body["links"]["next"] == f"{BASE}?page=2&per_page=100"


def test_page_out_of_range_is_empty_not_an_error(api_client, five_leads):
    response = api_client.get("/api/v2/leads", {"per_page": 2, "page": 9})

    assert response.status_code == 200
    body = response.json()
    assert body["data"] == []
    assert (body["meta"]["from"], body["meta"]["to"]) == (None, None)
    assert (body["meta"]["current_page"], body["meta"]["total"]) == (9, 5)
    assert body["links"]["next"] is None


def test_page_just_past_the_end_links_back_to_the_last(api_client, five_leads):
    response = api_client.get("/api/v2/leads", {"per_page": 2, "page": 4})

    assert response.json()["links"]["prev"] == f"{BASE}?page=3&per_page=2"


def test_huge_page_number_is_empty(api_client, five_leads):
    response = api_client.get("/api/v2/leads", {"page": "9" * 30})

    assert response.status_code == 200
    assert response.json()["data"] == []


def test_links_keep_filters_and_includes(api_client, account):
    LeadFactory.create_batch(3, account=account, division="new")

    response = api_client.get(
        "/api/v2/leads",
        {"filter[division]": "new", "include[]": "emails", "per_page": 1},
    )

    assert response.json()["links"]["next"] == (
        f"{BASE}?filter%5Bdivision%5D=new&include%5B%5D=emails&page=2&per_page=1"
    )
    assert response.json()["meta"]["total"] == 3


def test_search_is_paginated_like_the_list(api_client, account):
    LeadFactory.create_batch(3, account=account, last_name="Tremblay")

    response = api_client.get(
        "/api/v2/leads/search", {"query": "tremblay", "per_page": 2}
    )

    body = response.json()
    assert len(body["data"]) == 2
    assert body["meta"]["total"] == 3
    assert body["meta"]["path"] == f"{BASE}/search"


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ("page=", ["page"]),
        ("per_page=", ["per_page"]),
        ("page=&per_page=", ["page", "per_page"]),
        ("page=2.0", ["page"]),
        ("per_page=%205", ["per_page"]),
        ("per_page=%D9%A5", ["per_page"]),  # an Arabic-Indic 5
        ("page=1&page=2", ["page"]),
    ],
)
def test_page_parameter_empty_or_not_an_integer_is_a_422(
    api_client, five_leads, query, named
):
    response = api_client.get(f"/api/v2/leads?{query}")

    assert response.status_code == 422
    assert sorted(response.json()["errors"]) == named
    assert "links" not in response.json()
