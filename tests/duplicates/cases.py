"""The table of pairs: an existing lead, a newcomer, and the reason they
match (None: they must not), shared by every entry path's test."""

import datetime
from dataclasses import dataclass, field

from tests.factories import (
    LeadEmailFactory,
    LeadFactory,
    LeadPhoneFactory,
    LeadVehicleFactory,
)


@dataclass
class Person:
    first_name: str = ""
    last_name: str = ""
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)  # E.164
    vins: list[str] = field(default_factory=list)
    source: str = ""
    days_ago: int = 0


@dataclass
class Case:
    name: str
    existing: Person
    newcomer: Person
    reason: str | None  # a word every reason for this match holds


SOPHIE = Person("Sophie", "Lavoie", phones=["+15145550142"])
CASES = [
    Case(
        "same email, other case and spaces",
        Person("Marie", "Roy", emails=["Marie.Roy@Videotron.ca"]),
        Person("M", "Roy-Gagnon", emails=["  marie.roy@videotron.CA "]),
        "same email",
    ),
    Case(
        "gmail dots and +tag",
        Person("Luc", "Caron", emails=["luc.caron@gmail.com"]),
        Person("Luc", "Caron", emails=["LucCaron+autotrader@googlemail.com"]),
        "same email",
    ),
    Case(
        "same VIN, lowercased",
        Person("Ann", "Wu", vins=["1HGCM82633A004352"]),
        Person("", "", emails=["x@y.ca"], vins=["1hgcm82633a004352"]),
        "same VIN",
    ),
    Case(
        "same phone, same names",
        SOPHIE,
        Person("Sophie", "Lavoie", phones=["+15145550142"]),
        "same phone",
    ),
    Case(
        "same phone, first name a prefix",
        Person("Stéphane", "Lavoie", phones=["+15145550142"]),
        Person("Steph", "Lavoie", phones=["+15145550142"]),
        "same phone",
    ),
    Case(
        "same phone, accents and a close spelling",
        Person("Stéphane", "Lavoie", phones=["+15145550142"]),
        Person("Stephanne", "LAVOIE", phones=["+15145550142"]),
        "same phone",
    ),
    Case(
        "same phone, the newcomer gave no name",
        SOPHIE,
        Person(phones=["+15145550142"]),
        "same phone",
    ),
    Case(
        "same provider again within 30 days",
        Person("Paul", "Roy", emails=["paul@roy.ca"], source="AutoTrader", days_ago=20),
        Person("Paul", "Roy", emails=["paul@roy.ca"], source="autotrader"),
        "same provider",
    ),
    Case(
        "a household's phone: two first names that differ",
        SOPHIE,
        Person("Stéphane", "Lavoie", phones=["+15145550142"]),
        None,
    ),
    Case(
        "same last name, another phone",
        SOPHIE,
        Person("Sophie", "Lavoie", phones=["+15145550143"]),
        None,
    ),
    Case(
        "same phone, another family",
        SOPHIE,
        Person("Sophie", "Tremblay", phones=["+15145550142"]),
        None,
    ),
    Case(
        "a blank VIN is no VIN",
        Person("Ann", "Wu", emails=["ann@wu.ca"], vins=[""]),
        Person("Bo", "Li", emails=["bo@li.ca"], vins=[""]),
        None,
    ),
]
MATCHING = [case for case in CASES if case.reason]
NOT_MATCHING = [case for case in CASES if not case.reason]


def created_days_ago(days: int) -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=days)


def saved(account, person: Person, **extra):
    lead = LeadFactory(
        account=account,
        first_name=person.first_name,
        last_name=person.last_name,
        source=person.source,
        created_at=created_days_ago(person.days_ago),
        **extra,
    )
    for kind, address in zip(["home", "work"], person.emails, strict=False):
        LeadEmailFactory(lead=lead, address=address, type=kind)
    for kind, number in zip(["mobile", "home", "work"], person.phones, strict=False):
        LeadPhoneFactory(lead=lead, number=number, type=kind)
    for vin in person.vins:
        LeadVehicleFactory(lead=lead, vin=vin)
    return lead


def api_body(person: Person) -> dict:
    """`person` as a POST /api/v2/leads body."""
    return {
        "type": "email",
        "first_name": person.first_name,
        "last_name": person.last_name,
        "source": person.source,
        "emails": [
            {"type": kind, "address": address}
            for kind, address in zip(["home", "work"], person.emails, strict=False)
        ],
        "phones": [
            {"type": kind, "number": number}
            for kind, number in zip(["mobile", "home"], person.phones, strict=False)
        ],
        "vehicles": [{"type": "wanted", "vin": vin} for vin in person.vins],
    }
