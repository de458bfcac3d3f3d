"""Dates and times in the dealership's own time zone.

A BDC agent of a Vancouver dealership reads lead times, picks date ranges
and exports in Vancouver time, whatever the server's TIME_ZONE; superusers,
who belong to no dealership, keep the server's. The API is not concerned:
it speaks UTC, as the Activix contract says.
"""

import zoneinfo

from django.utils import timezone


class DealershipTimeZoneMiddleware:
    """Activates the signed-in user's dealership time zone for the request.

    Like Django's own example, it sets the zone at the start of each request
    and leaves it in place until the next, so a streamed CSV is written in
    it too.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        account = getattr(request.user, "account", None)
        if account is None:
            timezone.deactivate()
        else:
            timezone.activate(zoneinfo.ZoneInfo(account.time_zone))
        return self.get_response(request)
