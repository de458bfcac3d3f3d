"""GET /api/v2/leads?filter[...]: every filter of docs/api.md, "Filters",
in the bracket syntax clients send."""

import datetime

import pytest

from config.api.filters import bracketed
from leads.api.filters import LeadFilter
from leads.models import Lead
from tests.conftest import listed_ids
from tests.factories import (
    LeadEmailFactory,
    LeadFactory,
    LeadPhoneFactory,
    UserFactory,
)


def at(day: int, hour: int = 12, minute: int = 0) -> datetime.datetime:
    """A moment of February 2024, in UTC."""
    return datetime.datetime(2024, 2, day, hour, minute, tzinfo=datetime.UTC)


def leads_listed(api_client, **parameters) -> list[int]:
    response = api_client.get("/api/v2/leads", parameters)
    assert response.status_code == 200, response.json()
    return listed_ids(response)


# --- Text ---


@pytest.fixture
def named_leads(account):
    return {
        "john": LeadFactory(account=account, first_name="John", last_name="Doe"),
        "marie": LeadFactory(account=account, first_name="Marie", last_name="Tremblay"),
        "business": LeadFactory(
            account=account, first_name="Luc", second_contact="Garage Tremblay"
        ),
    }


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("john", ["john"]),
        ("DOE", ["john"]),
        ("John Doe", ["john"]),
        ("Jo", []),
        ("Tremb%", ["marie"]),
        ("%tremblay", ["marie", "business"]),
        ("m%e", ["marie"]),
        ("Garage Tremblay", ["business"]),
    ],
)
def test_name_filter_matches_names_and_second_contact(
    api_client, named_leads, value, expected
):
    listed = leads_listed(api_client, **{"filter[name]": value})

    assert sorted(listed) == sorted(named_leads[key].id for key in expected)


def test_name_filter_treats_regex_characters_literally(api_client, account):
    LeadFactory(account=account, first_name="A.B")
    LeadFactory(account=account, first_name="AxB")

    listed = leads_listed(api_client, **{"filter[name]": "a.b"})

    assert len(listed) == 1


def test_email_filter_matches_any_address_of_the_lead(api_client, account):
    lead = LeadFactory(account=account)
    LeadEmailFactory(lead=lead, type="home", address="john@videotron.ca")
    LeadEmailFactory(lead=lead, type="work", address="jdoe@garage.ca")
    LeadEmailFactory(lead=LeadFactory(account=account), address="marie@gmail.com")

    assert leads_listed(api_client, **{"filter[email]": "JDOE@garage.ca"}) == [lead.id]
    assert leads_listed(api_client, **{"filter[email]": "%@videotron.ca"}) == [lead.id]
    assert leads_listed(api_client, **{"filter[email]": "john@"}) == []


@pytest.mark.parametrize(
    "value", ["514-555-0123", "(514) 555-0123", "+1 514 555 0123", "15145550123"]
)
def test_phone_filter_matches_any_format(api_client, account, value):
    lead = LeadFactory(account=account)
    LeadPhoneFactory(lead=lead, number="+15145550123")
    LeadPhoneFactory(lead=LeadFactory(account=account), number="+14385550123")

    assert leads_listed(api_client, **{"filter[phone]": value}) == [lead.id]


def test_postal_code_filter_matches_the_start_ignoring_case(api_client, account):
    lead = LeadFactory(account=account, postal_code="H3C 1A1")
    LeadFactory(account=account, postal_code="H2C 1A1")

    assert leads_listed(api_client, **{"filter[postal_code]": "h3c"}) == [lead.id]


def test_source_filter_matches_the_name_or_a_wildcard(api_client, account):
    lead = LeadFactory(account=account, source="Kijiji Autos")
    LeadFactory(account=account, source="AutoHebdo")

    assert leads_listed(api_client, **{"filter[source]": "kijiji autos"}) == [lead.id]
    assert leads_listed(api_client, **{"filter[source]": "Kijiji%"}) == [lead.id]


# --- Choices ---


@pytest.fixture
def divided_leads(account):
    return {
        division or "none": LeadFactory(account=account, division=division)
        for division in ["new", "used", "service", ""]
    }


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("new", ["new"]),
        ("new,used", ["new", "used"]),
        ("none", ["none"]),
        ("service, none", ["service", "none"]),
    ],
)
def test_division_filter_takes_a_list_with_none(
    api_client, divided_leads, value, expected
):
    listed = leads_listed(api_client, **{"filter[division]": value})

    assert sorted(listed) == sorted(divided_leads[key].id for key in expected)


def test_status_filter_active_finds_leads_without_status(api_client, account):
    active = LeadFactory(account=account, status="")
    lost = LeadFactory(account=account, status="lost")

    assert leads_listed(api_client, **{"filter[status]": "active"}) == [active.id]
    assert leads_listed(api_client, **{"filter[status]": "lost"}) == [lost.id]


@pytest.mark.parametrize(
    ("name", "wanted", "other"),
    [
        ("segment", "notSold", "conquest"),
        ("type", "walk_in", "phone"),
        ("result", "reached", "pending"),
        ("created_method", "api", "manual"),
    ],
)
def test_choice_filter_matches_its_value(api_client, account, name, wanted, other):
    lead = LeadFactory(account=account, **{name: wanted})
    LeadFactory(account=account, **{name: other})

    assert leads_listed(api_client, **{f"filter[{name}]": wanted}) == [lead.id]


@pytest.mark.parametrize("slot", ["bdc", "advisor"])
def test_user_filter_matches_the_user_id(api_client, account, slot):
    jane, paul = UserFactory(account=account), UserFactory(account=account)
    lead = LeadFactory(account=account, **{slot: jane})
    LeadFactory(account=account, **{slot: paul})
    LeadFactory(account=account)

    assert leads_listed(api_client, **{f"filter[{slot}]": jane.id}) == [lead.id]


def test_filters_combine_with_and(api_client, account):
    lead = LeadFactory(account=account, division="new", segment="promo")
    LeadFactory(account=account, division="new", segment="csi")
    LeadFactory(account=account, division="used", segment="promo")

    listed = leads_listed(
        api_client, **{"filter[division]": "new", "filter[segment]": "promo"}
    )

    assert listed == [lead.id]


# --- Dates ---


@pytest.fixture
def days(account):
    """Leads created on 14, 15 (start and end of the UTC day) and 16 Feb."""
    return {
        name: LeadFactory(account=account, created_at=moment, sale_date=moment)
        for name, moment in {
            "14th": at(14, 23, 59),
            "15th early": at(15, 0, 0),
            "15th late": at(15, 23, 59),
            "16th": at(16, 0, 0),
        }.items()
    }


@pytest.mark.parametrize(
    ("parameter", "expected"),
    [
        ("filter[created_at]", ["15th early", "15th late"]),
        ("filter[created_at][gt]", ["16th"]),
        ("filter[created_at][gte]", ["15th early", "15th late", "16th"]),
        ("filter[created_at][lt]", ["14th"]),
        ("filter[created_at][lte]", ["14th", "15th early", "15th late"]),
        ("filter[created]", ["15th early", "15th late"]),
        ("filter[created][lte]", ["14th", "15th early", "15th late"]),
        ("filter[sale_date]", ["15th early", "15th late"]),
        ("filter[sale_date][gt]", ["16th"]),
    ],
)
def test_date_filter_compares_whole_utc_days(api_client, days, parameter, expected):
    listed = leads_listed(api_client, **{parameter: "2024-02-15"})

    assert sorted(listed) == sorted(days[name].id for name in expected)


@pytest.mark.parametrize(
    "parameter", ["filter[created_at]", "filter[created_at][gt]", "filter[sale_date]"]
)
def test_date_filter_takes_the_last_day_of_the_calendar(api_client, days, parameter):
    assert leads_listed(api_client, **{parameter: "9999-12-31"}) == []


def test_name_filter_takes_repeated_wildcards(api_client, named_leads):
    listed = leads_listed(api_client, **{"filter[name]": "%%%%john%%%"})

    assert listed == [named_leads["john"].id]


@pytest.mark.parametrize(
    "value",
    [
        "2024-02-15T19:00:00-05:00",
        "2024-02-16T02:00:00+02:00",
        "2024-02-16T02:00:00 02:00",  # "+" left unencoded in the query string
        "2024-02-16T00:00:00Z",
    ],
)
def test_date_filter_takes_a_datetime_with_offset(api_client, days, value):
    listed = leads_listed(api_client, **{"filter[created_at][gte]": value})

    assert listed == [days["16th"].id]


def test_date_filters_combine_into_a_range(api_client, days):
    listed = leads_listed(
        api_client,
        **{
            "filter[created_at][gte]": "2024-02-15",
            "filter[created][lte]": "2024-02-15",
        },
    )

    assert sorted(listed) == sorted([days["15th early"].id, days["15th late"].id])


@pytest.mark.parametrize("parameter", ["filter[updated_at]", "filter[updated]"])
def test_updated_filter_matches_the_day_of_the_last_change(
    api_client, account, parameter
):
    changed = LeadFactory(account=account)
    LeadFactory(account=account)
    Lead.objects.exclude(pk=changed.pk).update(updated_at=at(1))
    Lead.objects.filter(pk=changed.pk).update(updated_at=at(20, 8))

    assert leads_listed(api_client, **{parameter: "2024-02-20"}) == [changed.id]


def test_appointment_date_filter_skips_leads_without_one(api_client, account):
    lead = LeadFactory(account=account, appointment_date=at(20))
    LeadFactory(account=account)

    listed = leads_listed(api_client, **{"filter[appointment_date][lte]": "2024-03-01"})

    assert listed == [lead.id]


# --- Empty values ---


@pytest.mark.parametrize("value", ["", "  "])
@pytest.mark.parametrize(
    "parameter", [*map(bracketed, LeadFilter.base_filters), "filter[created][gte]"]
)
def test_empty_filter_is_a_422_naming_it(api_client, parameter, value):
    response = api_client.get("/api/v2/leads", {parameter: value})

    assert response.status_code == 422
    assert response.json()["errors"] == {parameter: ["Give this filter a value."]}
