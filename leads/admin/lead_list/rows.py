"""A page of the lead list read as rows, not model instances.

Instantiating 100 leads, their two users and their phones and emails as
model objects costs milliseconds a page; the columns need a few values.
A ListedLead has what the list's columns read, and borrows the model's own
properties so a name is spelled the same way on the list and elsewhere.
"""

from django.db.models import QuerySet

from accounts.models import User

from ...models import Lead, LeadEmail, LeadPhone

LISTED_FIELDS = [
    "id",
    "created_at",
    "first_name",
    "last_name",
    "business_name",
    "division",
    "segment",
    "type",
    "source",
    "status",
    "result",
]
USER_COLUMNS = ["first_name", "last_name", "username"]
# Which number or address the list shows when a lead has several.
PHONE_PREFERENCE = ["mobile", "home", "work"]
EMAIL_PREFERENCE = ["home", "work"]


class ListedUser:
    __slots__ = USER_COLUMNS

    def __init__(self, first_name, last_name, username):
        self.first_name, self.last_name, self.username = first_name, last_name, username

    get_full_name = User.get_full_name
    __str__ = User.__str__


class ListedLead:
    """The values of one lead that the list shows."""

    _meta = Lead._meta  # Django's admin looks fields up through it.
    __slots__ = [
        *LISTED_FIELDS,
        "account",
        "country",
        "bdc",
        "advisor",
        "phone",
        "email",
    ]

    full_name = Lead.full_name
    display_name = Lead.display_name
    get_status_display = Lead.get_status_display
    _get_FIELD_display = Lead._get_FIELD_display
    __str__ = Lead.__str__

    @property
    def pk(self) -> int:
        return self.id

    def serializable_value(self, field_name):
        return getattr(self, field_name)


def listed_leads(page: QuerySet, with_account: bool) -> list[ListedLead]:
    """The leads of `page`, in its order: three queries whatever its size."""
    # The dealership's country: how the lead's phone number reads.
    columns = [
        *LISTED_FIELDS,
        *_user_columns("bdc"),
        *_user_columns("advisor"),
        "account__country",
    ]
    if with_account:
        columns.append("account__name")
    at = len(LISTED_FIELDS)
    leads = []
    for row in page.values_list(*columns):
        lead = ListedLead()
        for name, value in zip(LISTED_FIELDS, row[:at], strict=True):
            setattr(lead, name, value)
        lead.bdc = _user(row[at : at + 3])
        lead.advisor = _user(row[at + 3 : at + 6])
        lead.country = row[at + 6]
        lead.account = row[at + 7] if with_account else None
        leads.append(lead)
    ids = [lead.id for lead in leads]
    phones = _preferred(LeadPhone, "number", ids, PHONE_PREFERENCE)
    emails = _preferred(LeadEmail, "address", ids, EMAIL_PREFERENCE)
    for lead in leads:
        lead.phone = phones.get(lead.id)
        lead.email = emails.get(lead.id)
    return leads


def _user_columns(slot: str) -> list[str]:
    return [f"{slot}__{column}" for column in USER_COLUMNS]


def _user(values: tuple) -> ListedUser | None:
    # A lead without a user in the slot reads as a row of NULLs.
    return None if values[2] is None else ListedUser(*values)


def _preferred(model, column: str, lead_ids: list[int], types: list[str]) -> dict:
    """Each lead's contact of the first type in `types` it has."""
    rank = {type_: position for position, type_ in enumerate(types)}
    contacts = model.objects.filter(lead_id__in=lead_ids, type__in=types)
    best = {}
    for lead_id, type_, value in contacts.values_list("lead_id", "type", column):
        held = best.get(lead_id)
        if held is None or rank[type_] < held[0]:
            best[lead_id] = (rank[type_], value)
    return {lead_id: value for lead_id, (_, value) in best.items()}
