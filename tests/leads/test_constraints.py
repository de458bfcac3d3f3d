"""The data guards itself: values outside a list are refused by the model
(what forms and the API see) and by the database (any other path)."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from accounts.models import Account
from leads.models import Lead, LeadEmail, LeadPhone, LeadVehicle
from tests.factories import (
    AccountFactory,
    LeadEmailFactory,
    LeadFactory,
    LeadPhoneFactory,
    LeadVehicleFactory,
    UserFactory,
)

FACTORIES = {
    Account: AccountFactory,
    Lead: LeadFactory,
    LeadEmail: LeadEmailFactory,
    LeadPhone: LeadPhoneFactory,
    LeadVehicle: LeadVehicleFactory,
}
CHOICE_FIELDS = [
    (model, field.name)
    for model in FACTORIES
    for field in model._meta.concrete_fields
    if field.choices
]


def value_outside_choices(field):
    """A value of the right type and length that is not in the list."""
    allowed = {str(value) for value, _label in field.choices}
    if field.get_internal_type().endswith("IntegerField"):
        candidates = [7777, 3]
    else:
        candidates = ["ZZ", "zz", "X", "Z"] + ["x" * field.max_length]
    return next(
        value
        for value in candidates
        if str(value) not in allowed and len(str(value)) <= (field.max_length or 10)
    )


def build_valid(model):
    """An unsaved, valid instance whose own foreign keys are saved."""
    if model is Account:
        return AccountFactory.build()
    if model is Lead:
        return LeadFactory.build(account=AccountFactory())
    return FACTORIES[model].build(lead=LeadFactory())


def raw_insert(instance, **overrides):
    """INSERT the instance with plain SQL, as a script or psql would."""
    model = type(instance)
    fields = [
        f for f in model._meta.concrete_fields if not f.primary_key and not f.generated
    ]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    values = [
        overrides[f.name]
        if f.name in overrides
        else f.get_db_prep_save(f.pre_save(instance, add=True), connection)
        for f in fields
    ]
    placeholders = ", ".join(["%s"] * len(fields))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {model._meta.db_table} ({columns}) VALUES ({placeholders})",
            values,
        )


def violated_constraint(error):
    return error.__cause__.diag.constraint_name


@pytest.mark.django_db
@pytest.mark.parametrize("model", FACTORIES, ids=lambda m: m.__name__)
def test_raw_insert_accepts_a_valid_row(model):
    instance = build_valid(model)

    raw_insert(instance)

    assert model.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("model", "name"), CHOICE_FIELDS, ids=lambda p: getattr(p, "__name__", p)
)
def test_enum_outside_its_values_is_rejected_by_the_model(model, name):
    instance = build_valid(model)
    setattr(instance, name, value_outside_choices(model._meta.get_field(name)))

    with pytest.raises(ValidationError) as caught:
        instance.full_clean()

    assert name in caught.value.message_dict


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("model", "name"), CHOICE_FIELDS, ids=lambda p: getattr(p, "__name__", p)
)
def test_enum_outside_its_values_is_rejected_by_the_database(model, name):
    instance = build_valid(model)
    bad_value = value_outside_choices(model._meta.get_field(name))

    with pytest.raises(IntegrityError) as caught, transaction.atomic():
        raw_insert(instance, **{name: bad_value})

    # A province outside the list also fails the province-in-country check.
    assert violated_constraint(caught.value).startswith(
        f"{model._meta.db_table}_{name}_"
    )
    assert not model.objects.filter(**{name: bad_value}).exists()


@pytest.mark.django_db
def test_province_of_another_country_is_rejected(account):
    lead = LeadFactory.build(account=account, country="US", province="QC")

    with pytest.raises(ValidationError) as caught:
        lead.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        lead.save()

    assert "The province does not belong to the country." in caught.value.messages


@pytest.mark.django_db
def test_province_without_country_is_accepted(account):
    lead = LeadFactory.build(account=account, country="", province="ON")

    lead.full_clean()
    lead.save()

    assert Lead.objects.get().province == "ON"


@pytest.mark.django_db
@pytest.mark.parametrize("rating", [0, 6])
def test_rating_outside_one_to_five_is_rejected(account, rating):
    lead = LeadFactory.build(account=account, rating=rating)

    with pytest.raises(ValidationError) as caught:
        lead.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        lead.save()

    assert "rating" in caught.value.message_dict


@pytest.mark.django_db
@pytest.mark.parametrize("year", [1200, 3000])
def test_vehicle_year_outside_model_years_is_rejected(year):
    vehicle = LeadVehicleFactory.build(lead=LeadFactory(), year=year)

    with pytest.raises(ValidationError) as caught:
        vehicle.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        vehicle.save()

    assert "year" in caught.value.message_dict


@pytest.mark.django_db
def test_negative_odometer_is_rejected_by_the_database(account):
    lead = LeadFactory.build(account=account, odometer_last_visit=-1)

    with pytest.raises(IntegrityError), transaction.atomic():
        lead.save()

    assert not Lead.objects.exists()


@pytest.mark.django_db
def test_lead_has_one_email_per_type():
    email = LeadEmailFactory(type="home")
    duplicate = LeadEmail(lead=email.lead, address="other@mail.example", type="home")

    with pytest.raises(ValidationError) as caught:
        duplicate.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()

    assert caught.value.messages == ["This lead already has an email of this type."]
    assert email.lead.emails.count() == 1


@pytest.mark.django_db
def test_lead_may_have_a_home_and_a_work_email():
    email = LeadEmailFactory(type="home")

    LeadEmailFactory(lead=email.lead, type="work")

    assert sorted(email.lead.emails.values_list("type", flat=True)) == ["home", "work"]


@pytest.mark.django_db
def test_lead_has_one_phone_per_type():
    phone = LeadPhoneFactory(type="mobile")
    duplicate = LeadPhone(lead=phone.lead, number="+14165550100", type="mobile")

    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()

    assert phone.lead.phones.count() == 1


@pytest.mark.django_db
def test_phone_outside_e164_is_rejected_by_the_database():
    phone = LeadPhoneFactory.build(lead=LeadFactory())

    with pytest.raises(IntegrityError) as caught, transaction.atomic():
        raw_insert(phone, number="514-555-1234")

    assert violated_constraint(caught.value) == "leads_leadphone_number_e164"


@pytest.mark.django_db
def test_email_without_at_sign_is_rejected():
    email = LeadEmailFactory.build(lead=LeadFactory(), address="not-an-email")

    with pytest.raises(ValidationError) as caught:
        email.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        email.save()

    assert "address" in caught.value.message_dict


@pytest.mark.django_db
def test_lead_user_slot_must_work_at_the_leads_dealership(account, other_account):
    outsider = UserFactory(account=other_account)
    lead = LeadFactory.build(account=account, bdc=outsider)

    with pytest.raises(ValidationError) as caught:
        lead.full_clean()

    assert caught.value.message_dict == {
        "bdc": ["This user does not work at the lead's dealership."]
    }


@pytest.mark.django_db
def test_user_without_dealership_must_be_superuser():
    with pytest.raises(IntegrityError), transaction.atomic():
        UserFactory(account=None, is_superuser=False)

    UserFactory(account=None, is_superuser=True)


@pytest.mark.django_db
def test_user_email_is_unique_within_a_dealership_ignoring_case(account, other_account):
    UserFactory(account=account, email="jane@dealer.example")
    UserFactory(account=other_account, email="jane@dealer.example")

    with pytest.raises(IntegrityError), transaction.atomic():
        UserFactory(account=account, email="JANE@dealer.example")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value"),
    [("country", "XX"), ("locale", "xx"), ("time_zone", "Mars/Olympus")],
)
def test_account_region_settings_are_validated(field, value):
    account = AccountFactory.build(**{field: value})

    with pytest.raises(ValidationError) as caught:
        account.full_clean()

    assert field in caught.value.message_dict


@pytest.mark.django_db
def test_vehicle_verifier_must_work_at_the_leads_dealership(account, other_account):
    outsider = UserFactory(account=other_account)
    vehicle = LeadVehicleFactory.build(
        lead=LeadFactory(account=account), verified_by=outsider
    )

    with pytest.raises(ValidationError) as caught:
        vehicle.full_clean()

    assert caught.value.message_dict == {
        "verified_by": ["This user does not work at the lead's dealership."]
    }
