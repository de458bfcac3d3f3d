"""Serializer fields with the dialect's JSON types: UTC datetimes with an
offset, and no type coercion the schema does not state."""

import datetime
import re

from rest_framework import serializers


class UTCDateTimeField(serializers.DateTimeField):
    def __init__(self, **kwargs):
        kwargs.setdefault("default_timezone", datetime.UTC)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return value.astimezone(datetime.UTC).isoformat(timespec="seconds")


class StrictTypes:
    """JSON types as the schema states them: DRF would take 5 for a string,
    "5" for an integer and "yes" for a boolean, which the schema forbids."""

    accepted: tuple[type, ...] = ()

    def to_internal_value(self, data):
        if isinstance(data, bool) != (bool in self.accepted) or not isinstance(
            data, self.accepted
        ):
            self.fail("invalid")
        return super().to_internal_value(data)


class StrictCharField(StrictTypes, serializers.CharField):
    accepted = (str,)


class StrictIntegerField(StrictTypes, serializers.IntegerField):
    accepted = (int,)


class StrictDecimalField(StrictTypes, serializers.DecimalField):
    accepted = (int, float)


class StrictEmailField(StrictTypes, serializers.EmailField):
    accepted = (str,)


class StrictBooleanField(StrictTypes, serializers.BooleanField):
    accepted = (bool,)


class QueryIntegerField(serializers.IntegerField):
    """An integer query parameter, in ASCII digits and given once: DRF would
    also read "5.0", " 5" and "٥", none of them an integer in the schema."""

    default_error_messages = {"repeated": "Give this parameter once."}

    def to_internal_value(self, data):
        if isinstance(data, list):
            self.fail("repeated")
        if not re.fullmatch(r"-?[0-9]+", data):
            self.fail("invalid")
        return super().to_internal_value(data)
