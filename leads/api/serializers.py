"""The documented JSON shape of a lead, and input validation; nothing else
(docs/api.md, "The Lead object"). Its children: child_serializers."""

import copy

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from rest_framework import serializers

from accounts.models import User
from accounts.serializers import AccountSerializer, UserSerializer
from config.api.fields import StrictIntegerField
from config.api.serializers import ActivixModelSerializer

from ..models import USER_SLOTS, Lead, LeadEmail, LeadPhone, LeadVehicle
from .child_serializers import (
    LeadEmailSerializer,
    LeadPhoneSerializer,
    LeadVehicleSerializer,
    repeated_types,
)

# The lead's JSON keys: the Activix Lead object's, in its order, then the
# later ones.
LEAD_KEYS = [
    "id", "created_at", "updated_at", "account_id", "address_line1", "address_line2",
    "appointment_date", "available_date", "average_spending", "be_back_date",
    "birth_date", "business", "call_date", "city", "civility", "code", "country",
    "created_method", "csi_date", "delivered_date", "delivery_date", "division",
    "end_service_date", "first_name", "gender", "last_name", "last_presented_date",
    "locale", "loyalty", "next_presented_date", "odometer_last_visit",
    "open_work_order_date", "planned_pick_up_date", "postal_code", "prepaid",
    "presented_date", "promised_date", "province", "rating", "reached_client",
    "refinanced_date", "repair_date", "repair_order", "road_test_date", "sale_date",
    "second_contact", "second_contact_civility", "segment", "service_cleaning_car",
    "service_interval_km", "storage", "sex", "invoiced", "source", "status",
    "take_over_date", "type", "unsubscribe_all_date", "unsubscribe_call_date",
    "unsubscribe_email_date", "unsubscribe_sms_date", "work_order", "account",
    *USER_SLOTS, "emails", "phones", "vehicles", "result", "comment", "business_name",
    "first_response_at",
]  # fmt: skip


class UserSlotField(serializers.Field):
    """A user slot: shown as a User object, written as `{"id": 5}`,
    `{"email": ...}` or `{"first_name": ..., "last_name": ...}`, which must
    name one user of the caller's dealership."""

    default_error_messages = {
        "invalid": 'Name the user by "id", "email" or "first_name" and "last_name".',
        "no_match": "No user of this dealership matches.",
        "ambiguous": "Several users of this dealership match; name the user by id.",
    }

    # How the user is shown, here, in leads.api.reads and in the schema.
    serializer_class = UserSerializer

    def __init__(self, **kwargs):
        super().__init__(required=False, allow_null=True, **kwargs)

    def to_representation(self, user):
        return self.serializer_class(user).data

    def to_internal_value(self, data):
        if not isinstance(data, dict) or any(
            "\x00" in value for value in data.values() if isinstance(value, str)
        ):  # PostgreSQL refuses NUL characters in queries
            self.fail("invalid")
        if isinstance(data.get("id"), int) and not isinstance(data["id"], bool):
            lookup = {"pk": data["id"]}
        elif isinstance(data.get("email"), str):
            lookup = {"email__iexact": data["email"]}
        elif isinstance(data.get("first_name"), str) and isinstance(
            data.get("last_name"), str
        ):
            lookup = {
                "first_name__iexact": data["first_name"],
                "last_name__iexact": data["last_name"],
            }
        else:
            self.fail("invalid")
        account_id = self.parent.target_account_id
        matches = list(User.objects.filter(account_id=account_id, **lookup)[:2])
        if not matches:
            self.fail("no_match")
        if len(matches) > 1:
            self.fail("ambiguous")
        return matches[0]


class LeadSerializer(ActivixModelSerializer):
    account_id = StrictIntegerField(read_only=True)
    account = AccountSerializer(read_only=True)
    advisor = UserSlotField()
    bdc = UserSlotField()
    commercial = UserSlotField()
    service_advisor = UserSlotField()
    service_agent = UserSlotField()
    emails = LeadEmailSerializer(many=True, required=False)
    phones = LeadPhoneSerializer(many=True, required=False)
    vehicles = LeadVehicleSerializer(many=True, required=False)
    source_id = serializers.IntegerField(
        write_only=True,
        required=False,
        allow_null=True,
        help_text="Accepted so that Activix request bodies work, and ignored: "
        "there is no catalogue of sources here; `source` names the source.",
    )

    class Meta:
        model = Lead
        fields = [*LEAD_KEYS, "source_id"]
        read_only_fields = [
            "id",
            "created_at",
            "updated_at",
            "created_method",
            "first_response_at",
        ]

    @property
    def target_account_id(self) -> int | None:
        """The dealership the lead belongs to, or will on create."""
        if self.instance is not None:
            return self.instance.account_id
        return self.context["request"].user.account_id

    @property
    def target_country(self) -> str:
        """The dealership's country, where its phone numbers are read."""
        if self.instance is not None:
            return self.instance.account.country
        return self.context["request"].user.account.country

    def to_internal_value(self, data):
        # The nested phones' serializers read numbers without a country code
        # in it (LeadPhoneSerializer.phone_region).
        self.context["phone_region"] = self.target_country
        if self.partial and isinstance(data, dict):
            self._validate_new_contacts_whole(data)
        return super().to_internal_value(data)

    def _validate_new_contacts_whole(self, data):
        """Items an update appends are new contacts, so they must be complete;
        DRF's partial mode would let their required fields slide."""
        errors = {}
        for name in ("emails", "phones", "vehicles"):
            items = data.get(name)
            if not isinstance(items, list):
                continue  # the field itself reports a wrong type
            child_class = type(self.fields[name].child)
            item_errors = []
            for item in items:
                child = child_class(data=item, context=self.context)
                item_errors.append({} if child.is_valid() else child.errors)
            if any(item_errors):
                errors[name] = item_errors
        if errors:
            raise serializers.ValidationError(errors)

    def validate(self, attrs):
        attrs.pop("source_id", None)
        self._validate_as_model(attrs)
        self._validate_one_contact_per_type(attrs)
        return attrs

    def _validate_as_model(self, attrs):
        """The model's own rules (tenancy of user slots, province in
        country), as the admin applies them."""
        scalars = {
            k: v for k, v in attrs.items() if k not in ("emails", "phones", "vehicles")
        }
        if self.instance is not None:
            candidate = copy.copy(self.instance)
            for name, value in scalars.items():
                setattr(candidate, name, value)
        else:
            candidate = Lead(account_id=self.target_account_id, **scalars)
        try:
            candidate.full_clean(validate_unique=False, validate_constraints=False)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.message_dict) from None

    def _validate_one_contact_per_type(self, attrs):
        errors = {}
        for name, model in (("emails", LeadEmail), ("phones", LeadPhone)):
            kinds = [item["type"] for item in attrs.get(name, [])]
            repeated = repeated_types(model, self.instance, kinds)
            if any(repeated):
                errors[name] = [
                    {"type": [error]} if error else {} for error in repeated
                ]
        if errors:
            raise serializers.ValidationError(errors)

    @transaction.atomic
    def create(self, validated_data):
        contacts = {
            name: validated_data.pop(name, [])
            for name in ("emails", "phones", "vehicles")
        }
        lead = Lead(**validated_data)
        lead.take_dealership_defaults()
        lead.save()
        self._add_contacts(lead, contacts)
        return lead

    @transaction.atomic
    def update(self, instance, validated_data):
        contacts = {
            name: validated_data.pop(name, [])
            for name in ("emails", "phones", "vehicles")
        }
        lead = super().update(instance, validated_data)
        # Arrays append: existing contact data changes through /lead-emails etc.
        self._add_contacts(lead, contacts)
        return lead

    def _add_contacts(self, lead, contacts):
        # One save each, not bulk_create, which the audit trail would miss;
        # a lead has a handful.
        for name, model in [
            ("emails", LeadEmail),
            ("phones", LeadPhone),
            ("vehicles", LeadVehicle),
        ]:
            for item in contacts[name]:
                model.objects.create(lead=lead, **item)


class SearchSerializer(serializers.Serializer):
    """The query string of GET /leads/search."""

    query = serializers.CharField(max_length=255)
