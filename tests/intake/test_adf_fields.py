"""Every value the reader gives is one our models accept: each field's own
validation (length, choices, range, digits), and a province in its country."""

import pytest

from accounts.constraints import province_in_country
from leads.intake.adf import RejectedDocument
from leads.models import Lead, LeadEmail, LeadPhone, LeadVehicle
from tests.intake.adf_corpus import CORPUS, read_corpus

DOCUMENTS = sorted(path.name for path in CORPUS.iterdir())


def read_or_none(name: str):
    try:
        return read_corpus(name)
    except RejectedDocument:
        return None


def assert_fits(model, values: dict) -> None:
    for field, value in values.items():
        model._meta.get_field(field).clean(value, None)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_value_read_fits_its_field(name):
    document = read_or_none(name)
    prospects = document.prospects if document else []

    for prospect in prospects:
        assert_fits(Lead, prospect.lead)
        if "province" in prospect.lead:
            country = prospect.lead.get("country", "")
            assert province_in_country(prospect.lead["province"], country)
        for email in prospect.emails:
            assert_fits(LeadEmail, email)
        for phone in prospect.phones:
            assert_fits(LeadPhone, {"type": phone["type"]})
        for vehicle in prospect.vehicles:
            assert_fits(LeadVehicle, vehicle)


def test_the_corpus_gives_values_for_every_mapped_field():
    """The test above checks something: each field is met at least once."""
    seen: set[str] = set()
    for name in DOCUMENTS:
        document = read_or_none(name)
        for prospect in document.prospects if document else []:
            seen.update(f"lead.{field}" for field in prospect.lead)
            for vehicle in prospect.vehicles:
                seen.update(f"vehicle.{field}" for field in vehicle)

    assert seen >= {
        "lead.first_name",
        "lead.last_name",
        "lead.business",
        "lead.business_name",
        "lead.civility",
        "lead.comment",
        "lead.division",
        "lead.address_line1",
        "lead.city",
        "lead.province",
        "lead.postal_code",
        "lead.country",
        "vehicle.type",
        "vehicle.year",
        "vehicle.make",
        "vehicle.model",
        "vehicle.trim",
        "vehicle.vin",
        "vehicle.stock",
        "vehicle.odometer",
        "vehicle.color_exterior",
        "vehicle.color_interior",
        "vehicle.transmission",
        "vehicle.price",
        "vehicle.option",
        "vehicle.modality",
        "vehicle.comment",
    }
