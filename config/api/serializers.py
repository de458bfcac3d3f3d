"""The serializer conventions of the Activix dialect, shared by every app.

- Datetimes are UTC ISO 8601 with an offset (`2024-02-15T09:08:07+00:00`);
  a datetime sent without an offset is read as UTC.
- Empty text is `null` on the wire and `""` in the database (Django's
  convention); `null` for a field with a default (`result`, `gender`,
  booleans) means that default.
- Unknown fields are refused, so a typo is not silently dropped; read-only
  fields a client echoes back (`id`, `created_at`) are ignored, but must
  have the type responses give them, as the request schemas state
  (config/api/schema.py).
- Decimals are JSON numbers.
"""

from collections.abc import Mapping
from functools import cached_property

from django.apps import apps
from django.db import IntegrityError, models
from rest_framework import serializers

from .fields import (
    StrictBooleanField,
    StrictCharField,
    StrictDecimalField,
    StrictEmailField,
    StrictIntegerField,
    UTCDateTimeField,
)


def _stores_blank_text(model_field) -> bool:
    return (
        isinstance(model_field, models.CharField | models.TextField)
        and model_field.blank
        and not model_field.null
    )


def _has_default(model_field) -> bool:
    return not model_field.null and model_field.has_default()


class ActivixModelSerializer(serializers.ModelSerializer):
    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.DateTimeField: UTCDateTimeField,
        models.CharField: StrictCharField,
        models.TextField: StrictCharField,
        models.EmailField: StrictEmailField,
        models.AutoField: StrictIntegerField,
        models.BigAutoField: StrictIntegerField,
        models.IntegerField: StrictIntegerField,
        models.BigIntegerField: StrictIntegerField,
        models.PositiveIntegerField: StrictIntegerField,
        models.PositiveSmallIntegerField: StrictIntegerField,
        models.DecimalField: StrictDecimalField,
        models.BooleanField: StrictBooleanField,
    }

    def build_standard_field(self, field_name, model_field):
        field_class, kwargs = super().build_standard_field(field_name, model_field)
        if _stores_blank_text(model_field) or _has_default(model_field):
            kwargs["allow_null"] = True
        if isinstance(model_field, models.DecimalField):
            kwargs["coerce_to_string"] = False
        return field_class, kwargs

    @cached_property
    def blank_text_names(self) -> list[str]:
        """Fields shown as null when they hold "" (leads.api.reads too)."""
        model_fields = {f.name: f for f in self.Meta.model._meta.concrete_fields}
        return [
            name
            for name, field in self.fields.items()
            if field.source in model_fields
            and _stores_blank_text(model_fields[field.source])
        ]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        for name in self.blank_text_names:
            if data.get(name) == "":
                data[name] = None
        return data

    def to_internal_value(self, data):
        # Unknown and echoed fields are reported with the others' errors.
        errors = {}
        if isinstance(data, Mapping):
            errors = {
                name: ["This field does not exist."]
                for name in sorted(set(data) - set(self.fields))
            }
            errors.update(self.echo_errors(data))
        try:
            values = super().to_internal_value(data)
        except serializers.ValidationError as error:
            if isinstance(error.detail, dict):
                error.detail.update(errors)
            raise
        if errors:
            raise serializers.ValidationError(errors)
        model_fields = {f.name: f for f in self.Meta.model._meta.concrete_fields}
        for name, value in list(values.items()):
            model_field = model_fields.get(name)
            if value is None and model_field is not None:
                if _stores_blank_text(model_field):
                    values[name] = ""
                elif _has_default(model_field):
                    values[name] = model_field.get_default()
        return values

    def echo_errors(self, data: Mapping) -> dict:
        """Errors of the read-only fields in `data`: ignored, but typed as in
        responses, where a nested object (`account`) has every key."""
        errors = {}
        for name, field in self.fields.items():
            if not field.read_only:
                continue
            if name not in data:
                if self.read_only:  # this object is itself echoed
                    errors[name] = [field.error_messages["required"]]
                continue
            try:
                check_echoed(field, data[name])
            except serializers.ValidationError as error:
                errors[name] = error.detail
        return errors

    def save(self, **kwargs):
        try:
            return super().save(**kwargs)
        except IntegrityError as error:
            # A rule the validation checked, broken meanwhile by a concurrent
            # write (two requests adding a home email at once).
            raise constraint_violation(error) from None


def check_echoed(field: serializers.Field, value) -> None:
    """Raise unless `value` has the type responses give the read-only
    `field`; DRF would skip it, read-only fields taking no input."""
    if value is None:
        if not field.allow_null:
            field.fail("null")
    elif isinstance(field, serializers.BaseSerializer):
        field.to_internal_value(value)
    else:
        field.run_validators(field.to_internal_value(value))


def constraint_violation(error: IntegrityError) -> serializers.ValidationError:
    """A database rule broken by a concurrent write (two requests adding a
    home email at once), as a 422 carrying the rule's own message."""
    cause = getattr(error, "__cause__", None)
    name = getattr(getattr(cause, "diag", None), "constraint_name", None)
    for model in apps.get_models():
        for constraint in model._meta.constraints:
            if name and constraint.name == name:
                return serializers.ValidationError(
                    {"body": [str(constraint.violation_error_message)]}
                )
    return serializers.ValidationError(
        {"body": ["A change made at the same time conflicts with this one; try again."]}
    )
