import random
from io import StringIO

import phonenumbers
import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import F
from django.test import RequestFactory

from accounts import roles
from accounts.models import Account, User
from leads.demo.people import PeopleMaker
from leads.demo.vocabulary import CITIES
from leads.models import USER_SLOTS, Lead, LeadEmail, LeadPhone, LeadVehicle

# ISO code lists (every country, language and province) are not enums the
# demo data is meant to exhaust.
ISO_CODE_FIELDS = {"country", "locale", "province"}


def seed_demo(*args: str) -> str:
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def unused_enum_values(model) -> dict[str, set]:
    """Per field with choices, the values (blank included) no row has."""
    unused = {}
    for field in model._meta.concrete_fields:
        if not field.choices or field.name in ISO_CODE_FIELDS:
            continue
        expected = {value for value, _ in field.flatchoices}
        if field.blank:
            expected.add(None if field.null else "")
        seen = set(model.objects.values_list(field.attname, flat=True).distinct())
        if expected - seen:
            unused[field.name] = expected - seen
    return unused


def empty_value(field):
    """What a field holds when nothing was said: its default, blank or null."""
    if field.has_default() and not callable(field.default):
        return field.default
    return "" if field.empty_strings_allowed and not field.null else None


@pytest.mark.django_db
def test_seed_demo_creates_the_accounts_and_leads_asked_for():
    seed_demo("--accounts", "2", "--leads", "150", "--batch-size", "40")

    assert Account.objects.count() == 2
    assert Lead.objects.count() == 150
    assert set(Lead.objects.values_list("account", flat=True)) == set(
        Account.objects.values_list("id", flat=True)
    )


@pytest.mark.django_db
def test_seed_demo_gives_each_account_users_in_both_roles():
    seed_demo("--accounts", "2", "--leads", "0")

    for account in Account.objects.all():
        roles_held = set(
            User.objects.filter(account=account).values_list("groups__name", flat=True)
        )
        assert {roles.MANAGER, roles.BDC_AGENT} <= roles_held


@pytest.mark.django_db
def test_seed_demo_uses_every_value_of_every_enum():
    seed_demo("--accounts", "2", "--leads", "150")

    unused = {
        model.__name__: unused_enum_values(model)
        for model in (Lead, LeadEmail, LeadPhone, LeadVehicle)
    }

    assert unused == {"Lead": {}, "LeadEmail": {}, "LeadPhone": {}, "LeadVehicle": {}}


@pytest.mark.django_db
def test_seed_demo_fills_every_field_on_some_rows():
    seed_demo("--accounts", "2", "--leads", "150")

    never_filled = {
        model.__name__: [
            field.name
            for field in model._meta.concrete_fields
            if not field.primary_key
            and not field.generated
            and not model.objects.exclude(**{field.attname: empty_value(field)})
            .exclude(**{f"{field.attname}__isnull": True})
            .exists()
        ]
        for model in (Lead, LeadEmail, LeadPhone, LeadVehicle)
    }

    assert never_filled == {
        "Lead": [],
        "LeadEmail": [],
        "LeadPhone": [],
        "LeadVehicle": [],
    }


@pytest.mark.django_db
def test_seed_demo_makes_invalid_contact_data_too():
    seed_demo("--accounts", "1", "--leads", "100")

    assert LeadEmail.objects.filter(valid=False).exists()
    assert LeadPhone.objects.filter(valid=False).exists()
    assert LeadEmail.objects.filter(valid=True).exists()
    assert LeadPhone.objects.filter(valid=True).exists()


def is_valid_number(number: str) -> bool:
    return phonenumbers.is_valid_number(phonenumbers.parse(number))


@pytest.mark.django_db
def test_seed_demo_phone_numbers_are_valid_for_phonenumbers():
    seed_demo("--accounts", "2", "--leads", "300")

    numbers = list(LeadPhone.objects.values_list("number", flat=True))

    assert numbers
    assert [number for number in numbers if not is_valid_number(number)] == []


def test_demo_numbers_of_every_kind_are_valid_for_phonenumbers():
    """Enough draws to reach the rare ones: overseas customers' mobiles and
    the fictional 555-01xx numbers."""
    people = PeopleMaker(random.Random(2026))
    cities = [city for province_cities in CITIES.values() for city in province_cities]

    numbers = [
        number
        for draw in range(7_000)
        for _, number, _ in people.phones(cities[draw % len(cities)], every_type=True)
    ]

    assert sum(not number.startswith("+1") for number in numbers) > 40
    assert [number for number in numbers if not is_valid_number(number)] == []


@pytest.mark.django_db
def test_seed_demo_fills_user_slots_with_the_leads_own_staff():
    seed_demo("--accounts", "3", "--leads", "150")

    for slot in USER_SLOTS:
        filled = Lead.objects.filter(**{f"{slot}__isnull": False})
        assert filled.exists(), slot
        assert not filled.exclude(**{f"{slot}__account": F("account")}).exists()


@pytest.mark.django_db
def test_seed_demo_logins_authenticate_with_their_role_and_account():
    output = seed_demo("--accounts", "2", "--leads", "0")

    accounts = list(Account.objects.order_by("id"))
    for number, account in enumerate(accounts, start=1):
        for username, role in [
            (f"manager{number}", roles.MANAGER),
            (f"agent{number}", roles.BDC_AGENT),
        ]:
            user = authenticate(
                RequestFactory().post("/admin/login/"),
                username=username,
                password="demo-pass",
            )
            assert user is not None, username
            assert user.account == account
            assert user.is_staff
            assert list(user.groups.values_list("name", flat=True)) == [role]
            assert username in output
    admin = authenticate(
        RequestFactory().post("/admin/login/"), username="admin", password="demo-pass"
    )
    assert admin is not None
    assert admin.is_superuser


@pytest.mark.django_db
def test_seed_demo_if_empty_adds_nothing_to_a_seeded_database():
    seed_demo("--accounts", "1", "--leads", "20")

    output = seed_demo("--if-empty", "--accounts", "2", "--leads", "50")

    assert Account.objects.count() == 1
    assert Lead.objects.count() == 20
    assert "manager1" in output


@pytest.mark.django_db
def test_seed_demo_second_run_adds_leads_after_the_first_ones():
    seed_demo("--accounts", "1", "--leads", "30")
    first_ids = set(Lead.objects.values_list("id", flat=True))

    seed_demo("--accounts", "1", "--leads", "30")

    added = Lead.objects.exclude(id__in=first_ids)
    assert added.count() == 30
    assert min(added.values_list("id", flat=True)) > max(first_ids)
    assert User.objects.filter(username__in=["manager2", "agent2"]).count() == 2


@pytest.mark.django_db
def test_seed_demo_leaves_id_sequences_right_after_its_rows():
    seed_demo("--accounts", "1", "--leads", "30")
    last_ids = {
        model: max(model.objects.values_list("id", flat=True))
        for model in (Lead, LeadEmail, LeadPhone, LeadVehicle)
    }

    lead = Lead.objects.create(account=Account.objects.get(), type="email")
    email = LeadEmail.objects.create(lead=lead, type="home", address="a@example.ca")
    phone = LeadPhone.objects.create(lead=lead, type="home", number="+15145550123")
    vehicle = LeadVehicle.objects.create(lead=lead, type="wanted")

    assert lead.id == last_ids[Lead] + 1
    assert email.id == last_ids[LeadEmail] + 1
    assert phone.id == last_ids[LeadPhone] + 1
    assert vehicle.id == last_ids[LeadVehicle] + 1


@pytest.mark.django_db
def test_seed_demo_same_seed_makes_the_same_leads():
    seed_demo("--accounts", "1", "--leads", "40", "--seed", "7")
    first = list(Lead.objects.order_by("id").values_list("last_name", "city"))
    Lead.objects.all().delete()
    User.objects.all().delete()
    Account.objects.all().delete()

    seed_demo("--accounts", "1", "--leads", "40", "--seed", "7")

    assert list(Lead.objects.order_by("id").values_list("last_name", "city")) == first


@pytest.mark.django_db
def test_seed_demo_rejects_less_than_one_account():
    with pytest.raises(CommandError):
        seed_demo("--accounts", "0")
