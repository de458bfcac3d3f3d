"""Errors in the dialect: `{"message": ...}` always, and validation errors
as 422 with `errors` keyed by field path (docs/api.md, "Errors")."""

import math
from collections.abc import Mapping

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.settings import api_settings

from .renderers import EnvelopedResponse

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
