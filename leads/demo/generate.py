"""Batches of demo leads, as rows ready for COPY or bulk_create.

Rows are tuples in the order of their model's columns; a lead's fields that
generation leaves out take the model's default. The first COVERAGE leads of
a run take every optional branch and, through the Chooser, every enum value.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from leads.models import Lead, LeadEmail, LeadPhone, LeadVehicle

from . import vocabulary as vocab
from .draws import COVERAGE, Chooser, Weighted, pool
from .milestones import DAY, SERVICE_INTERVALS, Milestones, moment
from .people import PeopleMaker
from .vehicles import VehicleMaker

HISTORY = 3 * 365 * DAY
# What customers write when they name no vehicle.
_GENERAL_REQUESTS = {
    language: tuple(request for request in requests if "{" not in request)
    for language, requests in vocab.SALES_REQUESTS.items()
}
_BIRTH_DATES = (date(1945, 1, 1).toordinal(), date(2006, 12, 31).toordinal())

# (gender, sex, civility): a business has no gender, so 9 means business.
# fmt: off
PROFILES = Weighted({
    (1, "M", "mr"): 36, (2, "F", "ms"): 30, (2, "F", "miss"): 3, (1, "M", "dr"): 1,
    (2, "F", "dr"): 1, (1, "M", "me"): 1, (2, "F", "me"): 1, (1, "M", ""): 6,
    (2, "F", ""): 6, (0, "", ""): 9, (9, "", ""): 6,
})
SECOND_CIVILITY = Weighted({"mr": 40, "ms": 40, "miss": 2, "dr": 4, "me": 4, "": 10})
CREATED_METHODS = Weighted({
    "manual": 30, "api": 20, "adf_email": 12, "adf_http": 3, "scraper": 2,
    "activix": 8, "phone_system": 6, "manual_import": 5, "auto_renewal": 3,
    "ct_wizard": 2, "serti": 2, "cdk": 2, "ford_direct": 1, "porsche_digital": 1,
    "n_c_i_digital": 1, "niotext": 1, "scan": 1,
})
DIVISIONS = Weighted({"new": 42, "used": 30, "service": 20, "": 8})
STATUSES = Weighted({"": 78, "lost": 13, "duplicate": 4, "invalid": 5})
RESULTS = Weighted({"pending": 25, "attempted": 25, "reached": 50})
SALES_TYPES = Weighted({
    "email": 40, "phone": 22, "walk_in": 15, "sms": 6, "event": 5, "loyalty": 6,
    "renewal": 6,
})
SERVICE_TYPES = Weighted({"phone": 40, "pre_booking": 35, "email": 15, "walk_in": 10})
ALL_TYPES = Weighted(dict.fromkeys(Lead.Type.values, 1))
SALES_SEGMENTS = Weighted({
    "": 55, "conquest": 8, "promo": 8, "notSold": 6, "loyalty": 6, "endLcap": 4,
    "endLnette": 4, "endWarranty": 3, "reminder": 2, "noShow": 2, "csi": 1,
    "other": 1,
})
SERVICE_SEGMENTS = Weighted(
    {"service": 50, "": 25, "reminder": 10, "endWarranty": 5, "csi": 5, "noShow": 5}
)
ALL_SEGMENTS = Weighted(dict.fromkeys(["", *Lead.Segment.values], 1))
# fmt: on


def _omitted_value(model_field):
    """What a row holds for a field generation did not set."""
    default = model_field.default
    if model_field.has_default() and not callable(default):
        return getattr(default, "value", default)  # an enum member's plain value
    if model_field.empty_strings_allowed and not model_field.null:
        return ""
    return None


class Shape:
    """A table's columns, in order, and the value of each one left out."""

    def __init__(self, model):
        fields = [f for f in model._meta.concrete_fields if not f.generated]
        self.model = model
        self.fields = fields
        self.columns = [f.column for f in fields]
        self.names = [f.attname for f in fields]
        self.defaults = [_omitted_value(f) for f in fields]

    def row(self, values: dict) -> tuple:
        return tuple(map(values.get, self.names, self.defaults))


SHAPES = {model: Shape(model) for model in (Lead, LeadEmail, LeadPhone, LeadVehicle)}


@dataclass
class Batch:
    """Rows of each table, parents first."""

    rows: dict = field(default_factory=lambda: {model: [] for model in SHAPES})

    def add(self, model, values: dict) -> None:
        self.rows[model].append(SHAPES[model].row(values))


class LeadGenerator:
    """Makes leads for the given dealerships, batch by batch, from one seed."""

    def __init__(self, dealerships, rng, *, now: datetime, total: int):
        self.random = rng.random
        self.choose = Chooser(rng)
        self.people = PeopleMaker(rng)
        self.now = now.timestamp()
        self.vehicles = VehicleMaker(rng, self.choose, self.now)
        self.milestones = Milestones(rng, self.choose, self.people, self.now)
        # Dealerships differ in size.
        self.dealerships = pool({d: 2 + d.number * 3 % 5 for d in dealerships})
        self.total = total
        self.index = 0  # leads made so far

    def batch(self, size: int, next_ids: dict) -> Batch:
        """`size` leads and their contact data, numbered from `next_ids`."""
        batch = Batch()
        dealerships, random = self.dealerships, self.random
        for _ in range(size):
            dealership = dealerships[int(random() * len(dealerships))]
            self._lead(batch, next_ids, dealership)
            self.index += 1
        return batch

    def _lead(self, batch, ids, dealership) -> None:
        random, choose, people = self.random, self.choose, self.people
        covering = self.index < COVERAGE
        lead_id = ids[Lead]
        ids[Lead] += 1
        # Leads come in the order they were created, more of them lately. In
        # that order the database appends to its created_at indexes instead
        # of inserting all over them, which keeps a big load fast.
        still_to_come = 1 - (self.index + random()) / self.total
        created_ts = self.now - HISTORY * still_to_come**1.4
        created = moment(created_ts)
        gender, sex, civility = choose(PROFILES)
        province = dealership.province
        language = people.language(province)
        first, last = people.name(language, sex)
        division = choose(DIVISIONS)
        service = division == "service"
        if covering:
            lead_type, segment = choose(ALL_TYPES), choose(ALL_SEGMENTS)
        else:
            lead_type = choose(SERVICE_TYPES if service else SALES_TYPES)
            segment = choose(SERVICE_SEGMENTS if service else SALES_SEGMENTS)
        lead = {
            "id": lead_id,
            "account_id": dealership.account_id,
            "created_at": created,
            "created_method": choose(CREATED_METHODS),
            "first_name": first,
            "last_name": last,
            "gender": gender,
            "sex": sex,
            "civility": civility,
            "locale": language if random() > 0.03 else "",
            "division": division,
            "segment": segment,
            "type": lead_type,
            "source": people.pick(vocab.SOURCES[lead_type]),
            "status": choose(STATUSES),
            "result": choose(RESULTS),
        }
        lead["reached_client"] = lead["result"] == "reached"
        if gender == 9:
            lead["business"] = True
            lead["business_name"] = people.business_name(language, last)
        elif covering or random() < 0.4:
            ordinal = _BIRTH_DATES[0] + (_BIRTH_DATES[1] - _BIRTH_DATES[0]) * random()
            lead["birth_date"] = date.fromordinal(int(ordinal))
        if covering or random() < 0.12:
            spouse_sex = "M" if sex == "F" else "F"
            spouse_first, spouse_last = people.name(language, spouse_sex)
            spouse_last = last if random() < 0.6 else spouse_last
            lead["second_contact"] = f"{spouse_first} {spouse_last}"
            lead["second_contact_civility"] = choose(SECOND_CIVILITY)
        city = people.city(province, dealership.city)
        if covering or random() < 0.85:
            lead.update(people.address(province, city, language, unit=covering))
        if segment and (covering or random() < 0.5):
            lead["code"] = (
                f"{segment[:3].upper()}-{created.year % 100}{created.month:02d}"
            )
        if covering or random() < 0.3:
            lead["rating"] = 1 + int(random() * 5)
        lead["loyalty"] = segment == "loyalty" or random() < 0.12
        milestones = self.milestones
        if service:
            last_event = milestones.service_visit(
                lead, dealership, created_ts, language, covering
            )
        else:
            if covering:  # too few service leads come first to show them all
                lead["service_interval_km"] = choose(SERVICE_INTERVALS)
            last_event = milestones.sales(lead, dealership, created_ts, covering)
        opted_out = milestones.unsubscribes(lead, created_ts, covering)
        last_event = max(last_event, opted_out)
        lead["updated_at"] = moment(min(last_event + random() * 3600, self.now))
        wanted = self._vehicles(batch, ids, lead, dealership, language, covering)
        lead["comment"] = self._comment(language, service, wanted, lead)
        batch.add(Lead, lead)
        self._contacts(batch, ids, lead, city, province, covering)

    def _vehicles(self, batch, ids, lead, dealership, language, covering):
        """Add the lead's vehicles; return the wanted one's values, if any."""
        random, maker = self.random, self.vehicles
        service = lead["division"] == "service"
        created = lead["created_at"]
        common = {"lead_id": lead["id"], "created_at": created, "updated_at": created}
        wanted = None
        if covering or random() < (0.05 if service else 0.9):
            sale = lead.get("sale_date")
            advisor = lead.get("advisor_id")
            wanted = maker.wanted(
                brand=dealership.brand,
                division=lead["division"],
                created=created,
                language=language,
                sale=sale,
                seller=dealership.names[advisor] if sale and advisor else "",
            )
            wanted.update(common, id=ids[LeadVehicle], type="wanted")
            ids[LeadVehicle] += 1
            batch.add(LeadVehicle, wanted)
        if covering or random() < (0.95 if service else 0.35):
            current = maker.exchange(
                brand=dealership.brand,
                # Service customers mostly drive the make the dealer sells.
                loyal=0.85 if service else 0.35,
                province=dealership.province,
                created=created,
                language=language,
                manager_id=dealership.managers[0],
            )
            current.update(common, id=ids[LeadVehicle], type="exchange")
            ids[LeadVehicle] += 1
            batch.add(LeadVehicle, current)
        return wanted

    def _comment(self, language, service, wanted, lead) -> str:
        random, people = self.random, self.people
        if random() > 0.65:
            return ""
        if service:
            request = people.pick(vocab.SERVICE_REQUESTS[language])
            return request.format(
                km=f"{lead['service_interval_km']:,}".replace(",", " ")
            )
        if wanted is None:
            return people.pick(_GENERAL_REQUESTS[language])
        request = people.pick(vocab.SALES_REQUESTS[language])
        return request.format(
            model=wanted["model"], year=wanted["year"], trim=wanted["trim"]
        )

    def _contacts(self, batch, ids, lead, city, province, covering) -> None:
        people, index = self.people, self.index
        created = lead["created_at"]
        common = {"lead_id": lead["id"], "created_at": created, "updated_at": created}
        for kind, address in people.emails(
            lead["first_name"],
            lead["last_name"],
            province,
            business_name=lead.get("business_name", ""),
            every_type=covering,
            invalid=index == 1,
        ):
            email = {"id": ids[LeadEmail], "type": kind, "address": address}
            batch.add(LeadEmail, {**common, **email})
            ids[LeadEmail] += 1
        for kind, number, extension in people.phones(
            city,
            business=lead.get("business", False),
            every_type=covering,
            invalid=index == 2,
        ):
            phone = {"id": ids[LeadPhone], "type": kind, "number": number}
            batch.add(LeadPhone, {**common, **phone, "extension": extension})
            ids[LeadPhone] += 1
