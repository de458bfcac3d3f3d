"""The page of a sign-in that django-axes refuses after repeated failures
(AXES_LOCKOUT_CALLABLE)."""

from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse


def locked_out(request: HttpRequest, original_response, credentials) -> HttpResponse:
    """429, in the admin's look, saying for how long and who can lift it."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {
        **admin.site.each_context(request),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": minutes,
    }
    return TemplateResponse(
        request, "admin/login_locked_out.html", context, status=429
    ).render()
