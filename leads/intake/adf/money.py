"""Amounts as feeds write them ("$25,999.00", "25 999,50 $") as Decimal."""

import re
from decimal import Decimal

# LeadVehicle's money fields: 12 digits, 2 of them decimals.
_AMOUNT = re.compile(r"[0-9]{1,10}(?:\.[0-9]{1,2})?")
_SYMBOL = r"(?:[A-Z]{3}|[$\u20ac\u00a3])"
_CURRENCY = re.compile(rf"^{_SYMBOL}|{_SYMBOL}$", re.IGNORECASE)
_WRITTEN = re.compile(r"[0-9][0-9.,\s\u00a0\u202f']*")
_GROUP_SPACES = re.compile(r"[\s\u00a0\u202f']")
# Longer is no price: "$1,234,567,890.00 CAD" is 22 characters.
WRITTEN_MAX = 40


def read_money(text: str) -> Decimal | None:
    """A positive amount with at most two decimals; None for anything else
    ("call", "-500", "0")."""
    text = text.strip()
    if len(text) > WRITTEN_MAX:
        return None
    text = _CURRENCY.sub("", text).strip()
    if not _WRITTEN.fullmatch(text):
        return None
    number = _GROUP_SPACES.sub("", text)
    marks = {mark for mark in ",." if mark in number}
    if len(marks) == 2:
        # The later mark is the decimal one: "25,999.50", "25.999,50".
        decimal = max(marks, key=number.rfind)
        thousands = "," if decimal == "." else "."
        number = number.replace(thousands, "").replace(decimal, ".")
    elif marks:
        mark = marks.pop()
        decimals = number.rpartition(mark)[2]
        # "25,999" and "1.234.567" group thousands; "25999,5" has cents.
        if number.count(mark) > 1 or len(decimals) == 3:
            number = number.replace(mark, "")
        else:
            number = number.replace(mark, ".")
    if not _AMOUNT.fullmatch(number) or not number.strip("0."):
        return None
    return Decimal(number).quantize(Decimal("0.01"))
