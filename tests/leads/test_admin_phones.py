"""Phone numbers in the admin: typed on the lead page in any usual spelling
and read in the dealership's country, refused with a form error when they
cannot exist, and shown on the lead page and the list as links that dial
them, as people of the dealership's country read them."""

import phonenumbers
import pytest

from leads import phones
from leads.models import Lead, LeadPhone
from tests.conftest import admin_form_data
from tests.factories import LeadFactory, LeadPhoneFactory

ADD_URL = "/admin/leads/lead/add/"
LIST_URL = "/admin/leads/lead/"


def change_url(lead):
    return f"/admin/leads/lead/{lead.id}/change/"


def post_phone(client, lead, **fields):
    """The lead page saved as shown, with one phone row added."""
    data = admin_form_data(client.get(change_url(lead)))
    data["phones-TOTAL_FORMS"] = "1"
    data |= {f"phones-0-{name}": value for name, value in fields.items()}
    return client.post(change_url(lead), data)


@pytest.fixture
def french_dealership(account):
    account.country = "FR"
    account.save()
    return account


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "number", "extension"),
    [
        ("(514) 987-1234", "+15149871234", None),
        ("514.987.1234 poste 12", "+15149871234", 12),
        ("+44 20 7946 0958 ext 12", "+442079460958", 12),
    ],
)
def test_lead_page_stores_a_typed_number_and_its_extension(
    agent_client, account, typed, number, extension
):
    lead = LeadFactory(account=account)

    response = post_phone(agent_client, lead, number=typed, type="work")

    assert response.status_code == 302
    assert lead.phones.values_list("number", "extension").get() == (number, extension)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("+1 514 555 12", phones.TOO_SHORT),
        ("514 555 1234 5678", phones.TOO_LONG),
        ("514-555-CALL", phones.INVALID),
        ("01 23 45 67 89", phones.NOT_IN_USE),  # a French number, in Canada
    ],
)
def test_lead_page_refuses_a_number_that_cannot_exist(
    agent_client, account, typed, message
):
    lead = LeadFactory(account=account)

    response = post_phone(agent_client, lead, number=typed, type="home")

    assert response.status_code == 200
    errors = response.context["inline_admin_formsets"][1].formset.errors
    assert errors == [{"number": [message]}]
    assert not LeadPhone.objects.exists()


@pytest.mark.django_db
def test_lead_page_refuses_an_extension_the_number_contradicts(agent_client, account):
    lead = LeadFactory(account=account)

    response = post_phone(
        agent_client, lead, number="514 987 1234 x12", extension="7", type="work"
    )

    assert response.status_code == 200
    errors = response.context["inline_admin_formsets"][1].formset.errors
    assert list(errors[0]) == ["extension"]
    assert not LeadPhone.objects.exists()


@pytest.mark.django_db
def test_lead_page_reads_numbers_in_the_dealerships_country(
    agent_client, french_dealership
):
    lead = LeadFactory(account=french_dealership)

    post_phone(agent_client, lead, number="01 23 45 67 89", type="home")

    assert lead.phones.get().number == "+33123456789"


@pytest.mark.django_db
def test_new_lead_reads_numbers_in_the_staffs_dealerships_country(
    agent_client, french_dealership
):
    data = admin_form_data(agent_client.get(ADD_URL))
    data |= {
        "first_name": "Luc",
        "type": "walk_in",
        "phones-TOTAL_FORMS": "1",
        "phones-0-number": "06 12 34 56 78",
        "phones-0-type": "mobile",
    }

    response = agent_client.post(ADD_URL, data)

    assert response.status_code == 302
    assert Lead.objects.get().phones.get().number == "+33612345678"


@pytest.mark.django_db
def test_a_stored_number_left_untouched_does_not_block_the_lead(agent_client, account):
    """A number stored before phonenumbers read them (migration 0005 reports
    such numbers) stays until someone edits it."""
    lead = LeadFactory(account=account, first_name="Luc")
    LeadPhoneFactory(lead=lead, number="+151455512")
    data = admin_form_data(agent_client.get(change_url(lead)))
    data["first_name"] = "Lucien"

    response = agent_client.post(change_url(lead), data)

    assert response.status_code == 302
    lead.refresh_from_db()
    assert lead.first_name == "Lucien"


@pytest.mark.django_db
def test_lead_page_shows_a_dial_link_beside_each_number(agent_client, account):
    lead = LeadFactory(account=account)
    LeadPhoneFactory(lead=lead, type="home", number="+15816584257")
    LeadPhoneFactory(lead=lead, type="work", number="+33123456789")

    page = agent_client.get(change_url(lead)).content.decode()

    assert '<a href="tel:+15816584257">(581) 658-4257</a>' in page
    assert '<a href="tel:+33123456789">+33 1 23 45 67 89</a>' in page


@pytest.mark.django_db
@pytest.mark.parametrize("country", ["CA", "FR"])
def test_changelist_shows_numbers_as_phonenumbers_formats_them(
    agent_client, account, country
):
    """National format for the dealership's country code, international for
    others, as phonenumbers.format_number writes them."""
    account.country = country
    account.save()
    numbers = [
        "+15816584257",
        "+12125550123",
        "+33123456789",
        "+33612345678",
        "+442079460958",
        "+390612345678",  # Italy's numbers keep their leading 0
    ]
    for number in numbers:
        LeadPhoneFactory(lead=LeadFactory(account=account), number=number)

    page = agent_client.get(LIST_URL).content.decode()

    home = phonenumbers.country_code_for_region(country)
    for number in numbers:
        parsed = phonenumbers.parse(number)
        style = (
            phonenumbers.PhoneNumberFormat.NATIONAL
            if parsed.country_code == home
            else phonenumbers.PhoneNumberFormat.INTERNATIONAL
        )
        shown = phonenumbers.format_number(parsed, style)
        assert f'<a href="tel:{number}">{shown}</a>' in page
