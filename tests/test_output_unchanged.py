"""What integrators and spreadsheets read stays the same, byte for byte.

A fixed data set (explicit ids and times, every kind of value) is read
through the API and exported as CSV; the bytes must equal the files in
tests/data/unchanged/, recorded before the code behind them was
reorganised. A change there is a change to the contract: make it on
purpose, in a commit that says so.
"""

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from accounts import roles
from accounts.models import Account, User
from leads.models import Lead, LeadEmail, LeadPhone, LeadVehicle
from tests.conftest import logged_in_client

RECORDED = Path(__file__).parent / "data" / "unchanged"
UTC = datetime.UTC


def moment(day: int, hour: int = 9, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(2024, 5, day, hour, minute, 7, tzinfo=UTC)


def pin_updated_at(model, pk, value):
    # update() skips auto_now, so the recorded times hold.
    model.objects.filter(pk=pk).update(updated_at=value)


@pytest.fixture
def dealership(db):
    account = Account.objects.create(
        pk=7001,
        name="Garage Lévesque «Québec»",
        locale="fr",
        country="CA",
        province="QC",
        time_zone="America/Montreal",
    )
    Account.objects.filter(pk=account.pk).update(
        created_at=moment(1), updated_at=moment(1)
    )
    Account.objects.create(pk=7002, name="Elsewhere Motors")
    people = {}
    for pk, username, first, last in [
        (7101, "agent", "Émilie", "Gagnon"),
        (7102, "advisor", "Marc", "O'Neil"),
        (7103, "retired", "Old", "Timer"),
    ]:
        user = User.objects.create_user(
            pk=pk,
            username=username,
            first_name=first,
            last_name=last,
            email=f"{username}@levesque.example",
            account=account,
            is_staff=True,
            is_active=username != "retired",
            date_joined=moment(2),
        )
        pin_updated_at(User, pk, moment(2, 10))
        people[username] = user
    people["agent"].groups.add(Group.objects.get(name=roles.BDC_AGENT))

    full = Lead.objects.create(
        pk=7201,
        account=account,
        created_at=moment(3, 23, 30),
        first_name="Stéphane",
        last_name="Tremblay",
        civility="mr",
        business=True,
        business_name="=Tremblay & fils",
        second_contact='Julie "Jules" Roy',
        second_contact_civility="ms",
        address_line1="1234, rue Saint-Jean",
        city="Québec",
        province="QC",
        postal_code="G1R 1R6",
        country="CA",
        locale="fr",
        birth_date=datetime.date(1980, 2, 29),
        gender=1,
        sex="M",
        division="used",
        segment="notSold",
        type="walk_in",
        source="AutoTrader",
        status="lost",
        result="reached",
        rating=4,
        code="RV-1",
        reached_client=True,
        loyalty=True,
        appointment_date=moment(4, 14),
        sale_date=moment(5, 16, 45),
        delivered_date=moment(6),
        service_interval_km=8000,
        odometer_last_visit=45120,
        average_spending=350,
        work_order="WO-77",
        repair_order="+RO 12",
        unsubscribe_sms_date=moment(7),
        comment='Wants a hybrid.\nCall after 5 pm, "not" before; tab\there.',
        bdc=people["agent"],
        advisor=people["advisor"],
        commercial=people["retired"],
    )
    pin_updated_at(Lead, full.pk, moment(8, 12))
    for pk, address, kind in [
        (7301, "stephane@tremblay.example", "home"),
        (7302, "noemail@none.com", "work"),
    ]:
        LeadEmail.objects.create(
            pk=pk, lead=full, address=address, type=kind, created_at=moment(3)
        )
        pin_updated_at(LeadEmail, pk, moment(3, 10))
    for pk, number, extension, kind in [
        (7401, "+14185550123", None, "home"),
        (7402, "+14186581234", 12, "work"),
        (7403, "+33123456789", None, "mobile"),
    ]:
        LeadPhone.objects.create(
            pk=pk,
            lead=full,
            number=number,
            extension=extension,
            type=kind,
            created_at=moment(3),
        )
        pin_updated_at(LeadPhone, pk, moment(3, 10))
    LeadVehicle.objects.create(
        pk=7501,
        lead=full,
        type="wanted",
        year=2025,
        make="Toyota",
        model="RAV4",
        trim="XLE Hybride",
        vin="JTMRWRFV0LD000001",
        price=Decimal("42999.99"),
        rate=Decimal("4.9900"),
        modality="financing",
        payment_frequency="bi_monthly",
        certified=True,
        budget_max=Decimal("45000"),
        customs={"amount_evaluation_value": 1200.5, "appraiser": "Marc"},
        verified_by=people["advisor"],
        created_at=moment(3),
    )
    LeadVehicle.objects.create(
        pk=7502,
        lead=full,
        type="exchange",
        year=2012,
        make="Honda",
        model="Civic",
        odometer="187 000",
        value=Decimal("3500.00"),
        sold_date=moment(5, 16, 50),
        created_at=moment(3),
    )
    for pk in (7501, 7502):
        pin_updated_at(LeadVehicle, pk, moment(3, 10))

    sparse = Lead.objects.create(
        pk=7202, account=account, created_at=moment(9, 8), type="email"
    )
    pin_updated_at(Lead, sparse.pk, moment(9, 8))
    Lead.objects.create(
        pk=7203,
        account_id=7002,
        created_at=moment(9, 9),
        last_name="Tremblay",
        type="phone",
    )
    return people


@pytest.fixture
def integrator(dealership):
    token = Token.objects.create(user=dealership["agent"], key="a" * 40)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token.key}")
    return client


API_READS = {
    "leads-list.json": "/api/v2/leads?per_page=10",
    "leads-page-2.json": "/api/v2/leads?per_page=1&page=2",
    "lead.json": "/api/v2/leads/7201",
    "lead-sparse.json": "/api/v2/leads/7202",
    "leads-search.json": "/api/v2/leads/search?query=tremblay",
    "leads-filtered.json": "/api/v2/leads?filter[division]=used"
    "&filter[created_at][gte]=2024-05-01",
    "lead-email.json": "/api/v2/lead-emails/7302",
    "lead-phone.json": "/api/v2/lead-phones/7402",
    "lead-vehicle.json": "/api/v2/lead-vehicles/7501",
    "account.json": "/api/v2/account?include[]=users",
    "users.json": "/api/v2/users",
    "user.json": "/api/v2/users/7102",
    "error-not-found.json": "/api/v2/leads/7203",
    "error-filter.json": "/api/v2/leads?filter[division]=boats",
}


@pytest.mark.parametrize("name, url", API_READS.items(), ids=list(API_READS))
def test_api_answers_byte_for_byte_as_recorded(integrator, name, url):
    response = integrator.get(url)

    assert response.content == (RECORDED / name).read_bytes()


def test_lead_etag_is_as_recorded(integrator):
    response = integrator.get("/api/v2/leads/7201")

    assert response["ETag"] == (RECORDED / "lead.etag").read_text().strip()


def test_csv_export_is_byte_for_byte_as_recorded(dealership):
    client = logged_in_client(dealership["agent"])

    response = client.get("/admin/leads/lead/export/")

    assert b"".join(response.streaming_content) == (RECORDED / "leads.csv").read_bytes()
