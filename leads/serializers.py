"""The documented JSON shape of a lead and its contact data, and input
validation; nothing else (API.md, "The Lead object")."""

import copy

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from rest_framework import serializers

from accounts.models import User
from accounts.serializers import AccountSerializer, UserSerializer
from config.api_serializers import ActivixModelSerializer
from leads import phones
from leads.models import USER_SLOTS, Lead, LeadEmail, LeadPhone, LeadVehicle
from leads.models.contacts import PhoneNumberField

# Seed attributes in the order of the Activix Lead object, then the later ones.
LEAD_FIELDS = [
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
]  # fmt: skip
CONTACT_READ_ONLY = ["id", "lead_id", "created_at", "updated_at", "valid"]


class PhoneField(serializers.CharField):
    """Accepts common North American spellings; answers in E.164."""

    default_error_messages = {"invalid": "The number format is invalid."}

    def to_internal_value(self, data):
        try:
            return phones.normalize(super().to_internal_value(data))
        except ValueError:
            self.fail("invalid")


class ContactSerializer(ActivixModelSerializer):
    serializer_field_mapping = {
        **ActivixModelSerializer.serializer_field_mapping,
        PhoneNumberField: PhoneField,
    }
    lead_id = serializers.IntegerField(read_only=True)

    class Meta:
        # One-per-type is checked by the lead or resource serializer.
        validators = []


class LeadEmailSerializer(ContactSerializer):
    class Meta(ContactSerializer.Meta):
        model = LeadEmail
        fields = [*CONTACT_READ_ONLY[:4], "address", "type", "valid"]
        read_only_fields = CONTACT_READ_ONLY


class LeadPhoneSerializer(ContactSerializer):
    class Meta(ContactSerializer.Meta):
        model = LeadPhone
        fields = [*CONTACT_READ_ONLY[:4], "number", "extension", "type", "valid"]
        read_only_fields = CONTACT_READ_ONLY


class LeadVehicleSerializer(ContactSerializer):
    verified_by = UserSerializer(read_only=True, allow_null=True)

    class Meta(ContactSerializer.Meta):
        model = LeadVehicle
        exclude = ["lead"]
        read_only_fields = [*CONTACT_READ_ONLY, "customs"]


class UserSlotField(serializers.Field):
    """A user slot: shown as a User object, written as `{"id": 5}`,
    `{"email": ...}` or `{"first_name": ..., "last_name": ...}`, which must
    name one user of the caller's dealership."""

    default_error_messages = {
        "invalid": 'Name the user by "id", "email" or "first_name" and "last_name".',
        "no_match": "No user of this dealership matches.",
        "ambiguous": "Several users of this dealership match; name the user by id.",
    }

    def __init__(self, **kwargs):
        super().__init__(required=False, allow_null=True, **kwargs)

    def to_representation(self, user):
        return UserSerializer(user).data

    def to_internal_value(self, data):
        if not isinstance(data, dict):
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
    account_id = serializers.IntegerField(read_only=True)
    account = AccountSerializer(read_only=True)
    advisor = UserSlotField()
    bdc = UserSlotField()
    commercial = UserSlotField()
    service_advisor = UserSlotField()
    service_agent = UserSlotField()
    emails = LeadEmailSerializer(many=True, required=False)
    phones = LeadPhoneSerializer(many=True, required=False)
    vehicles = LeadVehicleSerializer(many=True, required=False)

    class Meta:
        model = Lead
        fields = LEAD_FIELDS
        read_only_fields = ["id", "created_at", "updated_at", "created_method"]

    @property
    def target_account_id(self) -> int | None:
        """The dealership the lead belongs to, or will on create."""
        if self.instance is not None:
            return self.instance.account_id
        return self.context["request"].user.account_id

    def validate(self, attrs):
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
        for name, contact_model in (("emails", LeadEmail), ("phones", LeadPhone)):
            taken = set()
            if self.instance is not None:
                taken = set(getattr(self.instance, name).values_list("type", flat=True))
            item_errors = []
            for item in attrs.get(name, []):
                kind = contact_model._meta.verbose_name
                if item["type"] in taken:
                    item_errors.append(
                        {"type": [f"This lead already has a {item['type']} {kind}."]}
                    )
                else:
                    item_errors.append({})
                taken.add(item["type"])
            if any(item_errors):
                errors[name] = item_errors
        if errors:
            raise serializers.ValidationError(errors)

    @transaction.atomic
    def create(self, validated_data):
        contacts = {
            name: validated_data.pop(name, [])
            for name in ("emails", "phones", "vehicles")
        }
        account = validated_data["account"]
        # New leads speak the dealership's language and live in its region
        # unless told otherwise, as in Activix.
        if not validated_data.get("locale"):
            validated_data["locale"] = account.locale
        if not validated_data.get("country"):
            validated_data["country"] = account.country
        if (
            not validated_data.get("province")
            and validated_data["country"] == account.country
        ):
            validated_data["province"] = account.province
        lead = Lead.objects.create(**validated_data)
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
        LeadEmail.objects.bulk_create(
            LeadEmail(lead=lead, **item) for item in contacts["emails"]
        )
        LeadPhone.objects.bulk_create(
            LeadPhone(lead=lead, **item) for item in contacts["phones"]
        )
        LeadVehicle.objects.bulk_create(
            LeadVehicle(lead=lead, **item) for item in contacts["vehicles"]
        )

    def save(self, **kwargs):
        try:
            return super().save(**kwargs)
        except IntegrityError as error:
            # A concurrent write broke a rule checked above (one email per type).
            raise serializers.ValidationError(
                {"body": [str(error).splitlines()[0]]}
            ) from None


class LeadIdField(serializers.PrimaryKeyRelatedField):
    """`lead_id` of /lead-emails etc.: a lead of the caller's dealership."""

    default_error_messages = {
        "does_not_exist": "The selected lead id is invalid.",
        "incorrect_type": "The lead id must be an integer.",
    }

    def get_queryset(self):
        return Lead.objects.for_user(self.context["request"].user)


class ContactResourceMixin:
    """The standalone contact resources: `lead_id` is given on create and
    fixed afterwards; one email/phone per type still holds."""

    unique_type = True

    def get_fields(self):
        fields = super().get_fields()
        fields["lead_id"] = LeadIdField(
            source="lead", read_only=self.instance is not None
        )
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
            raise serializers.ValidationError(
                {"body": [str(error).splitlines()[0]]}
            ) from None


class LeadEmailResourceSerializer(ContactResourceMixin, LeadEmailSerializer):
    pass


class LeadPhoneResourceSerializer(ContactResourceMixin, LeadPhoneSerializer):
    pass


class LeadVehicleResourceSerializer(ContactResourceMixin, LeadVehicleSerializer):
    unique_type = False
