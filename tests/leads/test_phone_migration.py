"""leads/migrations/0005_renormalise_phone_numbers.py: stored numbers re-read
with phonenumbers; those it cannot read are reported and kept."""

import importlib

import pytest
from django.apps import apps
from django.db import connection

from tests.factories import LeadPhoneFactory

migration = importlib.import_module("leads.migrations.0005_renormalise_phone_numbers")


def renormalise() -> None:
    migration.renormalise_numbers(apps, connection.schema_editor())


@pytest.mark.django_db
def test_valid_numbers_stay_as_they_are_and_go_unreported(capsys):
    phone = LeadPhoneFactory(number="+15145551234")

    renormalise()

    phone.refresh_from_db()
    assert phone.number == "+15145551234"
    assert capsys.readouterr().out == ""


@pytest.mark.django_db
def test_a_readable_number_is_rewritten_and_reported(capsys):
    phone = LeadPhoneFactory(number="+4402079460958")  # the trunk 0 kept

    renormalise()

    phone.refresh_from_db()
    assert phone.number == "+442079460958"
    assert (
        f"phone {phone.id} of lead {phone.lead_id}: +4402079460958 is now "
        "+442079460958\n"
    ) in capsys.readouterr().out


@pytest.mark.django_db
def test_an_invalid_number_is_kept_and_reported(capsys):
    phone = LeadPhoneFactory(number="+151455512")  # "+1 514 555 12"

    renormalise()

    phone.refresh_from_db()
    assert phone.number == "+151455512"
    assert (
        f"phone {phone.id} of lead {phone.lead_id}: +151455512 is not a valid "
        "number, kept\n"
    ) in capsys.readouterr().out


@pytest.mark.django_db
def test_a_number_with_its_extension_glued_on_is_reported_with_the_guess(capsys):
    phone = LeadPhoneFactory(number="+44207946095812", extension=None)

    renormalise()

    phone.refresh_from_db()
    assert (phone.number, phone.extension) == ("+44207946095812", None)
    assert (
        f"phone {phone.id} of lead {phone.lead_id}: +44207946095812 is not a "
        "valid number, kept; +442079460958 extension 12?"
    ) in capsys.readouterr().out
