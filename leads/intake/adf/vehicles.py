"""A <vehicle> as values for LeadVehicle: what the customer wants, or the
vehicle they trade in."""

import re
from xml.etree.ElementTree import Element

from .money import read_money
from .reading import Reading, attribute, block_of, text_of

# LeadVehicle's limits (leads/models/vehicles.py).
YEAR_RANGE = (1886, 2100)
TEXT_FIELDS = [("make", 100), ("model", 100), ("trim", 100), ("stock", 50)]
VIN_MAX = 17
ODOMETER_MAX = 20
COLOR_MAX = 50
# "8-speed automatic with manual shift mode" is about the longest written.
TRANSMISSION_WRITTEN_MAX = 60
EXCHANGE_INTERESTS = {"trade-in", "tradein", "trade in", "sell"}
# ADF's finance methods and a lease interest, as LeadVehicle.modality.
MODALITIES = {
    "cash": "cash",
    "finance": "financing",
    "financing": "financing",
    "loan": "financing",
    "lease": "leasing",
    "leasing": "leasing",
}
AMOUNT_LABELS = {
    "downpayment": "Down payment",
    "monthly": "Monthly payment",
    "total": "Total",
}
# In this order: "sequential manual" is sequential, "automatic with manual
# mode" automatic.
_TRANSMISSIONS = [
    (re.compile(r".*sequential.*", re.I), "sequential"),
    (re.compile(r"a|at|.*\bauto.*|.*\bcvt\b.*", re.I), "auto"),
    (re.compile(r"m|mt|.*\bmanual\b.*|.*\bstick\b.*|standard", re.I), "manual"),
]
_SPACES = re.compile(r"\s+")
_YEAR = re.compile(r"[0-9]{4}")


def read_vehicle(reading: Reading, element: Element) -> dict[str, object] | None:
    """The vehicle's values, or None when it gives none (<vehicle/>)."""
    interest = attribute(element, "interest")
    reading.take_attributes(element, "interest")
    vehicle: dict[str, object] = {
        "type": "exchange" if interest in EXCHANGE_INTERESTS else "wanted"
    }
    year = element.find("year")
    if _YEAR.fullmatch(text_of(year)) and _in_years(int(text_of(year))):
        vehicle["year"] = int(text_of(year))
        reading.take(year)
    for tag, max_length in TEXT_FIELDS:
        _put_text(reading, vehicle, element.find(tag), tag, max_length)
    vin = element.find("vin")
    if 0 < len(_SPACES.sub("", text_of(vin))) <= VIN_MAX:
        vehicle["vin"] = _SPACES.sub("", text_of(vin)).upper()
        reading.take(vin)
    _read_transmission(reading, element.find("transmission"), vehicle)
    _read_odometer(reading, element.find("odometer"), vehicle)
    colors = element.find("colorcombination")
    if colors is not None:
        _put_text(reading, vehicle, colors.find("exteriorcolor"), "color_exterior")
        _put_text(reading, vehicle, colors.find("interiorcolor"), "color_interior")
    for price in element.findall("price"):
        # A relative price ("500 under invoice") is no price of its own.
        if attribute(price, "delta") in ("", "absolute"):
            amount = read_money(text_of(price))
            if amount is not None:
                vehicle["price"] = amount
                reading.take(price, "delta")
                break
    options = _read_options(reading, element)
    if options:
        vehicle["option"] = options
    comment = _read_comment(reading, element, vehicle)
    if comment:
        vehicle["comment"] = comment
    if len(vehicle) == 1:
        return None
    if interest == "lease":
        vehicle.setdefault("modality", "leasing")
    return vehicle


def _in_years(year: int) -> bool:
    return YEAR_RANGE[0] <= year <= YEAR_RANGE[1]


def _put_text(
    reading: Reading,
    vehicle: dict,
    element: Element | None,
    field: str,
    max_length: int = COLOR_MAX,
) -> None:
    value = text_of(element)
    if value and len(value) <= max_length:
        vehicle[field] = value
        reading.take(element)


def _read_transmission(reading: Reading, element: Element | None, vehicle: dict):
    value = text_of(element)
    for pattern, choice in _TRANSMISSIONS:
        if 0 < len(value) <= TRANSMISSION_WRITTEN_MAX and pattern.fullmatch(value):
            vehicle["transmission"] = choice
            reading.take(element)
            return


def _read_odometer(reading: Reading, element: Element | None, vehicle: dict):
    """The reading with its unit, as written: "45,000 km"."""
    value = text_of(element)
    units = attribute(element, "units") if element is not None else ""
    if units in ("mi", "miles", "km", "kilometers", "kilometres"):
        value = f"{value} {units}" if value else ""
    if value and len(value) <= ODOMETER_MAX:
        vehicle["odometer"] = value
        reading.take(element, "units")


def _read_options(reading: Reading, element: Element) -> str:
    """One line per option: its name, and its maker's code in brackets."""
    lines = []
    for option in element.findall("option"):
        name = text_of(option.find("optionname"))
        code = text_of(option.find("manufacturercode"))
        if name or code:
            lines.append(f"{name} ({code})" if name and code else name or code)
            reading.take(option.find("optionname"))
            reading.take(option.find("manufacturercode"))
    return "\n".join(lines)


def _read_comment(reading: Reading, element: Element, vehicle: dict) -> str:
    """The vehicle's comments, its price comments and its finance request,
    one paragraph each; the finance method also sets the modality."""
    parts = []
    comments = element.find("comments")
    if block_of(comments):
        parts.append(block_of(comments))
        reading.take(comments)
    price_comments = element.find("pricecomments")
    if block_of(price_comments):
        parts.append(f"Price: {block_of(price_comments)}")
        reading.take(price_comments)
    finance = element.find("finance")
    if finance is not None and text_of(finance):
        method = text_of(finance.find("method"))
        if method.lower() in MODALITIES:
            vehicle["modality"] = MODALITIES[method.lower()]
        parts.append("\n".join(_finance_lines(finance)))
        reading.take(finance)
    return "\n\n".join(parts)


def _finance_lines(finance: Element) -> list[str]:
    lines = []
    method = text_of(finance.find("method"))
    if method:
        lines.append(f"Finance: {method}")
    for amount in finance.findall("amount"):
        label = AMOUNT_LABELS.get(attribute(amount, "type"), "Amount")
        lines.append(f"{label}: {_amount_text(amount)}")
    for balance in finance.findall("balance"):
        kind = attribute(balance, "type")
        label = f"Balance ({kind})" if kind else "Balance"
        lines.append(f"{label}: {_amount_text(balance)}")
    return lines


def _amount_text(amount: Element) -> str:
    """An amount in words: "450 CAD (maximum)" from <amount
    limit="maximum" currency="CAD">450</amount>."""
    currency = amount.get("currency", "").strip()
    limit = attribute(amount, "limit")
    words = [text_of(amount), currency, f"({limit})" if limit else ""]
    return " ".join(word for word in words if word)
