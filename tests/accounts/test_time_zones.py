"""Agents read and pick dates in their dealership's time zone; superusers
keep the site's, and the API keeps UTC."""

import datetime
import zoneinfo

import pytest

from tests.conftest import changelist_ids
from tests.factories import LeadFactory

URL = "/admin/leads/lead/"
VANCOUVER = zoneinfo.ZoneInfo("America/Vancouver")
# 23:30 on May 1 in Vancouver is already 02:30 on May 2 in Toronto (the site's).
LATE_EVENING = datetime.datetime(2024, 5, 1, 23, 30, tzinfo=VANCOUVER)


@pytest.fixture
def in_vancouver(account):
    account.time_zone = "America/Vancouver"
    account.save()
    return account


@pytest.mark.django_db
def test_lead_list_shows_times_in_the_dealerships_zone(agent_client, in_vancouver):
    LeadFactory(account=in_vancouver, created_at=LATE_EVENING)

    html = agent_client.get(URL).content.decode()

    assert "2024-05-01 23:30" in html
    assert "2024-05-02 02:30" not in html


@pytest.mark.django_db
def test_superusers_see_the_sites_zone(superuser_client, in_vancouver):
    LeadFactory(account=in_vancouver, created_at=LATE_EVENING)

    html = superuser_client.get(URL).content.decode()

    assert "2024-05-02 02:30" in html


@pytest.mark.django_db
def test_a_date_range_means_the_dealerships_days(agent_client, in_vancouver):
    late = LeadFactory(account=in_vancouver, created_at=LATE_EVENING)
    LeadFactory(
        account=in_vancouver, created_at=LATE_EVENING + datetime.timedelta(hours=1)
    )

    response = agent_client.get(
        URL, {"created_at__since": "2024-05-01", "created_at__until": "2024-05-01"}
    )

    assert changelist_ids(response) == [late.id]


@pytest.mark.django_db
def test_the_csv_export_writes_the_dealerships_times(agent_client, in_vancouver):
    LeadFactory(account=in_vancouver, created_at=LATE_EVENING)

    response = agent_client.get(f"{URL}export/")
    body = b"".join(response.streaming_content).decode("utf-8-sig")

    assert "2024-05-01T23:30:00-07:00" in body


@pytest.mark.django_db
def test_the_api_keeps_utc(api_client, in_vancouver):
    lead = LeadFactory(account=in_vancouver, created_at=LATE_EVENING)

    body = api_client.get(f"/api/v2/leads/{lead.id}").json()

    assert body["data"]["created_at"] == "2024-05-02T06:30:00+00:00"


@pytest.mark.django_db
def test_the_zone_costs_no_query(agent_client, in_vancouver, django_assert_num_queries):
    agent_client.get(URL)  # warm the permission-free parts
    with django_assert_num_queries(9):
        agent_client.get(URL)
