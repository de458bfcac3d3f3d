"""Which leads may be the same customer, and why: the table of pairs that
must match and must not, against the matcher every path calls."""

import pytest
from django.utils import translation

from leads.duplicates.matching import Customer, find_matches
from leads.duplicates.models import PossibleDuplicate
from leads.duplicates.pairs import found_for
from leads.duplicates.reasons import reason_text
from tests.duplicates.cases import CASES, Person, created_days_ago, saved


@pytest.mark.django_db
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_newcomer_matches_an_existing_lead_only_for_a_reason(account, case):
    existing = saved(account, case.existing)
    newcomer = saved(account, case.newcomer)

    matches = find_matches(Customer.of_lead(newcomer))

    if case.reason is None:
        assert matches == []
    else:
        [match] = matches
        assert match.lead_id == existing.pk
        assert any(case.reason in reason for reason in match.reason_texts), (
            match.reasons
        )


@pytest.mark.django_db
def test_another_dealerships_lead_never_matches(account, other_account):
    saved(other_account, Person("Marie", "Roy", emails=["marie@roy.ca"]))
    newcomer = saved(account, Person("Marie", "Roy", emails=["marie@roy.ca"]))

    assert find_matches(Customer.of_lead(newcomer)) == []


@pytest.mark.django_db
def test_leads_merged_away_or_marked_duplicate_are_not_offered(account):
    saved(account, Person("Marie", "Roy", emails=["marie@roy.ca"]), status="duplicate")
    newcomer = saved(account, Person("Marie", "Roy", emails=["marie@roy.ca"]))

    assert find_matches(Customer.of_lead(newcomer)) == []


@pytest.mark.django_db
def test_a_lead_never_matches_itself(account):
    lead = saved(account, Person("Marie", "Roy", emails=["a@b.ca"], vins=["VIN1"]))

    assert find_matches(Customer.of_lead(lead)) == []


@pytest.mark.django_db
def test_a_provider_older_than_30_days_is_just_the_same_email(account):
    saved(account, Person("P", "R", emails=["p@r.ca"], source="Kijiji", days_ago=45))
    newcomer = saved(account, Person("P", "R", emails=["p@r.ca"], source="Kijiji"))

    [match] = find_matches(Customer.of_lead(newcomer))

    assert match.reasons == ["email:p@r.ca"]
    assert not match.same_provider


@pytest.mark.django_db
def test_finding_costs_one_query_whatever_the_dealership_size(
    account, django_assert_num_queries
):
    for number in range(30):
        saved(account, Person("A", "B", emails=[f"a{number}@b.ca"]))
    customer = Customer.of(account.pk, {}, emails=["a1@b.ca", "a2@b.ca"])

    with django_assert_num_queries(1):
        matches = find_matches(customer)

    assert len(matches) == 2


@pytest.mark.django_db
def test_pairs_are_kept_current_and_a_ruled_out_one_stays_out(account):
    first = saved(account, Person("M", "R", emails=["m@r.ca"]))
    second = saved(account, Person("M", "R", emails=["m@r.ca"]))
    third = saved(account, Person("M", "R", emails=["m@r.ca"]))
    found_for(third)
    PossibleDuplicate.objects.filter(lead=first, other=third).update(
        dismissed_at=created_days_ago(0)
    )
    second.emails.update(address="other@r.ca")

    found_for(third)

    open_pairs = PossibleDuplicate.objects.open().of(third.pk)
    assert list(open_pairs.values_list("lead_id", "other_id")) == []
    assert PossibleDuplicate.objects.filter(lead=first, other=third).exists()


def test_reasons_are_read_in_the_readers_language():
    with translation.override("fr"):
        assert reason_text("email:marie@roy.ca") == "même courriel (marie@roy.ca)"
        assert reason_text("provider:Kijiji") == (
            "même fournisseur (Kijiji) en moins de 30 jours"
        )
