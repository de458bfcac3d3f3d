"""Duplicates through the API: POST /api/v2/leads says which leads the new
one may duplicate, GET /api/v2/leads/{id}/duplicates lists them, and writes
of a lead's contact data keep its pairs current."""

import pytest

from leads.duplicates.models import PossibleDuplicate
from leads.models import Lead
from tests.duplicates.cases import CASES, Person, api_body, saved


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_created_lead_names_the_leads_it_may_duplicate(api_client, account, case):
    existing = saved(account, case.existing)

    response = api_client.post("/api/v2/leads", api_body(case.newcomer), format="json")

    assert response.status_code == 201, response.json()
    duplicates = response.json()["data"]["duplicates"]
    if case.reason is None:
        assert duplicates == []
    else:
        [candidate] = duplicates
        assert candidate["id"] == existing.pk
        assert any(case.reason in reason for reason in candidate["reasons"])
    assert Lead.objects.count() == 2  # created either way, as Activix does


def test_the_duplicates_of_a_lead_are_listed_with_their_reasons(api_client, account):
    older = saved(account, Person("Marie", "Roy", emails=["marie@roy.ca"]))
    newer = saved(account, Person("Marie", "Roy", phones=["+15145550101"]))
    lead = saved(
        account,
        Person("Marie", "Roy", emails=["Marie@Roy.ca"], phones=["+15145550101"]),
    )

    response = api_client.get(f"/api/v2/leads/{lead.pk}/duplicates")

    assert response.status_code == 200
    data = response.json()["data"]
    assert [item["id"] for item in data] == [newer.pk, older.pk]
    assert data[0]["reasons"] == ["same phone (+15145550101) and names that agree"]
    assert data[1]["reasons"] == ["same email (marie@roy.ca)"]
    assert data[1]["first_name"] == "Marie"
    assert data[1]["emails"][0]["address"] == "marie@roy.ca"


def test_a_lead_without_duplicates_lists_none(api_client, account):
    lead = saved(account, Person("Marie", "Roy", emails=["marie@roy.ca"]))

    response = api_client.get(f"/api/v2/leads/{lead.pk}/duplicates/")

    assert response.json() == {"data": []}


def test_another_dealerships_lead_has_no_duplicates_to_show(api_client, other_account):
    lead = saved(other_account, Person("Marie", "Roy", emails=["marie@roy.ca"]))

    response = api_client.get(f"/api/v2/leads/{lead.pk}/duplicates")

    assert response.status_code == 404


def test_adding_a_matching_email_pairs_the_leads(api_client, account):
    existing = saved(account, Person("Marie", "Roy", emails=["marie@roy.ca"]))
    lead = saved(account, Person("M", "Roy"))

    response = api_client.post(
        "/api/v2/lead-emails",
        {"lead_id": lead.pk, "type": "work", "address": "MARIE@roy.ca"},
        format="json",
    )

    assert response.status_code == 201
    pair = PossibleDuplicate.objects.open().of(lead.pk).get()
    assert (pair.lead_id, pair.other_id) == (existing.pk, lead.pk)
    assert pair.reasons == ["email:marie@roy.ca"]


def test_changing_the_email_away_drops_the_pair(api_client, account):
    saved(account, Person("Marie", "Roy", emails=["marie@roy.ca"]))
    lead = saved(account, Person("Marie", "Roy"))
    created = api_client.post(
        "/api/v2/lead-emails",
        {"lead_id": lead.pk, "type": "home", "address": "marie@roy.ca"},
        format="json",
    ).json()["data"]

    api_client.patch(
        f"/api/v2/lead-emails/{created['id']}",
        {"address": "someone.else@roy.ca"},
        format="json",
    )

    assert not PossibleDuplicate.objects.open().of(lead.pk).exists()
