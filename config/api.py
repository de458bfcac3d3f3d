"""The Activix API v2 dialect every endpoint shares.

Named by dotted path in REST_FRAMEWORK, so apps seldom import it: Bearer
auth, role permissions, the `{"data": ...}` envelope, `{"message",
"errors"}` error bodies and `include[]`. Pagination and filters are in
config.api_pagination and config.api_filters.
"""

import math
import re
from collections.abc import Mapping

import orjson
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig
from django.http import Http404, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, status
from rest_framework.authentication import TokenAuthentication
from rest_framework.parsers import JSONParser
from rest_framework.permissions import DjangoModelPermissions
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.utils.encoders import JSONEncoder

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

    def has_permission(self, request, view):
        # A method the route lacks (DELETE anywhere, POST /users) is a 405
        # for everyone, not a 403 for roles that lack the permission.
        method = request.method.lower()
        if method not in view.http_method_names or not hasattr(view, method):
            raise exceptions.MethodNotAllowed(request.method)
        return super().has_permission(request, view)


# --- Envelope and errors ---

DRF_ENCODER = JSONEncoder()


class EnvelopeJSONRenderer(JSONRenderer):
    """Wraps one object in `{"data": ...}`; lists and errors come enveloped.

    Written by orjson: a page of 100 leads takes 0.4 ms, against 4.6 ms
    with the json module. It writes datetimes as the contract does (UTC from
    the database, `+00:00`, whole seconds), so leads.representation leaves
    them to it; other types are converted as DRF's encoder does (decimals
    as numbers).
    """

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        renderer_context = renderer_context or {}
        response = renderer_context.get("response")
        if (
            response is not None
            and response.status_code < 400
            and not getattr(response, "enveloped", False)
        ):
            data = {"data": data}
        option = orjson.OPT_OMIT_MICROSECONDS
        if self.get_indent(accepted_media_type, renderer_context):
            option |= orjson.OPT_INDENT_2
        try:
            return orjson.dumps(data, default=DRF_ENCODER.default, option=option)
        except orjson.JSONEncodeError:
            # Integers past 64 bits (`?page=99999999999999999999`) only fit
            # the json module; such bodies hold no datetimes to format.
            return super().render(data, accepted_media_type, renderer_context)


class JSONBodyParser(JSONParser):
    """DRF's JSON parser, with a too deeply nested body a 400, not a crash."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise exceptions.ParseError(
                "JSON parse error - nested too deeply."
            ) from None


class EnvelopedResponse(Response):
    enveloped = True


MESSAGES = {
    exceptions.NotAuthenticated: "Unauthenticated.",
    exceptions.AuthenticationFailed: "Unauthenticated.",
    exceptions.PermissionDenied: "This action is unauthorized.",
    exceptions.MethodNotAllowed: "Method not allowed.",
    exceptions.Throttled: "Too Many Attempts.",
}


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is too large (DJANGO_MAX_BODY_BYTES)."


def handle_exception(exc, context):
    """Every error as `{"message": ...}`; validation errors as 422 with
    `errors` keyed by field path (`emails.0.type`)."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, RequestDataTooBig):
        exc = PayloadTooLarge()
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
    """DRF's nested error detail as `{"emails.0.type": ["..."]}`; errors about
    the whole body are under `body`."""
    if isinstance(detail, list) and any(
        isinstance(item, Mapping | list) for item in detail
    ):
        detail = dict(enumerate(detail))
    if isinstance(detail, Mapping):
        flat = {}
        for key, value in detail.items():
            name = "" if key == api_settings.NON_FIELD_ERRORS_KEY else str(key)
            nested = flatten_errors(value, ".".join(filter(None, [path, name])))
            for field, messages in nested.items():
                flat.setdefault(field, []).extend(messages)
        return flat
    messages = detail if isinstance(detail, list) else [detail]
    return {path or "body": [str(message) for message in messages]} if messages else {}


@csrf_exempt  # like every API view: a browser cookie must not turn it into HTML
def route_not_found(request, *args, **kwargs):
    """Unknown routes under /api/v2/ answer in the dialect, not in HTML."""
    return JsonResponse({"message": "Not found."}, status=status.HTTP_404_NOT_FOUND)


# --- Includes ---

# `include[]=a&include[]=b`, and the indexed `include[0]=a` some clients send.
INCLUDE_PARAMETER = re.compile(r"^include(\[\d*\])?$")


def requested_includes(request, allowed: dict[str, str]) -> set[str]:
    """The `include[]` names asked for, in our spelling; unknown ones are a
    422. `allowed` maps every accepted spelling to ours."""
    asked = [
        name
        for parameter, names in request.query_params.lists()
        if INCLUDE_PARAMETER.match(parameter)
        for name in names
    ]
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
