"""422 on query parameters: filters, pages, search and include[] named
as clients wrote them."""

import pytest

from tests.conftest import errors_of
from tests.factories import LeadFactory


@pytest.fixture
def lead(account):
    return LeadFactory(account=account)


# --- 422 on query parameters ---


@pytest.mark.parametrize(
    ("query", "fields"),
    [
        ("per_page=0", ["per_page"]),
        ("per_page=101", ["per_page"]),
        ("per_page=abc", ["per_page"]),
        ("page=0", ["page"]),
        ("page=abc&per_page=-1", ["page", "per_page"]),
        ("filter[created_at]=yesterday", ["filter[created_at]"]),
        ("filter[sale_date][gte]=2024-13-01", ["filter[sale_date][gte]"]),
        ("filter[division]=new,trucks", ["filter[division]"]),
        (
            "filter[segment]=&filter[status]=duplicate&filter[created_at][gt]=",
            ["filter[created_at][gt]", "filter[segment]"],
        ),
        ("filter[status]=sold", ["filter[status]"]),
        ("filter[advisor]=jane", ["filter[advisor]"]),
        ("filter[advisor]=%2B1", ["filter[advisor]"]),
        ("filter[bdc]=1.0", ["filter[bdc]"]),
        ("filter[name]=a%00b", ["filter[name]"]),
        (f"filter[name]={'%25' * 256}b", ["filter[name]"]),
        (f"filter[email]={'%25a' * 200}", ["filter[email]"]),
        ("filter[color]=red", ["filter[color]"]),
        ("filter[name][gt]=x", ["filter[name][gt]"]),
        ("filter=x", ["filter"]),
        ("include[]=tasks", ["include"]),
        ("include[0]=tasks", ["include"]),
    ],
)
def test_bad_list_parameter_names_the_parameter(api_client, query, fields):
    response = api_client.get(f"/api/v2/leads?{query}")

    assert sorted(errors_of(response)) == fields


@pytest.mark.parametrize("query", ["", "query=", "query=%20%20", "query=a%00b"])
def test_search_without_a_usable_query_is_refused(api_client, query):
    response = api_client.get(f"/api/v2/leads/search?{query}")

    assert list(errors_of(response)) == ["query"]


def test_unknown_include_on_a_lead_is_refused(api_client, lead):
    response = api_client.get(f"/api/v2/leads/{lead.id}?include[]=tasks")

    assert list(errors_of(response)) == ["include"]


@pytest.mark.django_db
def test_filter_given_twice_is_a_422_naming_it(api_client):
    response = api_client.get("/api/v2/leads?filter[advisor]=1&filter[advisor]=2")

    assert response.status_code == 422
    assert response.json()["errors"] == {"filter[advisor]": ["Give this filter once."]}
