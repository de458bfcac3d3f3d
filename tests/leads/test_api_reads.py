"""Reads build leads from rows (leads.api.reads); LeadSerializer is the
reference. Both must give the same JSON values in the same key order, for
leads with every field set and for empty ones."""

import datetime
import json
from decimal import Decimal

import pytest
from django.db import models
from rest_framework import serializers
from rest_framework.renderers import JSONRenderer

from leads.api.reads import RowReader
from leads.api.serializers import LeadSerializer
from leads.models import USER_SLOTS, Lead, LeadEmail, LeadPhone, LeadVehicle
from tests.conftest import queries_for
from tests.factories import LeadFactory, UserFactory

# Microseconds and a non-UTC offset: both must vanish from the output.
MOMENT = datetime.datetime(
    2024, 2, 15, 4, 8, 7, 654321, tzinfo=datetime.timezone(datetime.timedelta(hours=-5))
)


def value_for(field):
    """A valid value of the model field's type (choices: the first)."""
    if field.choices:
        return field.choices[0][0]
    kinds = [
        (models.BooleanField, True),
        (models.DateTimeField, MOMENT),
        (models.DateField, datetime.date(1990, 4, 10)),
        (models.DecimalField, Decimal("123.40")),
        (models.JSONField, {"amount_evaluation_value": 1234.5, "appraiser": "Luc"}),
        (models.TextField, "Première ligne\nseconde"),
        (models.IntegerField, 4),
        (models.CharField, "Québec"[: field.max_length]),
    ]
    return next(value for kind, value in kinds if isinstance(field, kind))


def every_field_set(model, **values):
    """An instance of `model` with a value in each field it may hold."""
    for field in model._meta.concrete_fields:
        settable = not (field.primary_key or field.is_relation or field.generated)
        if settable and field.name not in values:
            values[field.name] = value_for(field)
    return model.objects.create(**values)


def make_staff(account) -> dict:
    return {
        slot: UserFactory(account=account, first_name=slot, last_name="Roy")
        for slot in USER_SLOTS
    }


def make_full_lead(account, staff=None):
    """Every lead field and user slot set, every email and phone type, and
    a wanted and an exchange vehicle with every field set."""
    staff = staff or make_staff(account)
    lead = every_field_set(
        Lead, account=account, country="CA", province="QC", locale="fr", **staff
    )
    for number, kind in enumerate(LeadEmail.Type.values):
        LeadEmail.objects.create(lead=lead, type=kind, address=f"m{number}@mail.ca")
    for number, kind in enumerate(LeadPhone.Type.values):
        LeadPhone.objects.create(
            lead=lead, type=kind, number=f"+1514555010{number}", extension=12
        )
    for kind in [LeadVehicle.Type.WANTED, LeadVehicle.Type.EXCHANGE]:
        every_field_set(
            LeadVehicle,
            lead=lead,
            type=kind,
            verified_by=staff["bdc"],
            rate=Decimal("4.9900"),
            **{name: 2020 for name in ["year", "year_min", "year_max"]},
        )
    return lead


def with_key_order(value):
    """JSON data with each object as its list of (key, value) pairs."""
    if isinstance(value, dict):
        return [(key, with_key_order(item)) for key, item in value.items()]
    if isinstance(value, list):
        return [with_key_order(item) for item in value]
    return value


def empty_paths(value, path="") -> list[str]:
    """Where `value` holds null or an empty array."""
    if isinstance(value, dict):
        return [
            p for k, item in value.items() for p in empty_paths(item, f"{path}.{k}")
        ]
    if isinstance(value, list) and value:
        return [
            p for i, item in enumerate(value) for p in empty_paths(item, f"{path}.{i}")
        ]
    return [path] if value in (None, []) else []


def reference_json(leads) -> list:
    """The leads as LeadSerializer shows them, written by DRF's renderer."""
    data = LeadSerializer(leads.with_related().newest_first(), many=True).data
    return json.loads(JSONRenderer().render(data))


@pytest.fixture
def leads(account):
    make_full_lead(account)
    LeadFactory(account=account)
    make_full_lead(account)
    LeadFactory(account=account)
    return Lead.objects.filter(account=account)


def test_lead_list_shows_leads_exactly_as_the_reference_serializer(api_client, leads):
    response = api_client.get("/api/v2/leads", {"per_page": 100})

    assert response.status_code == 200
    shown = response.json()["data"]
    assert len(shown) == 4
    assert with_key_order(shown) == with_key_order(reference_json(leads))


def test_lead_shows_itself_exactly_as_the_reference_serializer(api_client, account):
    lead = make_full_lead(account)

    response = api_client.get(f"/api/v2/leads/{lead.id}")

    assert response.status_code == 200
    shown = response.json()["data"]
    assert empty_paths(shown) == []
    reference = reference_json(Lead.objects.filter(pk=lead.pk))[0]
    assert with_key_order(shown) == with_key_order(reference)


def test_lead_search_shows_leads_exactly_as_the_reference_serializer(api_client, leads):
    response = api_client.get("/api/v2/leads/search", {"query": "mail.ca"})

    assert response.status_code == 200
    reference = reference_json(leads.exclude(emails=None))
    assert with_key_order(response.json()["data"]) == with_key_order(reference)


@pytest.mark.parametrize("per_page", [1, 25])
def test_full_lead_page_costs_the_same_queries_as_a_page_of_100(
    api_client, account, per_page
):
    staff = make_staff(account)
    for _ in range(100):
        make_full_lead(account, staff)

    small = queries_for(api_client, "/api/v2/leads", {"per_page": per_page})
    hundred = queries_for(api_client, "/api/v2/leads", {"per_page": 100})

    assert hundred == small


def test_reader_refuses_a_field_it_cannot_show_as_the_serializer_does():
    class ComputedSerializer(LeadSerializer):
        initials = serializers.SerializerMethodField()

        class Meta(LeadSerializer.Meta):
            fields = [*LeadSerializer.Meta.fields, "initials"]

        def get_initials(self, lead):
            return lead.first_name[:1]

    with pytest.raises(TypeError, match="initials"):
        RowReader(ComputedSerializer)
