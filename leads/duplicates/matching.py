"""Which leads of a dealership may be the same customer as another, and
why, in words a person can judge.

The rules (docs/duplicates.md): the same email (Gmail's dots and +tags
ignored), the same VIN, the same phone when the names agree (names.py),
and the same provider sending the same customer again within 30 days.
Candidates come from the contact data's indexes in one query whatever the
dealership's size; names are compared only among them. Only one
dealership's leads are ever read, and never those already merged away or
marked duplicate.
"""

import datetime
from dataclasses import dataclass, field

from django.db import connection

from leads.models import Lead, LeadEmail, LeadPhone, LeadVehicle
from leads.models.match_keys import email_key, vin_key

from .names import names_agree
from .reasons import reason_text

PROVIDER_WINDOW = datetime.timedelta(days=30)
LEAD_COLUMNS = "l.id, l.first_name, l.last_name, l.source, l.created_at"
OPEN_LEADS = (
    "l.account_id = %(account)s AND l.status <> 'duplicate' AND l.id <> %(self)s"
)
CANDIDATES = f"""
SELECT {LEAD_COLUMNS}, 'email', e.address
FROM {LeadEmail._meta.db_table} e JOIN {Lead._meta.db_table} l ON l.id = e.lead_id
WHERE e.match_key = ANY(%(emails)s) AND {OPEN_LEADS}
UNION ALL
SELECT {LEAD_COLUMNS}, 'phone', p.number
FROM {LeadPhone._meta.db_table} p JOIN {Lead._meta.db_table} l ON l.id = p.lead_id
WHERE p.number = ANY(%(phones)s) AND {OPEN_LEADS}
UNION ALL
SELECT {LEAD_COLUMNS}, 'vin', v.vin
FROM {LeadVehicle._meta.db_table} v JOIN {Lead._meta.db_table} l ON l.id = v.lead_id
WHERE upper(btrim(v.vin)) = ANY(%(vins)s) AND v.vin <> '' AND {OPEN_LEADS}
"""


@dataclass(frozen=True)
class Customer:
    """What a lead says of its customer, as matching reads it."""

    account_id: int
    first_name: str = ""
    last_name: str = ""
    source: str = ""
    emails: frozenset[str] = frozenset()  # email_key()s
    phones: frozenset[str] = frozenset()  # E.164
    vins: frozenset[str] = frozenset()  # vin_key()s
    lead_id: int | None = None  # never its own duplicate
    created_at: datetime.datetime | None = None

    @classmethod
    def of(cls, account_id: int, lead: dict, *, emails=(), phones=(), vins=(),
           lead_id=None, created_at=None) -> "Customer":  # fmt: skip
        """From a lead's values and its contact data as written."""
        return cls(
            account_id=account_id,
            first_name=lead.get("first_name") or "",
            last_name=lead.get("last_name") or "",
            source=lead.get("source") or "",
            emails=frozenset(email_key(address) for address in emails if address),
            phones=frozenset(number for number in phones if number),
            vins=frozenset(vin_key(vin) for vin in vins if vin and vin.strip()),
            lead_id=lead_id,
            created_at=created_at,
        )

    @classmethod
    def of_lead(cls, lead: Lead) -> "Customer":
        """A saved lead's (three queries for its contact data)."""
        return cls.of(
            lead.account_id,
            {
                name: getattr(lead, name)
                for name in ("first_name", "last_name", "source")
            },
            emails=lead.emails.values_list("address", flat=True),
            phones=lead.phones.values_list("number", flat=True),
            vins=lead.vehicles.values_list("vin", flat=True),
            lead_id=lead.pk,
            created_at=lead.created_at,
        )


@dataclass
class Match:
    lead_id: int
    reasons: list[str] = field(default_factory=list)  # "rule:value"
    same_provider: bool = False

    @property
    def reason_texts(self) -> list[str]:
        return [reason_text(reason) for reason in self.reasons]


def find_matches(customer: Customer) -> list[Match]:
    """The dealership's leads that may be `customer`, newest first."""
    if not (customer.emails or customer.phones or customer.vins):
        return []
    with connection.cursor() as cursor:
        cursor.execute(
            CANDIDATES,
            {
                "account": customer.account_id,
                "self": customer.lead_id or 0,
                "emails": sorted(customer.emails),
                "phones": sorted(customer.phones),
                "vins": sorted(customer.vins),
            },
        )
        rows = cursor.fetchall()
    matches: dict[int, Match] = {}
    created: dict[int, datetime.datetime] = {}
    for lead_id, first, last, source, created_at, rule, value in rows:
        reason = _reason(customer, rule, value, (first, last))
        if reason is None:
            continue
        match = matches.setdefault(lead_id, Match(lead_id))
        if reason not in match.reasons:
            match.reasons.append(reason)
        created[lead_id] = created_at
        if _same_provider(customer, source, created_at) and not match.same_provider:
            match.same_provider = True
            match.reasons.append(f"provider:{source}")
    return sorted(matches.values(), key=lambda m: created[m.lead_id], reverse=True)


def _reason(customer: Customer, rule: str, value: str, names) -> str | None:
    if rule == "vin":
        return f"vin:{value.strip().upper()}"
    if rule == "phone" and not names_agree(
        (customer.first_name, customer.last_name), names
    ):
        return None  # a household's shared phone
    return f"{rule}:{value}"


def _same_provider(customer: Customer, source: str, created_at) -> bool:
    if not customer.source or customer.source.casefold() != source.casefold():
        return False
    moment = customer.created_at or datetime.datetime.now(datetime.UTC)
    return abs(moment - created_at) <= PROVIDER_WINDOW
