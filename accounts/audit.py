"""The audit trail of lead data (django-auditlog): who changed what, when.

The models audited and the fields left out are in settings
(AUDITLOG_INCLUDE_TRACKING_MODELS); each audited model's
`get_additional_data` stores its dealership, which scopes the trail shown to
managers (accounts.audit_admin.AuditEntryAdmin).
"""

from collections.abc import Iterable

from auditlog.cid import get_cid
from auditlog.middleware import AuditlogMiddleware
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import HttpRequest
from django.utils.encoding import smart_str
from django.utils.functional import SimpleLazyObject

from .client_address import client_address


class AuditActorMiddleware(AuditlogMiddleware):
    """auditlog's middleware, reading the user when an entry is written.

    DRF authenticates API tokens inside the view, after middleware ran, so
    the user read up front would be anonymous. Wrapping the view's writes in
    `auditlog.context.set_actor` instead leaks the middleware's signal
    receiver (the nested context replaces the one the middleware removes),
    one per request.
    """

    @staticmethod
    def _get_actor(request):
        # DRF's Request sets the user it authenticates on this HttpRequest.
        return SimpleLazyObject(lambda: request.user)

    @staticmethod
    def _get_remote_addr(request):
        # auditlog's own trusts the first X-Forwarded-For entry: the client's.
        return client_address(request)


def log_updates(
    request: HttpRequest, changes: Iterable[tuple[models.Model, dict[str, list]]]
) -> list[LogEntry]:
    """Record updates made by `QuerySet.update()`, which sends no signals.

    `changes` pairs each object, as it was read, with `{field: [old, new]}`.
    """
    entries = [
        LogEntry(
            content_type=ContentType.objects.get_for_model(obj),
            object_pk=smart_str(obj.pk),
            object_id=obj.pk,
            object_repr=smart_str(obj),
            action=LogEntry.Action.UPDATE,
            changes=fields,
            actor=request.user,
            actor_email=request.user.email,
            remote_addr=client_address(request),
            additional_data=obj.get_additional_data(),
            cid=get_cid(),
        )
        for obj, fields in changes
    ]
    return LogEntry.objects.bulk_create(entries, batch_size=1000)
