"""Phone numbers as typed, read by leads/phones.py with phonenumbers, and
the validity flags the database computes for contact data."""

import pytest
from django.core.exceptions import ValidationError

from leads import phones
from tests.factories import LeadEmailFactory, LeadFactory, LeadPhoneFactory

# What agents and integrators type, and what is stored: (dealership's
# country, typed, E.164, extension).
SPELLINGS = [
    ("CA", "514-555-1234", "+15145551234", None),
    ("CA", "(514) 555-1234", "+15145551234", None),
    ("CA", "1 514 555 1234", "+15145551234", None),
    ("CA", "1-514-555-1234", "+15145551234", None),
    ("CA", "+1 514 555 1234", "+15145551234", None),
    ("CA", "514.555.1234", "+15145551234", None),
    ("CA", "  5145551234 ", "+15145551234", None),
    ("CA", "+15145551234", "+15145551234", None),
    ("CA", "514-555-1234 x12", "+15145551234", 12),
    ("CA", "514-555-1234x12", "+15145551234", 12),
    ("CA", "514-555-1234 ext. 12", "+15145551234", 12),
    ("CA", "514-555-1234 ext 12", "+15145551234", 12),
    ("CA", "514-555-1234 EXT. 12", "+15145551234", 12),
    ("CA", "(514) 555-1234 #12", "+15145551234", 12),
    ("CA", "514 555-1234 poste 12", "+15145551234", 12),
    ("CA", "514 555-1234, p. 12", "+15145551234", 12),
    ("CA", "514 555 1234;ext=12", "+15145551234", 12),  # RFC 3966's
    ("CA", "+33 1 23 45 67 89", "+33123456789", None),
    ("CA", "011 33 1 23 45 67 89", "+33123456789", None),
    ("CA", "+44 20 7946 0958", "+442079460958", None),
    ("CA", "+44 20 7946 0958 ext 12", "+442079460958", 12),
    ("US", "(212) 555-0123", "+12125550123", None),
    ("FR", "01 23 45 67 89", "+33123456789", None),
    ("FR", "06 12 34 56 78", "+33612345678", None),
    ("FR", "00 1 514 555 1234", "+15145551234", None),
    ("FR", "+1 514 555 1234", "+15145551234", None),
    ("GB", "020 7946 0958", "+442079460958", None),
]


@pytest.mark.parametrize(("region", "typed", "number", "extension"), SPELLINGS)
def test_typed_numbers_are_read_into_e164_and_their_extension(
    region, typed, number, extension
):
    assert phones.read(typed, region=region) == (number, extension)


@pytest.mark.parametrize(
    ("region", "typed", "message"),
    [
        ("CA", "+1 514 555 12", phones.TOO_SHORT),
        ("CA", "514 555 12", phones.TOO_SHORT),
        ("CA", "555-1234", phones.TOO_SHORT),  # no area code
        ("CA", "12", phones.TOO_SHORT),
        ("CA", "+1 514 555 1234 5678", phones.TOO_LONG),
        ("CA", "12345678901234567", phones.TOO_LONG),
        ("CA", "+1 014 432 1214", phones.NOT_IN_USE),  # no area code starts 0
        ("CA", "+1 514 132 1214", phones.NOT_IN_USE),  # nor exchange code 1
        ("CA", "01 23 45 67 89", phones.NOT_IN_USE),  # French, not Canadian
        ("CA", "514-555-CALL", phones.INVALID),  # no keypad letters
        ("CA", "1-800-FLOWERS", phones.INVALID),
        ("CA", "call me", phones.INVALID),
        ("CA", "514-555-1234 x 12 x 13", phones.INVALID),
        ("CA", "", phones.INVALID),
        ("CA", "   ", phones.INVALID),
        ("CA", "+0 514 432 1214", phones.INVALID),
        ("CA", "514-555-1234 x012", phones.EXTENSION_INVALID),  # 0 is lost
        ("CA", "514-555-1234 x1234567890", phones.EXTENSION_INVALID),
    ],
)
def test_numbers_that_cannot_exist_are_refused_naming_the_number(
    region, typed, message
):
    with pytest.raises(ValidationError) as caught:
        phones.read(typed, region=region)

    assert caught.value.message_dict == {"number": [message]}


def test_an_extension_given_apart_is_kept():
    assert phones.read("514-555-1234", region="CA", extension=7) == (
        "+15145551234",
        7,
    )


def test_an_extension_typed_and_given_apart_may_agree():
    assert phones.read("514-555-1234 x12", region="CA", extension=12) == (
        "+15145551234",
        12,
    )


def test_an_extension_typed_and_given_apart_must_agree():
    with pytest.raises(ValidationError) as caught:
        phones.read("514-555-1234 x12", region="CA", extension=7)

    assert list(caught.value.message_dict) == ["extension"]
    assert "12" in caught.value.message_dict["extension"][0]


def test_normalize_reads_a_whole_number_in_the_region():
    assert phones.normalize("01 23 45 67 89", "FR") == "+33123456789"
    assert phones.normalize("(514) 432-1214", "CA") == "+15144321214"


@pytest.mark.parametrize("typed", ["(514) 432-1214", "+1 514 555 12", "x"])
def test_normalize_without_a_region_needs_a_valid_international_number(typed):
    with pytest.raises(phones.InvalidNumber):
        phones.normalize(typed, None)


@pytest.mark.parametrize(
    ("typed", "region", "digits"),
    [
        ("(514) 432-1214", "CA", "15144321214"),
        ("01 23 45 67 89", "FR", "33123456789"),
        ("5144321214", "FR", "5144321214"),  # no French number: as typed
        ("+33 1 23", "CA", "33123"),
        ("555-1234", "CA", "5551234"),  # the last digits of a number
        ("1214", "CA", "1214"),
        ("1-800-FLOWERS", "CA", "1800"),  # letters are never dialled
    ],
)
def test_search_digits_match_the_e164_form(typed, region, digits):
    assert phones.search_digits(typed, region) == digits


@pytest.mark.django_db
def test_model_stores_a_number_with_its_country_code_in_e164():
    """Without a form or a request there is no dealership to read a
    national number in; with its country code a number is read."""
    phone = LeadPhoneFactory.build(lead=LeadFactory(), number="+1 (514) 432-1214")

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
