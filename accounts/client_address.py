"""The address a request came from, for the login lockout and the audit
trail alike.

X-Forwarded-For is a list each proxy appends the address it saw to; its
leftmost entries are whatever the client sent. So the client's address is
the one the nearest trusted proxy appended: with TRUSTED_PROXY_COUNT = n,
the n-th entry from the right. With no trusted proxy (the default), the
header is ignored and REMOTE_ADDR is the client, so nobody can choose the
address a lockout counts or the audit trail records.
"""

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str | None:
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return _without_port(hops[-proxies])
    return request.META.get("REMOTE_ADDR")


def _without_port(address: str) -> str:
    if address.startswith("["):  # [IPv6]:port
        return address[1:].partition("]")[0]
    if address.count(":") == 1:  # IPv4:port
        return address.partition(":")[0]
    return address
