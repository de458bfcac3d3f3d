"""Every API response the suite receives must match the OpenAPI schema the
API publishes: the operation's documented body for that status code.

`ContractAPIClient` checks each /api/v2 JSON response as it arrives, so a
test about filters also proves the schema of the list it got back.
"""

import functools
import re

from drf_spectacular.generators import SchemaGenerator
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from rest_framework.test import APIClient

API_PREFIX = "/api/v2/"
DOCUMENT = "urn:openapi"
# The contract's own formats, stricter than RFC 3339: UTC with "+00:00".
FORMAT_PATTERNS = {
    "date-time": r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00",
    "date": r"\d{4}-\d\d-\d\d",
    "uri": r"https?://\S+",
}
FORMATS = FormatChecker(formats=())
for _format, _pattern in FORMAT_PATTERNS.items():
    FORMATS.checks(_format)(
        lambda value, pattern=_pattern: (
            not isinstance(value, str) or re.fullmatch(pattern, value) is not None
        )
    )


@functools.cache
def published_schema() -> dict:
    """The schema as /api/v2/schema/ serves it (same generator and hooks)."""
    return SchemaGenerator().get_schema(request=None, public=True)


@functools.cache
def _registry() -> Registry:
    document = Resource.from_contents(
        published_schema(), default_specification=DRAFT202012
    )
    return Registry().with_resource(DOCUMENT, document)


@functools.cache
def _path_patterns() -> list[tuple[re.Pattern, str]]:
    patterns = []
    # Literal routes first: /leads/search is not /leads/{id}.
    templates = sorted(published_schema()["paths"], key=lambda t: t.count("{"))
    for template in templates:
        regex = re.sub(r"\\{\w+\\}", "[^/]+", re.escape(template.rstrip("/")))
        patterns.append((re.compile(f"^{regex}/?$"), template))
    return patterns


def _pointer(*parts: str) -> str:
    return "/".join(part.replace("~", "~0").replace("/", "~1") for part in parts)


def response_errors(method: str, path: str, status: int, body) -> list[str]:
    """Why `body` does not match the documented response, if it does not."""
    template = next((t for regex, t in _path_patterns() if regex.match(path)), None)
    operation = template and published_schema()["paths"][template].get(method.lower())
    if not operation:
        # Routes and methods the schema lacks may only be refused, as errors.
        if status not in (404, 405):
            return [f"{method} {path} is not in the schema but answered {status}"]
        pointer = "components/schemas/Error"
    else:
        response = operation["responses"].get(str(status))
        if response is None:
            return [f"{method} {template} does not document status {status}"]
        if "application/json" not in response.get("content", {}):
            return [f"{method} {template} {status} documents no JSON body"]
        pointer = _pointer(
            "paths", template, method.lower(), "responses", str(status), "content"
        )
        pointer += "/application~1json/schema"
    reference = {"$ref": f"{DOCUMENT}#/{pointer}"}
    validator = Draft202012Validator(
        reference, registry=_registry(), format_checker=FORMATS
    )
    return [
        f"{'/'.join(map(str, error.absolute_path)) or '(body)'}: {error.message[:200]}"
        for error in validator.iter_errors(body)
    ]


class ContractAPIClient(APIClient):
    """DRF's test client that fails a test whose response breaks the schema."""

    def request(self, **kwargs):
        response = super().request(**kwargs)
        path = response.request["PATH_INFO"]
        is_json = response.get("Content-Type", "").startswith("application/json")
        documented = not path.startswith((f"{API_PREFIX}schema", f"{API_PREFIX}docs"))
        method = response.request["REQUEST_METHOD"]
        if path.startswith(API_PREFIX) and documented and method != "HEAD":
            assert is_json, f"{path} answered {response.get('Content-Type')}"
            errors = response_errors(
                method, path, response.status_code, response.json()
            )
            assert not errors, (
                f"{method} {path} {response.status_code} breaks the schema:\n"
                + "\n".join(errors[:10])
            )
        return response
