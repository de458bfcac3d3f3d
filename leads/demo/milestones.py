"""A lead's milestone dates, in order, as its sales or service progresses.

Dates that have not come yet are left out, except planned ones (an
appointment, a delivery, the next visit), which may lie ahead.
"""

from datetime import UTC, datetime

from . import vocabulary as vocab
from .draws import Weighted

DAY = 86400.0
# Toronto's standard offset: good enough to put visits in business hours.
_LOCAL_MIDNIGHT = 5 * 3600
# fmt: off
SERVICE_INTERVALS = Weighted({
    8000: 25, 12000: 25, 16000: 15, 20000: 10, 5000: 5, 6000: 5, 18000: 5,
    24000: 5, 25000: 4, 1000: 1,
})
# fmt: on
# Of the active leads who came to the showroom.
SOLD = Weighted({True: 45, False: 55})


def moment(timestamp: float) -> datetime:
    return datetime.fromtimestamp(timestamp, UTC)


def _midnight(timestamp: float) -> float:
    return timestamp - (timestamp - _LOCAL_MIDNIGHT) % DAY


class Milestones:
    """Sets a lead's dates and the staff working it; returns its last event."""

    def __init__(self, rng, choose, people, now: float):
        self.random = rng.random
        self.choose = choose
        self.people = people
        self.now = now

    def service_visit(self, lead, dealership, created_ts, language, covering):
        """The service visit: appointment, work order, repair, pick-up."""
        random, now, people = self.random, self.now, self.people
        lead.update(
            service_interval_km=self.choose(SERVICE_INTERVALS),
            odometer_last_visit=int(5000 + random() * 180_000),
            average_spending=int(120 + random() ** 2 * 1500),
            service_cleaning_car=covering or random() < 0.4,
            prepaid=covering or random() < 0.15,
            service_advisor_id=people.pick(dealership.service_advisors),
            service_agent_id=people.pick(dealership.service_agents),
        )
        if random() < 0.3:  # the BDC also books service appointments
            lead["bdc_id"] = people.pick(dealership.bdc)
        if covering or random() < 0.15:
            shelf = f"{people.pick('ABCDEF')}-{int(random() * 40) + 1}"
            lead["storage"] = people.pick(vocab.STORAGE[language]).format(shelf)
        # Service drop-offs are early, from 7:00 to 9:30.
        visit = self._business_hours(created_ts + (1 + random() * 14) * DAY, 7, 6)
        lead["appointment_date"] = moment(visit)
        # No work order for a visit still under way, nor for a lost lead's.
        if visit + 5 * 3600 > now or (lead["status"] and not covering):
            return created_ts
        number = int(random() * 900_000) + 100_000
        closing = _midnight(visit) + 17 * 3600
        lead.update(
            open_work_order_date=moment(visit + random() * 1800),
            repair_date=moment(visit + 3600 + random() * 3 * 3600),
            promised_date=moment(closing - 3600),
            planned_pick_up_date=moment(closing - int(random() * 4) * 900),
            work_order=f"WO-{number}",
            repair_order=f"RO{number + 7}",
        )
        done = visit + 4 * 3600 + random() * 26 * 3600
        if done > now:
            return visit
        lead["end_service_date"] = moment(done)
        lead["invoiced"] = random() < 0.9
        survey = done + (2 + random() * 5) * DAY
        if (covering or random() < 0.2) and survey < now:
            lead["csi_date"] = moment(survey)
            return survey
        return done

    def sales(self, lead, dealership, created_ts, covering) -> float:
        """The sales funnel: call, appointment, visit, sale, delivery."""
        random, now, people = self.random, self.now, self.people
        if covering or random() < 0.85:
            lead["bdc_id"] = people.pick(dealership.bdc)
        if covering or random() < 0.8:
            lead["advisor_id"] = people.pick(dealership.advisors)
        if lead["result"] == "pending":
            return created_ts
        call = min(created_ts + random() * 2 * DAY, now)
        lead["call_date"] = lead["first_response_at"] = moment(call)
        if lead["status"] in ("duplicate", "invalid") or lead["result"] != "reached":
            return call
        if not covering and random() > 0.55:
            return call
        visit = self._business_hours(created_ts + (1 + random() * 10) * DAY)
        lead["appointment_date"] = moment(visit)
        if visit > now or not (covering or random() < 0.7):
            return call
        visit += random() * 1800  # customers come a little late
        if visit + 2 * 3600 > now:  # the visit, road test included, is ahead
            return call
        lead["presented_date"] = lead["last_presented_date"] = moment(visit)
        if covering or random() < 0.5:
            lead["road_test_date"] = moment(visit + (20 + random() * 40) * 60)
        if covering or random() < 0.25:
            lead["take_over_date"] = moment(visit + (30 + random() * 60) * 60)
        back = self._business_hours(visit + (2 + random() * 8) * DAY)
        if (covering or random() < 0.2) and back < now:
            lead["be_back_date"] = lead["last_presented_date"] = moment(back)
            visit = back
        if lead["status"] or not self.choose(SOLD):
            if not lead["status"] and (covering or random() < 0.3):
                next_visit = self._business_hours(visit + (3 + random() * 17) * DAY)
                lead["next_presented_date"] = moment(next_visit)
            return visit
        sale = visit + random() * 7200
        if sale > now:
            return visit
        return self._sale(lead, dealership, sale, covering)

    def _sale(self, lead, dealership, sale, covering) -> float:
        random, now = self.random, self.now
        lead["sale_date"] = moment(sale)
        lead["commercial_id"] = self.people.pick(dealership.commercial)
        available = self._business_hours(sale + (1 + random() * 20) * DAY)
        delivery = self._business_hours(available + (1 + random() * 3) * DAY)
        lead["available_date"] = moment(available)
        lead["delivery_date"] = moment(delivery)
        last = delivery + random() * 7200
        if last > now:
            return sale
        lead["delivered_date"] = moment(last)
        survey = last + (3 + random() * 7) * DAY
        if (covering or random() < 0.35) and survey < now:
            lead["csi_date"] = moment(survey)
            last = survey
        refinanced = sale + (1 + random()) * 365 * DAY
        if (covering or random() < 0.08) and refinanced < now:
            lead["refinanced_date"] = moment(refinanced)
            last = max(last, refinanced)
        return last

    def unsubscribes(self, lead, created_ts, covering) -> float:
        """Set the dates the customer opted out, if any; return the latest."""
        random, now = self.random, self.now
        last = created_ts
        for name, share in (
            ("unsubscribe_call_date", 0.03),
            ("unsubscribe_email_date", 0.04),
            ("unsubscribe_sms_date", 0.03),
            ("unsubscribe_all_date", 0.01),
        ):
            if covering or random() < share:
                when = created_ts + (now - created_ts) * random()
                lead[name] = moment(when)
                last = max(last, when)
        return last

    def _business_hours(self, timestamp: float, opening=9, half_hours=20) -> float:
        """That day, on one of `half_hours` half hours from `opening` o'clock."""
        slot = int(self.random() * half_hours)
        return _midnight(timestamp) + opening * 3600 + slot * 1800
