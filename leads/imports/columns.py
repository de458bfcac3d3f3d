"""What a column of an imported file can fill, and which column fills what.

A target is named as our own export names its column
(leads.csv_columns.HEADER), so an export maps itself: `first_name`,
`email_home`, `phone_mobile`, `wanted_make`, `bdc_email`. The export's
columns that no import may set map to nothing: the id, times and creation
method (an import makes new leads, created now, by `manual_import`), the
dealership (an import fills the importer's, whatever the file says) and
the counts.

Other files' headers are matched with case, accents, spaces and
punctuation ignored, against each target's key, the spellings of ALIASES
(other CRMs', English and French) and its label in both languages.
"""

import unicodedata
from dataclasses import dataclass

from django.db import models
from django.utils import translation
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _

from leads.csv_columns import SCALAR_FIELDS, VEHICLE_COLUMNS
from leads.models import USER_SLOTS, Lead, LeadEmail, LeadPhone, LeadVehicle

IGNORE = ""
# first_response_at is the lead's own history, set by its communications.
NOT_IMPORTED = [
    "id",
    "created_at",
    "updated_at",
    "account_id",
    "created_method",
    "first_response_at",
]
# The export's columns that fill nothing (tests/imports holds the export's
# header to this list and the targets).
IGNORED_HEADERS = [
    *NOT_IMPORTED,
    "account_name",
    "email_count",
    "phone_count",
    "vehicle_count",
]


@dataclass(frozen=True)
class Target:
    """What a column fills. `kind` says where the value goes: a lead field
    ("lead"), a contact ("email", "phone"), a vehicle attribute ("vehicle")
    or a user slot named by email or name ("staff_email", "staff_name");
    `part` is the contact's or vehicle's type, or the slot."""

    key: str
    kind: str
    field: models.Field
    label: str
    part: str = ""


def _lead_targets():
    for field in SCALAR_FIELDS:
        if field.attname not in NOT_IMPORTED:
            label = capfirst(field.verbose_name)
            yield Target(field.attname, "lead", field, label)


def _staff_targets():
    for slot in USER_SLOTS:
        slot_label = capfirst(Lead._meta.get_field(slot).verbose_name)
        name = Lead._meta.get_field("first_name")
        email = LeadEmail._meta.get_field("address")
        yield Target(
            f"{slot}_name",
            "staff_name",
            name,
            format_lazy("{} ({})", slot_label, _("name")),
            slot,
        )
        yield Target(
            f"{slot}_email",
            "staff_email",
            email,
            format_lazy("{} ({})", slot_label, _("email")),
            slot,
        )


def _contact_targets():
    address = LeadEmail._meta.get_field("address")
    for type_, type_label in LeadEmail.Type.choices:
        label = format_lazy("{} ({})", capfirst(_("email")), type_label)
        yield Target(f"email_{type_}", "email", address, label, type_)
    number = LeadPhone._meta.get_field("number")
    for type_, type_label in LeadPhone.Type.choices:
        label = format_lazy("{} ({})", capfirst(_("phone")), type_label)
        yield Target(f"phone_{type_}", "phone", number, label, type_)


def _vehicle_targets():
    for type_, type_label in LeadVehicle.Type.choices:
        for attribute in VEHICLE_COLUMNS:
            field = LeadVehicle._meta.get_field(attribute)
            label = format_lazy("{}: {}", type_label, field.verbose_name)
            yield Target(f"{type_}_{attribute}", "vehicle", field, label, type_)


TARGETS: dict[str, Target] = {
    target.key: target
    for targets in (
        _lead_targets(),
        _contact_targets(),
        _vehicle_targets(),
        _staff_targets(),
    )
    for target in targets
}

# Spellings of other CRMs and spreadsheets, beyond each target's key and its
# English and French labels.
ALIASES = {
    "first_name": ["first", "given name", "prénom", "firstname"],
    "last_name": ["last", "surname", "family name", "nom", "nom de famille"],
    "business_name": ["company", "company name", "entreprise", "compagnie"],
    "email_home": ["email", "e-mail", "courriel", "mail", "email address"],
    "email_work": ["work email", "business email", "courriel travail"],
    "phone_mobile": ["cell", "cellphone", "mobile", "cellulaire", "portable"],
    "phone_home": ["phone", "telephone", "téléphone", "tel", "home phone"],
    "phone_work": ["work phone", "business phone", "téléphone travail", "bureau"],
    "address_line1": ["address", "adresse", "street", "address 1", "rue"],
    "address_line2": ["address 2", "adresse 2", "apartment", "appartement"],
    "city": ["ville", "town"],
    "province": ["state", "prov"],
    "postal_code": ["zip", "zip code", "postal", "code postal", "postcode"],
    "country": ["pays"],
    "locale": ["language", "langue", "lang"],
    "birth_date": ["birthday", "date of birth", "dob", "date de naissance"],
    "comment": ["comments", "note", "notes", "commentaire", "commentaires"],
    "source": ["lead source", "provenance"],
    "civility": ["title", "salutation", "civilité", "titre"],
    "wanted_make": ["make", "marque", "vehicle make"],
    "wanted_model": ["model", "modèle", "vehicle model"],
    "wanted_year": ["year", "année", "vehicle year"],
    "wanted_trim": ["trim", "version"],
    "wanted_vin": ["vin", "nip"],
    "exchange_make": ["trade make", "trade-in make"],
    "exchange_model": ["trade model", "trade-in model"],
    "exchange_year": ["trade year", "trade-in year"],
    "exchange_vin": ["trade vin", "trade-in vin"],
    "bdc_name": ["bdc", "agent", "agent bdc"],
    "advisor_name": ["advisor", "salesperson", "conseiller", "vendeur"],
}


def normalize(text: str) -> str:
    """`text` without case, accents, spaces or punctuation: "Prénom" and
    "PRENOM" are "prenom", "E-mail" is "email"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if char.isalnum())


def _spellings() -> dict[str, str]:
    """Each known spelling, normalized, and the target it names; the first
    to claim a spelling keeps it."""
    found: dict[str, str] = {}

    def claim(spelling, key):
        found.setdefault(normalize(str(spelling)), key)

    for key in TARGETS:
        claim(key, key)
    for key in IGNORED_HEADERS:
        claim(key, IGNORE)
    for key, spellings in ALIASES.items():
        for spelling in spellings:
            claim(spelling, key)
    for language in ("en", "fr"):
        with translation.override(language):
            for key, target in TARGETS.items():
                claim(target.label, key)
    return found


def guess_mapping(header: list[str]) -> list[str]:
    """A target key for each column of `header` (IGNORE where none fits),
    each target given to the first column that names it."""
    spellings = _spellings()
    taken: set[str] = set()
    mapping = []
    for name in header:
        key = spellings.get(normalize(name), IGNORE)
        if key in taken:
            key = IGNORE
        taken.add(key)
        mapping.append(key)
    return mapping


def choices() -> list[tuple[str, str]]:
    """The targets a column may be mapped to, for a select."""
    return [(IGNORE, _("(ignore this column)"))] + [
        (key, target.label) for key, target in TARGETS.items()
    ]
