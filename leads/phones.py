"""Phone numbers: normalising what people type into E.164.

Dealerships here are North American, so a number without a country code is
read as a NANP number (country code 1).
"""

import re

E164_PATTERN = r"^\+[1-9][0-9]{6,14}$"
_E164 = re.compile(E164_PATTERN)
_NOT_DIGITS = re.compile(r"\D")


def normalize(raw: str) -> str:
    """Return `raw` in E.164, or raise ValueError if it cannot be one.

    Accepts the common North American spellings: "(514) 555-1234",
    "514.555.1234", "1-514-555-1234", "+1 514 555 1234", "011 33 1 23 45 67 89".
    """
    text = raw.strip()
    digits = _NOT_DIGITS.sub("", text)
    if text.startswith("+"):
        candidate = "+" + digits
    elif digits.startswith("011"):  # NANP international dialling prefix
        candidate = "+" + digits[3:]
    elif len(digits) == 10:
        candidate = "+1" + digits
    elif len(digits) == 11 and digits.startswith("1"):
        candidate = "+" + digits
    else:
        raise ValueError(f"{raw!r} is not a phone number.")
    if not _E164.match(candidate):
        raise ValueError(f"{raw!r} is not a phone number.")
    return candidate


def search_digits(raw: str) -> str:
    """The digits of a searched number, as they appear in its E.164 form.

    A 10-digit North American number gains its country code, so searching
    "514 555-1234" finds "+15145551234"; shorter input stays as typed so a
    partial number (the last digits) still matches.
    """
    digits = _NOT_DIGITS.sub("", raw)
    if len(digits) == 10 and not raw.strip().startswith("+"):
        return "1" + digits
    return digits
