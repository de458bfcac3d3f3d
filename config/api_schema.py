"""OpenAPI post-processing: the envelope and the error bodies of the dialect,
so the schema describes what the API really returns."""

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
    "422": ("Invalid data or query parameters.", "ValidationError"),
    "429": ("Too many requests for this token.", "Error"),
}


def _json(schema):
    return {"application/json": {"schema": schema}}


def envelope_responses(result, generator, request, public):
    """Wrap single-object 2xx bodies in `{"data": ...}` (paginated lists are
    already enveloped) and declare the error bodies on every operation."""
    components = result.setdefault("components", {}).setdefault("schemas", {})
    components["Error"] = ERROR
    components["ValidationError"] = VALIDATION_ERROR
    for path, operations in result.get("paths", {}).items():
        if not path.startswith("/api/v2/") or "/schema" in path or "/docs" in path:
            continue
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            for code, response in responses.items():
                content = response.get("content", {}).get("application/json")
                if code.startswith("2") and content:
                    schema = content["schema"]
                    if "data" not in schema.get("properties", {}):
                        content["schema"] = {
                            "type": "object",
                            "required": ["data"],
                            "properties": {"data": schema},
                        }
            for code, (description, component) in ERRORS.items():
                if code == "400" and method not in ("post", "put", "patch"):
                    continue
                ref = {"$ref": f"#/components/schemas/{component}"}
                responses.setdefault(
                    code, {"description": description, "content": _json(ref)}
                )
    return result
