"""<requestdate> in ISO 8601, basic or extended, as an aware datetime."""

import re
from datetime import UTC, datetime, timedelta, timezone

# Basic (20240215T090807-0500), extended (2024-02-15T09:08:07-05:00) and
# the mixtures feeds write; seconds, fraction and offset optional.
_WRITTEN = re.compile(
    r"([0-9]{4})-?([0-9]{2})-?([0-9]{2})[T ]([0-9]{2}):?([0-9]{2})"
    r"(?::?([0-9]{2})(?:[.,]([0-9]{1,9}))?)?"
    r" ?(Z|[+-][0-9]{2}(?::?[0-9]{2})?)?",
    re.IGNORECASE,
)


def read_request_date(text: str) -> datetime | None:
    """The moment written, or None when it is not one (a date alone
    included: it says no time of day). Without an offset, UTC."""
    written = _WRITTEN.fullmatch(text.strip())
    if written is None:
        return None
    year, month, day, hour, minute, second, fraction, offset = written.groups()
    try:
        return datetime(
            int(year),
            int(month),
            int(day),
            int(hour),
            int(minute),
            int(second or 0),
            int((fraction or "").ljust(6, "0")[:6]),
            tzinfo=_zone(offset),
        )
    except ValueError:
        return None


def _zone(offset: str | None) -> timezone:
    """ "-05:00", "-0500", "-05" or "Z" as a time zone; none is UTC."""
    if offset is None or offset.upper() == "Z":
        return UTC
    digits = offset[1:].replace(":", "")
    delta = timedelta(hours=int(digits[:2]), minutes=int(digits[2:] or 0))
    # timezone() refuses a day or more, which datetime() reports the same.
    if delta >= timedelta(hours=24):
        raise ValueError(offset)
    return timezone(-delta if offset.startswith("-") else delta)
