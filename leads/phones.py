"""Phone numbers as people type them, read with Google's libphonenumber.

The `phonenumbers` package knows each country's numbering plan (lengths,
area codes, trunk prefixes such as France's 0, international dialling
prefixes), so "+1 514 555 12" is refused as too short, and "01 23 45 67 89"
typed for a French dealership is +33123456789. A number typed without a
country code is read in the dealership's country (Account.country).

An extension written after the number behind a label ("x12", "ext. 12",
"#12", "poste 12", "p. 12") is taken apart here, since phonenumbers knows
no French labels. Any other letter is refused: phonenumbers would read
"1-800-FLOWERS" off a keypad, which is not what an agent typing letters
means. How stored numbers are shown: leads.phone_display.
"""

import re
from typing import NamedTuple

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from phonenumbers import NumberParseException, ValidationResult

# Account.country's default: the region of users of no dealership.
DEFAULT_REGION = "CA"
E164_PATTERN = r"^\+[1-9][0-9]{6,14}$"
E164 = re.compile(E164_PATTERN)
# What a form or request may send: a number with its extension and
# punctuation, "+1 (514) 555-1234 poste 12345", is longer than E.164.
TYPED_MAX_LENGTH = 64
# Digits and the punctuation people put between them, nothing else.
DIALLED = re.compile(r"[\d\s+().\-/\u2010-\u2015]+")
EXTENSION = re.compile(
    r"(?:extension|extn|ext|poste|p|x|#)\s*[.:=]?\s*(\d+)\s*$", re.IGNORECASE
)
# What may stand between a number and its extension's label.
SEPARATORS = " \t,;"
# The extension field is a PositiveIntegerField: 9 digits always fit, and
# a leading 0 would be lost.
EXTENSION_DIGITS = re.compile(r"[1-9]\d{0,8}")
NOT_DIGITS = re.compile(r"\D")

INVALID = _("The number format is invalid.")  # Activix's words
TOO_SHORT = _("This number is too short.")
TOO_LONG = _("This number is too long.")
NOT_IN_USE = _(
    "No such number exists in its country. A foreign number needs its "
    "country code, as in +33 1 23 45 67 89."
)
EXTENSION_INVALID = _("An extension is 1 to 9 digits, the first not 0.")
EXTENSION_DIFFERS = _("The number gives extension %(typed)s; this one differs.")
REASONS = {
    ValidationResult.TOO_SHORT: TOO_SHORT,
    ValidationResult.IS_POSSIBLE_LOCAL_ONLY: TOO_SHORT,  # no area code
    ValidationResult.TOO_LONG: TOO_LONG,
    ValidationResult.INVALID_COUNTRY_CODE: INVALID,
}


class InvalidNumber(ValueError):
    """Why a typed number cannot be stored, in words for who typed it."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class Phone(NamedTuple):
    number: str  # E.164
    extension: int | None


def read(typed: str, *, region: str, extension: int | None = None) -> Phone:
    """The number and extension of what was typed, `region` being where a
    number without a country code is.

    An extension typed in the number and one given apart (`extension`) must
    agree; either alone is the phone's. Raises ValidationError naming the
    field at fault, `number` or `extension`.
    """
    text, digits = split_extension(typed)
    try:
        number = e164(parse(text, region))
        if digits is not None and not EXTENSION_DIGITS.fullmatch(digits):
            raise InvalidNumber(EXTENSION_INVALID)
    except InvalidNumber as error:
        raise ValidationError({"number": error.message}) from None
    typed_extension = None if digits is None else int(digits)
    return Phone(number, agreed_extension(typed_extension, extension))


def agreed_extension(typed: int | None, given: int | None) -> int | None:
    """The extension of a phone from the one typed in its number and the one
    given apart; ValidationError naming `extension` if they differ."""
    if typed is None:
        return given
    if given is not None and given != typed:
        raise ValidationError({"extension": EXTENSION_DIFFERS % {"typed": typed}})
    return typed


def normalize(typed: str, region: str | None) -> str:
    """`typed`, a whole valid number, in E.164; InvalidNumber otherwise.

    With `region` None the number must carry its country code.
    """
    return e164(parse(typed, region))


def search_digits(typed: str, region: str) -> str:
    """The digits of a searched number as they appear in its E.164 form.

    A whole number gains its country code and loses its trunk prefix, so
    "514 555-1234" finds +15145551234 and, in France, "01 23 45 67 89"
    finds +33123456789; part of a number (its last digits) stays as typed.
    """
    digits = NOT_DIGITS.sub("", typed)
    if not DIALLED.fullmatch(typed):
        return digits
    try:
        number = phonenumbers.parse(typed, region)
    except NumberParseException:
        return digits
    # A local-only length (555-1234) is part of a number, not a whole one.
    if phonenumbers.is_possible_number_with_reason(number) != (
        ValidationResult.IS_POSSIBLE
    ):
        return digits
    return f"{number.country_code}{phonenumbers.national_significant_number(number)}"


def region_of(account) -> str:
    """Where `account`'s staff type numbers without a country code."""
    return DEFAULT_REGION if account is None else account.country


def split_extension(typed: str) -> tuple[str, str | None]:
    """`typed` without a labelled extension at its end, and that
    extension's digits (None without one)."""
    match = EXTENSION.search(typed)
    if match is None:
        return typed, None
    return typed[: match.start()].rstrip(SEPARATORS), match[1]


def parse(text: str, region: str | None) -> phonenumbers.PhoneNumber:
    """A valid number, or InvalidNumber saying what is wrong."""
    if not DIALLED.fullmatch(text):
        raise InvalidNumber(INVALID)
    try:
        number = phonenumbers.parse(text, region)
    except NumberParseException:
        raise InvalidNumber(INVALID) from None
    # Valid where the dealership is, as most numbers are, is valid: checked
    # against that region alone, where is_valid_number first searches the
    # 25 regions that share +1 (a third of a CSV import's time per row).
    if region and phonenumbers.is_valid_number_for_region(number, region):
        return number
    if not phonenumbers.is_valid_number(number):
        reason = phonenumbers.is_possible_number_with_reason(number)
        raise InvalidNumber(REASONS.get(reason, NOT_IN_USE))
    return number


def e164(number: phonenumbers.PhoneNumber) -> str:
    formatted = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    # Every valid number fits the database's check; a guard costs nothing.
    if not E164.fullmatch(formatted):
        raise InvalidNumber(INVALID)
    return formatted
