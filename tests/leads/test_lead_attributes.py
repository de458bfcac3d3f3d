"""The Lead model against the Activix Lead object (tests/data/lead-object.md,
a copy of the reference the API contract is built on)."""

import pytest
from django.db import models

from accounts.models import Account, User
from leads.models import Lead, LeadEmail, LeadPhone, LeadVehicle
from tests.reference import documented_attributes, documented_values

ATTRIBUTES = documented_attributes()
ENUM_ATTRIBUTES = [a for a in ATTRIBUTES if "Possible values" in a["description"]]
NESTED = {
    "account": Account,
    "advisor": User,
    "bdc": User,
    "commercial": User,
    "service_advisor": User,
    "service_agent": User,
}
ARRAYS = {"emails": LeadEmail, "phones": LeadPhone, "vehicles": LeadVehicle}


def test_reference_lists_every_attribute_of_the_seed():
    assert len(ATTRIBUTES) == 71
    assert len(ENUM_ATTRIBUTES) == 9


@pytest.mark.parametrize("attribute", ATTRIBUTES, ids=lambda a: a["name"])
def test_lead_has_documented_attribute_with_its_type(attribute):
    name, kind, description = (
        attribute["name"],
        attribute["type"],
        attribute["description"],
    )
    fields_by_attname = {f.attname: f for f in Lead._meta.concrete_fields}

    if kind == "object":
        field = Lead._meta.get_field(name)
        assert isinstance(field, models.ForeignKey)
        assert field.related_model is NESTED[name]
    elif kind == "array":
        relation = Lead._meta.get_field(name)
        assert relation.one_to_many
        assert relation.related_model is ARRAYS[name]
    else:
        field = fields_by_attname[name]
        if kind == "integer":
            assert isinstance(field, models.IntegerField | models.ForeignKey)
        elif kind == "boolean":
            assert isinstance(field, models.BooleanField)
        elif "ISO datetime" in description:
            assert isinstance(field, models.DateTimeField)
        elif "ISO date" in description:
            assert type(field) is models.DateField
        else:
            assert kind == "string"
            assert isinstance(field, models.CharField | models.TextField)


@pytest.mark.parametrize("attribute", ENUM_ATTRIBUTES, ids=lambda a: a["name"])
def test_lead_enum_has_exactly_the_documented_values(attribute):
    field = Lead._meta.get_field(attribute["name"])
    expected = documented_values(attribute["description"])
    if field.name == "created_method":
        expected.append("api")  # added by the later Activix documentation
        expected += ["adf_email", "adf_http"]  # ours: leads/intake/

    values = [str(value) for value, _label in field.choices]

    assert sorted(values) == sorted(expected)


def test_lead_gender_is_iso_5218():
    assert [value for value, _label in Lead._meta.get_field("gender").choices] == [
        0,
        1,
        2,
        9,
    ]


def test_lead_has_the_later_activix_attributes():
    assert Lead._meta.get_field("result").choices == [
        ("pending", "Pending"),
        ("attempted", "Attempted"),
        ("reached", "Reached"),
    ]
    assert isinstance(Lead._meta.get_field("comment"), models.TextField)
    assert isinstance(Lead._meta.get_field("business_name"), models.CharField)
