"""The list endpoints cost a fixed number of queries whatever the page size
(docs/architecture.md, "Performance")."""

import pytest

from leads.models import USER_SLOTS
from tests.conftest import queries_for
from tests.factories import (
    LeadEmailFactory,
    LeadFactory,
    LeadPhoneFactory,
    LeadVehicleFactory,
    UserFactory,
)


def make_full_leads(account, count: int) -> None:
    """Leads with every user slot set and an email, a phone and a vehicle."""
    staff = {slot: UserFactory(account=account) for slot in USER_SLOTS}
    for _ in range(count):
        lead = LeadFactory(account=account, **staff)
        LeadEmailFactory(lead=lead)
        LeadPhoneFactory(lead=lead)
        LeadVehicleFactory(lead=lead)


@pytest.mark.parametrize(
    ("path", "parameters"),
    [
        ("/api/v2/leads", {"per_page": 100}),
        ("/api/v2/leads", {"per_page": 100, "filter[email]": "%@mail.example"}),
        ("/api/v2/leads/search", {"per_page": 100, "query": "mail.example"}),
    ],
)
def test_lead_list_costs_the_same_queries_for_1_and_100_leads(
    api_client, account, other_account, path, parameters
):
    make_full_leads(account, 1)
    one = queries_for(api_client, path, parameters)
    make_full_leads(account, 99)

    hundred = queries_for(api_client, path, parameters)

    assert len(api_client.get(path, parameters).json()["data"]) == 100
    assert hundred == one
    assert one <= 10


def test_users_list_costs_the_same_queries_for_1_and_100_users(api_client, account):
    one = queries_for(api_client, "/api/v2/users", {"per_page": 100})
    UserFactory.create_batch(99, account=account)

    hundred = queries_for(api_client, "/api/v2/users", {"per_page": 100})

    assert hundred == one
