import pytest
from django.core.exceptions import ValidationError

from leads import phones
from tests.factories import LeadEmailFactory, LeadFactory, LeadPhoneFactory


@pytest.mark.parametrize(
    "typed",
    [
        "(514) 432-1214",
        "514.432.1214",
        "514 432 1214",
        "1-514-432-1214",
        "+1 514 432 1214",
        "+15144321214",
        "  5144321214 ",
    ],
)
def test_north_american_spellings_normalise_to_e164(typed):
    assert phones.normalize(typed) == "+15144321214"


def test_international_numbers_keep_their_country_code():
    assert phones.normalize("011 33 1 23 45 67 89") == "+33123456789"
    assert phones.normalize("+33 1 23 45 67 89") == "+33123456789"


@pytest.mark.parametrize(
    "typed", ["", "555-1234", "call me", "+0 514 432 1214", "12345678901234567"]
)
def test_non_numbers_are_refused(typed):
    with pytest.raises(ValueError):
        phones.normalize(typed)


@pytest.mark.parametrize(
    ("typed", "digits"),
    [("(514) 432-1214", "15144321214"), ("+33 1 23", "33123"), ("1214", "1214")],
)
def test_search_digits_match_the_e164_form(typed, digits):
    assert phones.search_digits(typed) == digits


@pytest.mark.django_db
def test_phone_typed_in_a_form_is_stored_in_e164():
    phone = LeadPhoneFactory.build(lead=LeadFactory(), number="(514) 432-1214")

    phone.full_clean()
    phone.save()

    phone.refresh_from_db()
    assert phone.number == "+15144321214"


@pytest.mark.django_db
def test_unreadable_phone_gets_the_activix_message():
    phone = LeadPhoneFactory.build(lead=LeadFactory(), number="12")

    with pytest.raises(ValidationError) as caught:
        phone.full_clean()

    assert caught.value.message_dict == {"number": ["The number format is invalid."]}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("number", "valid"),
    [
        ("+15144321214", True),
        ("+33123456789", True),
        ("+15145550123", False),  # 555-01xx is reserved for fiction
        ("+10144321214", False),  # area codes never start with 0 or 1
        ("+15141321214", False),  # nor do exchange codes
        ("+4412345", False),  # too short to dial
    ],
)
def test_phone_validity_is_computed_by_the_database(number, valid):
    phone = LeadPhoneFactory(number=number)

    phone.refresh_from_db()

    assert phone.valid is valid


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("address", "valid"),
    [
        ("marie.tremblay@videotron.ca", True),
        ("noemail@lachance-toyota.ca", False),
        ("NONE@gmail.com", False),
        ("aucun@hotmail.com", False),
        ("client@example.com", False),
    ],
)
def test_email_validity_flags_placeholder_addresses(address, valid):
    email = LeadEmailFactory(address=address)

    email.refresh_from_db()

    assert email.valid is valid


@pytest.mark.django_db
def test_validity_follows_a_changed_address():
    email = LeadEmailFactory(address="noemail@gmail.com")

    email.address = "real.person@gmail.com"
    email.save()
    email.refresh_from_db()

    assert email.valid is True
