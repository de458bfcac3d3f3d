"""The Activix API v2 dialect every endpoint shares.

Named by dotted path in REST_FRAMEWORK, so apps seldom import it: Bearer
auth, role permissions, the `{"data": ...}` envelope, Laravel-style
pagination, `{"message", "errors"}` error bodies, and the translation of
`filter[x][op]` query parameters into django-filter's `x__op`.
"""

import math
import re
from collections.abc import Mapping

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, QueryDict
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import exceptions, status
from rest_framework.authentication import TokenAuthentication
from rest_framework.pagination import BasePagination
from rest_framework.permissions import DjangoModelPermissions
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

# --- Auth ---


class BearerTokenAuthentication(TokenAuthentication):
    """`Authorization: Bearer <token>`, as Activix clients send it."""

    keyword = "Bearer"


class RolePermissions(DjangoModelPermissions):
    """The user's role must allow the action; reading needs `view_*` too."""

    perms_map = {
        **DjangoModelPermissions.perms_map,
        "GET": ["%(app_label)s.view_%(model_name)s"],
        "HEAD": ["%(app_label)s.view_%(model_name)s"],
        "PATCH": ["%(app_label)s.change_%(model_name)s"],
    }


# --- Envelope and errors ---


class EnvelopeJSONRenderer(JSONRenderer):
    """Wraps one object in `{"data": ...}`; lists and errors come enveloped."""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        response = (renderer_context or {}).get("response")
        if (
            response is not None
            and response.status_code < 400
            and not getattr(response, "enveloped", False)
        ):
            data = {"data": data}
        return super().render(data, accepted_media_type, renderer_context)


class EnvelopedResponse(Response):
    enveloped = True


MESSAGES = {
    exceptions.NotAuthenticated: "Unauthenticated.",
    exceptions.AuthenticationFailed: "Unauthenticated.",
    exceptions.PermissionDenied: "This action is unauthorized.",
    exceptions.MethodNotAllowed: "Method not allowed.",
    exceptions.Throttled: "Too Many Attempts.",
}


def handle_exception(exc, context):
    """Every error as `{"message": ...}`; validation errors as 422 with
    `errors` keyed by field path (`emails.0.type`)."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    if not isinstance(exc, exceptions.APIException):
        return None  # a bug, not the client's doing: let Django report it

    headers = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None):
        headers["Retry-After"] = str(math.ceil(exc.wait))

    if isinstance(exc, exceptions.ValidationError):
        body = {
            "message": "The given data was invalid.",
            "errors": flatten_errors(exc.detail),
        }
        return EnvelopedResponse(
            body, status.HTTP_422_UNPROCESSABLE_ENTITY, headers=headers
        )
    if isinstance(exc, exceptions.NotFound):
        message = f"No query results for model {_model_name(context)}."
    elif isinstance(exc, exceptions.ParseError):
        message = f"Malformed request body: {exc.detail}"
    else:
        message = next(
            (text for kind, text in MESSAGES.items() if isinstance(exc, kind)),
            str(exc.detail),
        )
    return EnvelopedResponse({"message": message}, exc.status_code, headers=headers)


def _model_name(context) -> str:
    queryset = getattr(context.get("view"), "queryset", None)
    return queryset.model.__name__ if queryset is not None else "resource"


def flatten_errors(detail, path="") -> dict[str, list[str]]:
    """DRF's nested error detail as `{"emails.0.type": ["..."]}`."""
    if isinstance(detail, Mapping):
        flat = {}
        for key, value in detail.items():
            if key == "non_field_errors":
                key = ""
            flat.update(
                flatten_errors(value, f"{path}.{key}" if path and key else path or key)
            )
        return flat
    if isinstance(detail, list) and any(
        isinstance(item, Mapping | list) for item in detail
    ):
        flat = {}
        for index, item in enumerate(detail):
            flat.update(flatten_errors(item, f"{path}.{index}" if path else str(index)))
        return flat
    messages = detail if isinstance(detail, list) else [detail]
    return {path or "body": [str(message) for message in messages]} if messages else {}


# --- Pagination ---


def integer_parameter(
    request, name: str, default: int, low: int, high: int | None = None
):
    raw = request.query_params.get(name)
    if raw is None:
        return default
    if not re.fullmatch(r"\d+", raw) or int(raw) < low or (high and int(raw) > high):
        limits = f"between {low} and {high}" if high else f"at least {low}"
        raise exceptions.ValidationError(
            {name: [f"The {name} must be an integer {limits}."]}
        )
    return int(raw)


class ActivixPagination(BasePagination):
    """`page` and `per_page` (1..100), with Laravel's `links` and `meta`.

    A page past the end is empty rather than a 404, as in Laravel.
    """

    page_size = 25
    max_page_size = 100

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.per_page = integer_parameter(
            request, "per_page", self.page_size, 1, self.max_page_size
        )
        self.page = integer_parameter(request, "page", 1, 1)
        self.total = queryset.count()
        self.offset = (self.page - 1) * self.per_page
        return list(queryset[self.offset : self.offset + self.per_page])

    def get_paginated_response(self, data):
        return EnvelopedResponse(
            {"data": data, "links": self.get_links(), "meta": self.get_meta(len(data))}
        )

    @property
    def last_page(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    def page_url(self, number):
        url = self.request.build_absolute_uri()
        return replace_query_param(url, "page", number)

    def get_links(self):
        return {
            "first": self.page_url(1),
            "last": self.page_url(self.last_page),
            "prev": self.page_url(self.page - 1)
            if 1 < self.page <= self.last_page + 1
            else None,
            "next": self.page_url(self.page + 1)
            if self.page < self.last_page
            else None,
        }

    def get_meta(self, count):
        return {
            "current_page": self.page,
            "from": self.offset + 1 if count else None,
            "last_page": self.last_page,
            "path": self.request.build_absolute_uri(self.request.path),
            "per_page": self.per_page,
            "to": self.offset + count if count else None,
            "total": self.total,
        }

    def get_paginated_response_schema(self, schema):
        url = {"type": "string", "format": "uri"}
        nullable_url = {"type": ["string", "null"], "format": "uri"}
        nullable_int = {"type": ["integer", "null"]}
        return {
            "type": "object",
            "required": ["data", "links", "meta"],
            "properties": {
                "data": schema,
                "links": {
                    "type": "object",
                    "required": ["first", "last", "prev", "next"],
                    "properties": {
                        "first": url,
                        "last": url,
                        "prev": nullable_url,
                        "next": nullable_url,
                    },
                },
                "meta": {
                    "type": "object",
                    "required": [
                        "current_page",
                        "from",
                        "last_page",
                        "path",
                        "per_page",
                        "to",
                        "total",
                    ],
                    "properties": {
                        "current_page": {"type": "integer"},
                        "from": nullable_int,
                        "last_page": {"type": "integer"},
                        "path": url,
                        "per_page": {"type": "integer"},
                        "to": nullable_int,
                        "total": {"type": "integer"},
                    },
                },
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": "page",
                "in": "query",
                "required": False,
                "description": "Page number, from 1. A page past the end is empty.",
                "schema": {"type": "integer", "minimum": 1, "default": 1},
            },
            {
                "name": "per_page",
                "in": "query",
                "required": False,
                "description": "Items per page, 1 to 100.",
                "schema": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": 100,
                    "default": 25,
                },
            },
        ]


# --- Filtering ---

FILTER_PARAMETER = re.compile(
    r"^filter\[(?P<name>\w+)\](?:\[(?P<operator>gt|gte|lt|lte)\])?$"
)


class BracketFilterBackend(DjangoFilterBackend):
    """Reads `filter[name]` and `filter[name][gte]` as django-filter's
    `name` and `name__gte`; names in the FilterSet's `aliases` are renamed.

    Unknown filters are a 422 naming them, like bad values.
    """

    def get_filterset_kwargs(self, request, queryset, view):
        kwargs = super().get_filterset_kwargs(request, queryset, view)
        filterset_class = self.get_filterset_class(view, queryset)
        aliases = getattr(filterset_class, "aliases", {})
        known = set(filterset_class.base_filters) if filterset_class else set()
        data, unknown = QueryDict(mutable=True), {}
        for parameter, values in request.query_params.lists():
            if not parameter.startswith("filter"):
                continue
            match = FILTER_PARAMETER.match(parameter)
            name = match and aliases.get(match["name"], match["name"])
            lookup = name and (
                f"{name}__{match['operator']}" if match["operator"] else name
            )
            if lookup not in known:
                unknown[parameter] = ["This filter does not exist."]
                continue
            data.setlist(lookup, values)
        if unknown:
            raise exceptions.ValidationError(unknown)
        kwargs["data"] = data
        return kwargs

    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        if not filterset.is_valid():
            raise exceptions.ValidationError(
                {_bracketed(name): errors for name, errors in filterset.errors.items()}
            )
        return filterset.qs


def _bracketed(lookup: str) -> str:
    name, _, operator = lookup.partition("__")
    return f"filter[{name}][{operator}]" if operator else f"filter[{name}]"


# --- Includes ---


def requested_includes(request, allowed: dict[str, str]) -> set[str]:
    """The `include[]` names asked for, in our spelling; unknown ones are a
    422. `allowed` maps every accepted spelling to ours."""
    asked = request.query_params.getlist("include[]") + request.query_params.getlist(
        "include"
    )
    unknown = sorted(name for name in asked if name not in allowed)
    if unknown:
        accepted = ", ".join(sorted(set(allowed)))
        raise exceptions.ValidationError(
            {
                "include": [
                    f"Unknown include: {', '.join(unknown)}. Accepted: {accepted}."
                ]
            }
        )
    return {allowed[name] for name in asked}
