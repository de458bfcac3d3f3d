"""Possible duplicates in the admin: a new lead that matches is shown with
its matches before it is saved, the lead page lists its possible
duplicates with their reasons and lets an agent rule one out, and the list
filters on them."""

import pytest

from leads.duplicates.models import PossibleDuplicate
from leads.models import Lead
from tests.conftest import admin_form_data, changelist_ids
from tests.duplicates.cases import CASES, Person, saved

ADD = "/admin/leads/lead/add/"


def add_form(client, person: Person, **extra) -> dict:
    """The add page's data for `person`, with one inline row per contact."""
    data = admin_form_data(client.get(ADD))
    data |= {
        "type": "walk_in",
        "first_name": person.first_name,
        "last_name": person.last_name,
        "source": person.source,
        **extra,
    }
    rows = {
        "emails": [
            {"address": a, "type": t}
            for a, t in zip(person.emails, ["home", "work"], strict=False)
        ],
        "phones": [
            {"number": n, "type": t}
            for n, t in zip(person.phones, ["mobile", "home"], strict=False)
        ],
        "vehicles": [{"vin": vin, "type": "wanted"} for vin in person.vins],
    }
    for prefix, values in rows.items():
        data[f"{prefix}-TOTAL_FORMS"] = len(values)
        for index, row in enumerate(values):
            for name, value in row.items():
                data[f"{prefix}-{index}-{name}"] = value
    return data


@pytest.mark.django_db
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_new_lead_that_matches_is_shown_with_its_matches_first(
    agent_client, account, case
):
    existing = saved(account, case.existing)

    response = agent_client.post(ADD, add_form(agent_client, case.newcomer))

    if case.reason is None:
        assert response.status_code == 302
        assert Lead.objects.count() == 2
        return
    assert response.status_code == 200
    assert Lead.objects.count() == 1  # nothing saved yet
    [match] = response.context["duplicate_matches"]
    assert match["lead"] == existing
    page = response.content.decode()
    assert f"/admin/leads/lead/{existing.pk}/change/" in page
    assert any(case.reason in reason for reason in match["reasons"])
    assert "Save anyway" in page


@pytest.mark.django_db
def test_saving_anyway_creates_the_lead_flagged(agent_client, account):
    existing = saved(account, Person("Marie", "Roy", emails=["marie@roy.ca"]))
    data = add_form(agent_client, Person("Marie", "Roy", emails=["MARIE@roy.ca"]))
    agent_client.post(ADD, data)

    response = agent_client.post(ADD, data | {"save_anyway": "on"})

    assert response.status_code == 302
    lead = Lead.objects.exclude(pk=existing.pk).get()
    assert lead.emails.get().address == "MARIE@roy.ca"
    pair = PossibleDuplicate.objects.open().get()
    assert (pair.lead_id, pair.other_id) == (existing.pk, lead.pk)


@pytest.mark.django_db
def test_the_lead_page_lists_possible_duplicates_with_reasons(agent_client, account):
    older = saved(account, Person("Marie", "Roy", emails=["marie@roy.ca"]))
    lead = saved(account, Person("Marie", "Roy", emails=["marie@roy.ca"]))
    agent_client.post(
        f"/admin/leads/lead/{lead.pk}/change/",
        admin_form_data(agent_client.get(f"/admin/leads/lead/{lead.pk}/change/")),
    )

    page = agent_client.get(f"/admin/leads/lead/{older.pk}/change/").content.decode()

    assert "Possible duplicates" in page
    assert f"/admin/leads/lead/{lead.pk}/change/" in page
    assert "same email (marie@roy.ca)" in page


@pytest.mark.django_db
def test_editing_a_lead_into_a_match_warns_the_agent(agent_client, account):
    saved(account, Person("Marie", "Roy", emails=["marie@roy.ca"]))
    lead = saved(account, Person("Marie", "Roy"))
    data = admin_form_data(agent_client.get(f"/admin/leads/lead/{lead.pk}/change/"))
    data |= {"emails-TOTAL_FORMS": 1, "emails-0-address": "marie@roy.ca"}
    data |= {"emails-0-type": "home"}

    response = agent_client.post(
        f"/admin/leads/lead/{lead.pk}/change/", data, follow=True
    )

    shown = [str(m) for m in response.context["messages"]]
    assert any("may be the same customer as another lead" in m for m in shown)
    assert PossibleDuplicate.objects.open().of(lead.pk).exists()


@pytest.mark.django_db
def test_an_agent_rules_a_pair_out_and_back_in(agent_client, agent, account):
    first = saved(account, Person("Marie", "Roy", emails=["marie@roy.ca"]))
    second = saved(account, Person("Marie", "Roy", emails=["marie@roy.ca"]))
    pair = PossibleDuplicate.objects.create(
        account=account, lead=first, other=second, reasons=["email:x"]
    )
    url = f"/admin/leads/lead/{second.pk}/possible-duplicates/"

    response = agent_client.post(url, {"dismiss": pair.pk})

    assert response.status_code == 302
    pair.refresh_from_db()
    assert pair.dismissed_by == agent
    filtered = agent_client.get("/admin/leads/lead/", {"duplicates": "yes"})
    assert changelist_ids(filtered) == []
    page = agent_client.get(f"/admin/leads/lead/{first.pk}/change/").content.decode()
    assert "Ruled out by" in page

    agent_client.post(url, {"reopen": pair.pk})

    pair.refresh_from_db()
    assert pair.dismissed_at is None


@pytest.mark.django_db
def test_another_dealerships_pair_cannot_be_ruled_out(
    agent_client, account, other_account
):
    lead = saved(account, Person("Marie", "Roy"))
    first = saved(other_account, Person("A", "B"))
    second = saved(other_account, Person("A", "B"))
    pair = PossibleDuplicate.objects.create(
        account=other_account, lead=first, other=second, reasons=["vin:X"]
    )

    for url in [
        f"/admin/leads/lead/{lead.pk}/possible-duplicates/",
        f"/admin/leads/lead/{second.pk}/possible-duplicates/",
    ]:
        response = agent_client.post(url, {"dismiss": pair.pk})
        assert response.status_code == 404

    pair.refresh_from_db()
    assert pair.dismissed_at is None


@pytest.mark.django_db
def test_the_list_filters_leads_with_possible_duplicates(agent_client, account):
    first = saved(account, Person("Marie", "Roy", emails=["marie@roy.ca"]))
    second = saved(account, Person("Marie", "Roy", emails=["marie@roy.ca"]))
    alone = saved(account, Person("Luc", "Caron", emails=["luc@caron.ca"]))
    PossibleDuplicate.objects.create(
        account=account, lead=first, other=second, reasons=["email:marie@roy.ca"]
    )

    with_pairs = agent_client.get("/admin/leads/lead/", {"duplicates": "yes"})
    without = agent_client.get("/admin/leads/lead/", {"duplicates": "no"})

    assert sorted(changelist_ids(with_pairs)) == [first.pk, second.pk]
    assert changelist_ids(without) == [alone.pk]
