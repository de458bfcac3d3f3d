"""POST /intake/adf/<secret>: a provider's ADF document over HTTP.

Answered 202 once the document is stored; reading it is the worker's
job. The body is the XML itself or a whole email, as mail servers and
inbound-mail services forward them.
"""

from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from accounts.client_address import client_address

from .channel_secrets import hash_of
from .models import DocumentVia, IntakeChannel
from .receiving import receive

ACCEPTED_TYPES = {
    "application/xml",
    "text/xml",
    "application/x-adf+xml",
    "message/rfc822",
}
# Headers worth keeping beside the body, for whoever reviews it.
KEPT_HEADERS = ["Content-Type", "User-Agent", "X-Forwarded-For", "Content-Length"]


def _error(status: int, message: str) -> JsonResponse:
    return JsonResponse({"message": message}, status=status)


@csrf_exempt  # providers post with their secret, not a session
@require_POST
def adf_document(request, secret: str):
    channel = IntakeChannel.objects.filter(
        secret_hash=hash_of(secret), active=True
    ).first()
    if channel is None:
        return _error(404, "No intake channel has this address.")
    content_type = request.content_type or ""
    if content_type not in ACCEPTED_TYPES:
        accepted = ", ".join(sorted(ACCEPTED_TYPES))
        return _error(415, f"Send the ADF document as one of: {accepted}.")
    limit = settings.INTAKE_MAX_BYTES
    if int(request.META.get("CONTENT_LENGTH") or 0) > limit:
        return _error(413, f"The document is over the limit of {limit:,} bytes.")
    # Read past Django's 1 MiB limit for ordinary requests, up to ours.
    raw = request.read(limit + 1)
    if len(raw) > limit:
        return _error(413, f"The document is over the limit of {limit:,} bytes.")
    if not raw.strip():
        return _error(400, "The body is empty: send the ADF document.")
    document = receive(
        channel,
        raw,
        via=DocumentVia.HTTP,
        sender=client_address(request) or "",
        content_type=request.META.get("CONTENT_TYPE", ""),
        headers={
            name: request.headers[name]
            for name in KEPT_HEADERS
            if name in request.headers
        },
    )
    return JsonResponse({"status": "accepted", "document": document.pk}, status=202)
