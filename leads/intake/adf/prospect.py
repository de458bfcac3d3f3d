"""One <prospect> as one lead: the customer, the vehicles, where it came
from, and what did not fit our fields."""

import re
from xml.etree.ElementTree import Element

from .contact import read_contact
from .dates import read_request_date
from .document import Prospect
from .reading import Reading, attribute, block_of, text_of
from .vehicles import read_vehicle

NOT_A_LEAD = "no name and no way to reach the customer"
DIVISIONS = {"new", "used"}
_SPACES = re.compile(r"\s+")
_NUMBER = re.compile(r"[0-9]{1,18}")


def read_prospect(element: Element) -> Prospect:
    reading = Reading(element)
    status = attribute(element, "status")
    if status in ("new", "resend"):
        reading.take_attributes(element, "status")
    request_date = element.find("requestdate")
    requested_at = read_request_date(text_of(request_date))
    if requested_at is not None:
        reading.take(request_date)
    prospect = Prospect(
        status="resend" if status == "resend" else "new",
        vendor_lead_id=_read_vendor_lead_id(reading, element.findall("id")),
        requested_at=requested_at,
        lead={},
    )
    customer = element.find("customer")
    if customer is not None:
        _read_customer(reading, customer, prospect)
    _read_vehicles(reading, element, prospect)
    vendor_name = element.find("vendor/vendorname")
    prospect.vendor = text_of(vendor_name)
    reading.take(vendor_name)
    prospect.provider = _read_provider(reading, element.find("provider"))
    lead = prospect.lead
    named = any(lead.get(key) for key in ("first_name", "last_name", "business_name"))
    if not (named or prospect.emails or prospect.phones):
        prospect.rejected = NOT_A_LEAD
    prospect.unmapped = reading.leftovers()
    return prospect


def _read_vendor_lead_id(reading: Reading, ids: list[Element]) -> str:
    """The first id with a source, else the first id, as one string:
    "source:text#sequence", each part there only when written."""
    written = [element for element in ids if text_of(element)]
    chosen = next(
        (element for element in written if element.get("source", "").strip()),
        written[0] if written else None,
    )
    if chosen is None:
        return ""
    reading.take(chosen, "source", "sequence")
    source = _SPACES.sub(" ", chosen.get("source", "")).strip()
    sequence = chosen.get("sequence", "").strip()
    if _NUMBER.fullmatch(sequence):
        sequence = str(int(sequence))  # "01" and "1" are one sequence
    key = f"{source}:{text_of(chosen)}" if source else text_of(chosen)
    return f"{key}#{sequence}" if sequence else key


def _read_customer(reading: Reading, customer: Element, prospect: Prospect):
    contact = customer.find("contact")
    if contact is not None:
        prospect.lead, prospect.emails, prospect.phones = read_contact(reading, contact)
    lines = []
    comments = customer.find("comments")
    if block_of(comments):
        lines.append(block_of(comments))
        reading.take(comments)
    timeframe = customer.find("timeframe")
    if text_of(timeframe):
        lines.append(f"Timeframe: {_timeframe_text(timeframe)}")
        reading.take(timeframe)
    if lines:
        prospect.lead["comment"] = "\n\n".join(lines)


def _timeframe_text(timeframe: Element) -> str:
    """The timeframe in words: "Within a month (from 2024-03-01 to
    2024-03-31)"; some feeds write it as plain text."""
    if len(timeframe) == 0:
        return text_of(timeframe)
    description = text_of(timeframe.find("description"))
    earliest = text_of(timeframe.find("earliestdate"))
    latest = text_of(timeframe.find("latestdate"))
    dates = " ".join(
        [f"from {earliest}"] * bool(earliest) + [f"to {latest}"] * bool(latest)
    )
    if description and dates:
        return f"{description} ({dates})"
    return description or dates


def _read_vehicles(reading: Reading, element: Element, prospect: Prospect):
    """The vehicles in order; the first wanted one's status gives the
    division, only when written (ADF's default, new, is not assumed)."""
    decided = False
    for vehicle_element in element.findall("vehicle"):
        vehicle = read_vehicle(reading, vehicle_element)
        if vehicle is None:
            continue
        prospect.vehicles.append(vehicle)
        if vehicle["type"] == "wanted" and not decided:
            decided = True
            status = attribute(vehicle_element, "status")
            if status in DIVISIONS:
                prospect.lead["division"] = status
                reading.take_attributes(vehicle_element, "status")


def _read_provider(reading: Reading, provider: Element | None) -> str:
    """The provider as written, "Name (service)"; "" when none."""
    if provider is None:
        return ""
    name, service = provider.find("name"), provider.find("service")
    reading.take(name, "part", "type")
    reading.take(service)
    if text_of(name) and text_of(service):
        return f"{text_of(name)} ({text_of(service)})"
    return text_of(name) or text_of(service)
