"""The JSON shape of a lead's children (its emails, phones and vehicles),
nested in a lead or through /lead-emails, /lead-phones and /lead-vehicles
(docs/api.md)."""

from django.db import IntegrityError
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.serializers import UserSerializer
from config.api.fields import StrictBooleanField, StrictIntegerField
from config.api.serializers import ActivixModelSerializer, constraint_violation
from leads import phones
from leads.models import Lead, LeadEmail, LeadPhone, LeadVehicle
from leads.models.contacts import PhoneNumberField

CHILD_READ_ONLY = ["id", "lead_id", "created_at", "updated_at", "valid"]
# The Activix Vehicle object, grouped as the model is (docs/api.md).
VEHICLE_FIELDS = [
    *CHILD_READ_ONLY[:4], "type", "year", "make", "model", "trim", "vin", "stock",
    "stock_state", "category", "category_rv", "condition", "color_exterior",
    "color_interior", "driving_wheels", "engine", "fuel", "transmission", "weight",
    "odometer", "allowed_odometer", "license_plate", "sleeping", "certified", "tire",
    "sold", "sold_by", "client_number", "offer_number", "order_number", "modality",
    "payment_frequency", "term", "rate", "payment", "price", "cash_down",
    "security_deposit", "residual", "balance", "value", "actual_value", "accessories",
    "preparation", "profit", "budget_min", "budget_max", "length_min", "length_max",
    "year_min", "year_max", "purchase_date", "recorded_date", "sold_date",
    "end_contract_date", "end_warranty_date", "comment", "option",
    "extended_warranty", "warranty", "recall", "customs", "verified_by",
]  # fmt: skip


class PhoneField(serializers.CharField):
    """Accepts common North American spellings; answers in E.164."""

    default_error_messages = {"invalid": "The number format is invalid."}

    def to_internal_value(self, data):
        try:
            return phones.normalize(super().to_internal_value(data))
        except ValueError:
            self.fail("invalid")


class LeadChildSerializer(ActivixModelSerializer):
    serializer_field_mapping = {
        **ActivixModelSerializer.serializer_field_mapping,
        PhoneNumberField: PhoneField,
    }
    lead_id = StrictIntegerField(read_only=True)

    class Meta:
        # One-per-type is checked by the lead or resource serializer.
        validators = []


class LeadEmailSerializer(LeadChildSerializer):
    # Computed by the database, as a boolean (its ModelField would take any).
    valid = StrictBooleanField(read_only=True)

    class Meta(LeadChildSerializer.Meta):
        model = LeadEmail
        fields = [*CHILD_READ_ONLY[:4], "address", "type", "valid"]
        read_only_fields = CHILD_READ_ONLY


class LeadPhoneSerializer(LeadChildSerializer):
    valid = StrictBooleanField(read_only=True)

    class Meta(LeadChildSerializer.Meta):
        model = LeadPhone
        fields = [*CHILD_READ_ONLY[:4], "number", "extension", "type", "valid"]
        read_only_fields = CHILD_READ_ONLY


@extend_schema_field(
    {
        "type": "object",
        "properties": {
            "amount_evaluation_value": {"type": "number"},
            "appraiser": {"type": "string"},
        },
    }
)
class AppraisalField(serializers.JSONField):
    """`customs`: what the appraisal calculator found, never written here;
    echoed back, it must still have the shape above."""

    default_error_messages = {"invalid": "Expected the appraisal object."}

    def to_internal_value(self, data):
        if not isinstance(data, dict):
            self.fail("invalid")
        amount = data.get("amount_evaluation_value", 0)
        number = isinstance(amount, int | float) and not isinstance(amount, bool)
        if not number or not isinstance(data.get("appraiser", ""), str):
            self.fail("invalid")
        return super().to_internal_value(data)


class LeadVehicleSerializer(LeadChildSerializer):
    verified_by = UserSerializer(read_only=True, allow_null=True)
    customs = AppraisalField(read_only=True, allow_null=True)

    class Meta(LeadChildSerializer.Meta):
        model = LeadVehicle
        fields = VEHICLE_FIELDS
        read_only_fields = CHILD_READ_ONLY


class LeadIdField(serializers.PrimaryKeyRelatedField):
    """`lead_id` of /lead-emails etc.: a lead of the caller's dealership."""

    default_error_messages = {
        "does_not_exist": "The selected lead id is invalid.",
        "incorrect_type": "The lead id must be an integer.",
    }

    def get_queryset(self):
        return Lead.objects.for_user(self.context["request"].user)

    def to_internal_value(self, data):
        # DRF would also look up "5", which the schema's integer is not.
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("incorrect_type")
        return super().to_internal_value(data)


class ChildResourceMixin:
    """The children as resources of their own: `lead_id` is given on
    create and fixed afterwards; one email/phone per type still holds."""

    unique_type = True

    def get_fields(self):
        fields = super().get_fields()
        if self.instance is None:
            fields["lead_id"] = LeadIdField(source="lead")
        # On update, the inherited read-only integer: typed, not looked up.
        return fields

    def validate(self, attrs):
        attrs = super().validate(attrs)
        instance = self.instance
        lead = attrs.get("lead") or instance.lead
        kind = attrs.get("type") or instance.type
        model = self.Meta.model
        taken = model.objects.filter(lead=lead, type=kind)
        if instance is not None:
            taken = taken.exclude(pk=instance.pk)
        if self.unique_type and taken.exists():
            message = f"This lead already has a {kind} {model._meta.verbose_name}."
            raise serializers.ValidationError({"type": [message]})
        return attrs

    def save(self, **kwargs):
        try:
            return super().save(**kwargs)
        except IntegrityError as error:
            raise constraint_violation(error) from None


class LeadEmailResourceSerializer(ChildResourceMixin, LeadEmailSerializer):
    pass


class LeadPhoneResourceSerializer(ChildResourceMixin, LeadPhoneSerializer):
    pass


class LeadVehicleResourceSerializer(ChildResourceMixin, LeadVehicleSerializer):
    unique_type = False
