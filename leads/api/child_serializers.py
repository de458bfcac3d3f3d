"""The JSON shape of a lead's children (its emails, phones and vehicles),
nested in a lead or through /lead-emails, /lead-phones and /lead-vehicles
(docs/api.md)."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.serializers import UserSerializer
from config.api.fields import StrictBooleanField, StrictIntegerField
from config.api.serializers import ActivixModelSerializer
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
    """A number as typed, answered in E.164. LeadPhoneSerializer.validate
    reads it: that needs the dealership's country and the extension."""

    def __init__(self, **kwargs):
        # The model's max_length is E.164's; typed numbers run longer.
        kwargs["max_length"] = phones.TYPED_MAX_LENGTH
        super().__init__(**kwargs)


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
    """A phone nested in a lead; LeadSerializer puts its dealership's
    country in the context as `phone_region`."""

    valid = StrictBooleanField(read_only=True)

    class Meta(LeadChildSerializer.Meta):
        model = LeadPhone
        fields = [*CHILD_READ_ONLY[:4], "number", "extension", "type", "valid"]
        read_only_fields = CHILD_READ_ONLY
        extra_kwargs = {
            "number": {
                "help_text": "Any usual spelling, of the dealership's country "
                "without a country code; an extension typed after it (x12, "
                "ext. 12, #12, poste 12) goes to `extension`. Answered in E.164."
            }
        }

    def validate(self, attrs):
        attrs = super().validate(attrs)
        if "number" in attrs:
            phone = phones.read(
                attrs["number"],
                region=self.phone_region(attrs),
                extension=attrs.get("extension"),
            )
            attrs.update(phone._asdict())
        return attrs

    def phone_region(self, attrs) -> str:
        """Where a number without a country code is."""
        return self.context["phone_region"]


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
        leads = Lead.objects.for_user(self.context["request"].user)
        # A phone's number is read in the lead's dealership's country.
        return leads.select_related("account")

    def to_internal_value(self, data):
        # DRF would also look up "5", which the schema's integer is not.
        if isinstance(data, bool) or not isinstance(data, int):
            self.fail("incorrect_type")
        return super().to_internal_value(data)


def repeated_types(
    model, lead: Lead | None, kinds: list[str], *, exclude: int | None = None
) -> list[str | None]:
    """For each type `lead` would gain in turn, why it cannot, or None.

    One email and one phone of each type per lead is the models' unique
    constraint (vehicles have none); checked here first, the error names
    the item instead of failing the whole write.
    """
    if model not in (LeadEmail, LeadPhone):
        return [None] * len(kinds)
    taken = set()
    if lead is not None and lead.pk is not None:
        others = model.objects.filter(lead=lead).exclude(pk=exclude)
        taken = set(others.values_list("type", flat=True))
    errors = []
    for kind in kinds:
        repeated = kind in taken
        taken.add(kind)
        name = model._meta.verbose_name
        errors.append(f"This lead already has a {kind} {name}." if repeated else None)
    return errors


class ChildResourceMixin:
    """The children as resources of their own: `lead_id` is given on
    create and fixed afterwards; one email/phone per type still holds."""

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
        [error] = repeated_types(
            self.Meta.model, lead, [kind], exclude=instance and instance.pk
        )
        if error:
            raise serializers.ValidationError({"type": [error]})
        return attrs


class LeadEmailResourceSerializer(ChildResourceMixin, LeadEmailSerializer):
    pass


class LeadPhoneResourceSerializer(ChildResourceMixin, LeadPhoneSerializer):
    def phone_region(self, attrs) -> str:
        lead = attrs.get("lead") or self.instance.lead
        return lead.account.country


class LeadVehicleResourceSerializer(ChildResourceMixin, LeadVehicleSerializer):
    pass
