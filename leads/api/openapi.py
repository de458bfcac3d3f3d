"""OpenAPI descriptions drf-spectacular cannot infer from our fields."""

from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import build_basic_type
from drf_spectacular.types import OpenApiTypes


class UserSlotFieldExtension(OpenApiSerializerFieldExtension):
    """A User object in responses; a reference to one in requests.

    Nullability is added by drf-spectacular from the field's allow_null.
    """

    target_class = "leads.api.serializers.UserSlotField"

    def map_serializer_field(self, auto_schema, direction):
        if direction == "response":
            serializer = self.target.serializer_class
            return auto_schema.resolve_serializer(serializer, direction).ref
        string = build_basic_type(OpenApiTypes.STR)
        # anyOf, not oneOf: a User object echoed from a response has all
        # three ways, and is taken by its id first, then email, then name.
        return {
            "anyOf": [
                {
                    "type": "object",
                    "required": ["id"],
                    "properties": {"id": {"type": "integer"}},
                },
                {
                    "type": "object",
                    "required": ["email"],
                    "properties": {"email": string},
                },
                {
                    "type": "object",
                    "required": ["first_name", "last_name"],
                    "properties": {"first_name": string, "last_name": string},
                },
            ],
            "description": "A user of the caller's dealership, by id, email or name.",
        }
