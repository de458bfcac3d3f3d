"""The dialect in the OpenAPI schema, so that it describes what the API
really does: envelopes, error bodies, partial PUT, bracketed filters."""

import copy

from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import force_instance, is_serializer

from .filters import bracketed

ERROR = {
    "type": "object",
    "required": ["message"],
    "properties": {"message": {"type": "string"}},
}
VALIDATION_ERROR = {
    "type": "object",
    "required": ["message", "errors"],
    "properties": {
        "message": {"type": "string", "const": "The given data was invalid."},
        "errors": {
            "type": "object",
            "description": "Messages by field path, e.g. `emails.0.type`.",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
}
ERRORS = {
    "400": ("Malformed JSON.", "Error"),
    "401": ("No valid token.", "Error"),
    "403": ("The user's role does not allow this.", "Error"),
    "404": ("Unknown, or another dealership's.", "Error"),
    "405": ("Method not allowed.", "Error"),
    "406": ("The Accept header does not allow application/json.", "Error"),
    "413": ("The body is larger than the server accepts.", "Error"),
    "415": ("The body is not application/json.", "Error"),
    "422": ("Invalid data or query parameters.", "ValidationError"),
    "429": ("Too many requests for this token.", "Error"),
}
# Statuses that only a request with a body can get.
BODY_ERRORS = {"400", "413", "415"}


def _json(schema):
    return {"application/json": {"schema": schema}}


def _resolve(schema, components):
    """A `#/components/schemas/X` reference's target; other schemas as is."""
    name = schema.get("$ref", "").removeprefix("#/components/schemas/")
    return components.get(name, schema) if name else schema


def envelope_responses(result, generator, request, public):
    """Wrap single-object 2xx bodies in `{"data": ...}` (paginated lists are
    already enveloped) and declare the error bodies on every operation."""
    components = result.setdefault("components", {}).setdefault("schemas", {})
    components["Error"] = ERROR
    components["ValidationError"] = VALIDATION_ERROR
    for name, component in components.items():
        # A field with no value is null, never left out; no undocumented one
        # is ever added.
        if not name.endswith("Request") and "properties" in component:
            component["required"] = list(component["properties"])
            component["additionalProperties"] = False
    for name, component in components.items():
        if name.endswith("Request") and "properties" in component:
            _refuse_unknown_fields(name, component, components)
    for path, operations in result.get("paths", {}).items():
        if not path.startswith("/api/v2/") or "/schema" in path or "/docs" in path:
            continue
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            for code, response in responses.items():
                content = response.get("content", {}).get("application/json")
                if code.startswith("2") and content:
                    schema = content["schema"]
                    if "data" not in _resolve(schema, components).get("properties", {}):
                        content["schema"] = {
                            "type": "object",
                            "required": ["data"],
                            "properties": {"data": schema},
                        }
            for code, (description, component) in ERRORS.items():
                if code in BODY_ERRORS and method not in ("post", "put", "patch"):
                    continue
                ref = {"$ref": f"#/components/schemas/{component}"}
                responses.setdefault(
                    code, {"description": description, "content": _json(ref)}
                )
            if operation.get("operationId") in VERSIONED:
                _document_versions(operation, method)
    return result


# Lead operations that answer with an ETag (leads.api.preconditions).
VERSIONED = {"leads_create", "leads_retrieve", "leads_update", "leads_partial_update"}
ETAG_HEADER = {
    "ETag": {
        "description": "The lead's version; send it back in `If-Match`.",
        "schema": {"type": "string"},
    }
}


def _document_versions(operation, method):
    """ETag on the answer; If-Match and its 412 on updates."""
    responses = operation["responses"]
    for code in ("200", "201"):
        if code in responses:
            responses[code].setdefault("headers", {}).update(ETAG_HEADER)
    if method in ("put", "patch"):
        operation.setdefault("parameters", []).append(
            {
                "name": "If-Match",
                "in": "header",
                "required": False,
                "description": "The ETag read last; a stale one gets 412 and "
                "changes nothing. Without it the update goes through.",
                "schema": {"type": "string"},
            }
        )
        responses["412"] = {
            "description": "The lead changed since the ETag in If-Match was read.",
            "content": _json({"$ref": "#/components/schemas/Error"}),
        }


ECHOED_DESCRIPTION = "Read-only: ignored when sent, but typed as in responses."


def _refuse_unknown_fields(name, component, components):
    """Unknown fields are a 422, so request bodies admit no others; the
    read-only fields a client may echo back from a response are ignored, but
    must have their response type (config.api.serializers.check_echoed)."""
    response = components.get(name.removeprefix("Patched").removesuffix("Request"), {})
    for field, schema in response.get("properties", {}).items():
        if field in component["properties"]:
            continue
        # Not readOnly here: tools leave such fields out of request bodies.
        echoed = {key: value for key, value in schema.items() if key != "readOnly"}
        echoed["description"] = " ".join(
            filter(None, [schema.get("description"), ECHOED_DESCRIPTION])
        )
        component["properties"][field] = echoed
    component["additionalProperties"] = False


class ActivixAutoSchema(AutoSchema):
    """PUT is a partial update, so its body is the PATCH body."""

    def get_request_serializer(self):
        serializer = super().get_request_serializer()
        if self.method == "PUT" and is_serializer(serializer):
            serializer = copy.copy(force_instance(serializer))
            serializer.partial = True
        return serializer


class BracketFilterExtension(DjangoFilterExtension):
    """Filters under the names clients send, `filter[created_at][gte]`, with
    the values the backend accepts: never empty, nor null, nor too long."""

    target_class = "config.api.filters.BracketFilterBackend"
    priority = 1

    def resolve_filter_field(self, auto_schema, model, filterset_class, name, field):
        parameters = super().resolve_filter_field(
            auto_schema, model, filterset_class, name, field
        )
        for parameter in parameters:
            parameter["name"] = bracketed(parameter["name"])
            schema = parameter["schema"]
            if isinstance(schema.get("type"), list):
                # A query string has no null: `filter[bdc]=` is a 422.
                schema["type"] = next(t for t in schema["type"] if t != "null")
            if schema.get("type") == "string" and "enum" not in schema:
                # A blank value is refused like an empty one.
                schema.update(minLength=1, pattern=r"\S")
                if field.extra.get("max_length"):
                    schema["maxLength"] = field.extra["max_length"]
        return parameters
