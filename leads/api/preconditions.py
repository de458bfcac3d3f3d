"""Optimistic concurrency in the API: a lead's ETag is its `version`.

A PUT/PATCH carrying `If-Match` with an older ETag is refused with 412
instead of overwriting what another agent wrote meanwhile. Without
`If-Match` an update goes through, as Activix clients expect.
"""

from rest_framework import status
from rest_framework.exceptions import APIException


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The lead was changed since you read it: read it again."
    default_code = "precondition_failed"


def check_if_match(header: str | None, current: str) -> None:
    """Raise PreconditionFailed unless `If-Match` is absent, `*` or names
    the current version."""
    if header is None:
        return
    sent = {tag.strip().removeprefix("W/") for tag in header.split(",")}
    if "*" not in sent and current not in sent:
        raise PreconditionFailed()
