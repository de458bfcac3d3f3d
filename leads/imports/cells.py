"""One cell of an imported file, read as the value of its target: a plain
function per kind of field, made once per column, which returns the value
or raises CellError saying what is wrong, in Django's own words where
Django has them (its catalogue translates them).

These are the form's rules, written for speed: a ModelForm and full_clean
per row cost milliseconds, these microseconds. The database's constraints
still guard whatever gets through (choices, E.164, province in country).
"""

import datetime
import functools
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, MaxLengthValidator
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from leads import phones

from .columns import Target, normalize

Cleaner = Callable[[str], object]

TRUE = {"true", "t", "yes", "y", "oui", "o", "vrai", "v", "1", "x"}
FALSE = {"false", "f", "no", "n", "non", "faux", "0"}
NOBODY_BY_EMAIL = _("No staff member of this dealership has this email.")
NOBODY_BY_NAME = _("No staff member of this dealership has this name.")
SEVERAL_BY_NAME = _(
    "Several staff members of this dealership have this name; give their email."
)


class CellError(ValueError):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _messages(error: ValidationError) -> str:
    return " ".join(str(message) for message in error.messages)


def text(field: models.Field) -> Cleaner:
    limit = field.max_length

    def clean(value: str) -> str:
        if limit is not None and len(value) > limit:
            try:
                MaxLengthValidator(limit)(value)
            except ValidationError as error:
                raise CellError(_messages(error)) from None
        return value

    return clean


@functools.cache
def _choice_lookup(field: models.Field) -> dict[str, object]:
    """Each choice's value and labels, in English and French, normalized."""
    lookup = {}
    for value, label in field.flatchoices:
        lookup.setdefault(normalize(str(value)), value)
        for language in ("en", "fr"):
            with translation.override(language):
                lookup.setdefault(normalize(str(label)), value)
    return lookup


def choice(field: models.Field) -> Cleaner:
    # The stored values as written, as our export writes them, are found
    # without normalizing: a tenth of a row's time went to normalize().
    exact = {str(value): value for value, _label in field.flatchoices}
    lookup = _choice_lookup(field)
    message = field.error_messages["invalid_choice"]

    def clean(value: str) -> object:
        if value in exact:
            return exact[value]
        try:
            return lookup[normalize(value)]
        except KeyError:
            raise CellError(message % {"value": value}) from None

    return clean


def boolean(field: models.Field) -> Cleaner:
    message = field.error_messages["invalid"]

    def clean(value: str) -> bool:
        folded = value.casefold()
        if folded in TRUE:
            return True
        if folded in FALSE:
            return False
        raise CellError(message % {"value": value})

    return clean


def integer(field: models.Field) -> Cleaner:
    message = field.error_messages["invalid"]
    validators = field.validators

    def clean(value: str) -> int:
        try:
            number = int(value.replace(" ", "").replace("\u00a0", ""))
        except ValueError:
            raise CellError(message % {"value": value}) from None
        try:
            for validator in validators:
                validator(number)
        except ValidationError as error:
            raise CellError(_messages(error)) from None
        return number

    return clean


def date(field: models.Field) -> Cleaner:
    message = field.error_messages["invalid"]

    def clean(value: str) -> datetime.date:
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise CellError(message % {"value": value}) from None

    return clean


def moment(field: models.Field, zone: datetime.tzinfo) -> Cleaner:
    """A time as ISO 8601 writes it (our export's); without an offset, in
    the dealership's time zone."""
    message = field.error_messages["invalid"]

    def clean(value: str) -> datetime.datetime:
        try:
            parsed = datetime.datetime.fromisoformat(value)
        except ValueError:
            raise CellError(message % {"value": value}) from None
        if parsed.tzinfo is None:
            return timezone.make_aware(parsed, zone)
        return parsed

    return clean


def email(field: models.Field) -> Cleaner:
    check_length = text(field)
    validate = EmailValidator()

    def clean(value: str) -> str:
        check_length(value)
        try:
            validate(value)
        except ValidationError as error:
            raise CellError(_messages(error)) from None
        return value

    return clean


def phone(region: str) -> Cleaner:
    def clean(value: str) -> phones.Phone:
        try:
            return phones.read(value, region=region)
        except ValidationError as error:
            raise CellError(_messages(error)) from None

    return clean


class Staff:
    """The dealership's staff, by email and by name, read once an import."""

    def __init__(self, account_id: int):
        self.by_email: dict[str, int] = {}
        self.by_name: dict[str, int | None] = {}  # None: several have it
        users = User.objects.filter(account_id=account_id)
        for user in users.only("id", "email", "first_name", "last_name", "username"):
            if user.email:
                self.by_email[user.email.casefold()] = user.pk
            for name in {str(user), user.username}:
                key = normalize(name)
                taken = self.by_name.get(key, user.pk)
                self.by_name[key] = user.pk if taken == user.pk else None

    def email_cleaner(self) -> Cleaner:
        def clean(value: str) -> int:
            try:
                return self.by_email[value.casefold()]
            except KeyError:
                raise CellError(NOBODY_BY_EMAIL) from None

        return clean

    def name_cleaner(self) -> Cleaner:
        by_email = self.email_cleaner()

        def clean(value: str) -> int:
            # Other CRMs' "BDC agent" columns hold a name or an email.
            if "@" in value:
                return by_email(value)
            key = normalize(value)
            if key not in self.by_name:
                raise CellError(NOBODY_BY_NAME)
            if self.by_name[key] is None:
                raise CellError(SEVERAL_BY_NAME)
            return self.by_name[key]

        return clean


def cleaner(target: Target, *, region: str, zone, staff: Staff) -> Cleaner:
    """The function that reads a cell of a column mapped to `target`."""
    field = target.field
    if target.kind == "email":
        return email(field)
    if target.kind == "phone":
        return phone(region)
    if target.kind == "staff_email":
        return staff.email_cleaner()
    if target.kind == "staff_name":
        return staff.name_cleaner()
    if field.choices:
        return choice(field)
    if isinstance(field, models.BooleanField):
        return boolean(field)
    if isinstance(field, models.DateTimeField):
        return moment(field, zone)
    if isinstance(field, models.DateField):
        return date(field)
    if isinstance(field, models.IntegerField):
        return integer(field)
    return text(field)
