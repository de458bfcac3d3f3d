"""A lead's vehicles: the one they want and the one they trade in."""

from datetime import UTC, datetime
from decimal import Decimal

from . import catalogue
from .draws import COVERAGE, Weighted, pool

YEAR = 365.25 * 86400
_BY_POPULARITY = pool({model: model.popularity for model in catalogue.MODELS})
_ROAD_BY_POPULARITY = tuple(
    model for model in _BY_POPULARITY if model.category in catalogue.ROAD_CATEGORIES
)
_BRAND_POOLS = {
    make: pool({model: model.popularity for model in models})
    for make, models in catalogue.MODELS_BY_MAKE.items()
}
CONDITION = Weighted({"average": 40, "clean": 35, "extra_clean": 12, "rough": 13})
MODALITY = Weighted({"financing": 55, "leasing": 30, "cash": 15})
# Cash deals are paid at once: one_payment is never drawn for the others.
FREQUENCY = Weighted(
    {"monthly": 45, "two_weeks": 35, "weekly": 10, "bi_monthly": 10, "one_payment": 0}
)
# A few trade-ins are known by year, make and model only.
DESCRIBED = Weighted({True: 95, False: 5})
STOCK_STATE = Weighted({"stock": 55, "order": 20, "locate": 15, "notAvailable": 10})
_PAYMENTS_PER_YEAR = {"monthly": 12, "two_weeks": 26, "weekly": 52, "bi_monthly": 24}
_TERMS = {"financing": ("60", "72", "84", "96"), "leasing": ("24", "36", "48", "60")}
_RATES = tuple(
    map(Decimal, ("0.99", "1.99", "3.49", "4.99", "5.99", "6.49", "6.99", "7.99"))
)
_VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"  # never I, O or Q
# The VIN check digit: each character's value, times its position's weight.
_VIN_VALUES = {
    char: int(value)
    for char, value in zip(
        "ABCDEFGHJKLMNPRSTUVWXYZ0123456789",
        "123456781234579234567890123456789",
        strict=True,
    )
}
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)
_VIN_YEARS = "ABCDEFGHJKLMNPRSTVWXY123456789"  # from 1980, a 30-year cycle
_PLATE_LETTERS = "ABCDEFGHJKLMNPRSTVWXYZ"
_DETAILS = ("category", "category_rv", "engine", "driving_wheels", "fuel")
_DETAILS += ("transmission", "weight")


class VehicleMaker:
    """Makes vehicle field values; the first ones of a run cover every enum."""

    def __init__(self, rng, choose, now: float):
        self.random = rng.random
        self.choose = choose
        self.now = now
        self.index = 0  # vehicles made in this run

    @property
    def covering(self) -> bool:
        """The covering leads' vehicles take every optional branch."""
        return self.index < 2 * COVERAGE

    def _pick(self, seq):
        return seq[int(self.random() * len(seq))]

    def _model(self, candidates) -> catalogue.VehicleModel:
        if self.index < len(catalogue.COVERING):
            return catalogue.COVERING[self.index]
        return self._pick(candidates)

    def wanted(self, *, brand, division, created, language, sale=None, seller=""):
        """What the customer shops for; `sale` is when they bought it."""
        random, choose = self.random, self.choose
        new = division == "new" or (division != "used" and random() < 0.7)
        if new:
            model = self._model(_BRAND_POOLS.get(brand, _ROAD_BY_POPULARITY))
            year = created.year + (random() < 0.6 and created.month >= 8)
        else:
            model = self._model(_ROAD_BY_POPULARITY)
            year = created.year - 1 - int(random() * 7)
        year = max(year, model.first_year)
        low, high = model.price
        price = int((low + (high - low) * random()) * 10) * 100
        if not new:
            price = int(price * 0.85 ** (created.year - year) / 100) * 100
        stock_state = choose(STOCK_STATE)
        vehicle = self._describe(model, year, language, new=new)
        vehicle.update(stock_state=stock_state, price=price)
        if stock_state == "order":
            vehicle["order_number"] = f"ORD-{int(random() * 90000) + 10000}"
        if not new or stock_state == "stock":
            vehicle["vin"] = self._vin(model, year)
            prefix = "N" if new else "U"
            vehicle["stock"] = f"{prefix}{year % 100:02d}-{int(random() * 9000) + 1000}"
        if not new:
            kilometres = (created.year - year + random()) * (12_000 + random() * 12_000)
            vehicle["odometer"] = str(int(kilometres))
            vehicle["condition"] = choose(CONDITION)
            vehicle["certified"] = self.covering or random() < 0.3
            if self.covering or random() < 0.3:
                vehicle.update(year_min=year - 2, year_max=min(year + 2, created.year))
        elif self.covering or random() < 0.4:
            vehicle["warranty"] = self._pick(catalogue.WARRANTIES)
        if model.sleeping:
            vehicle.update(length_min=20 + int(random() * 6), length_max=32)
        if self.covering or random() < 0.25:
            vehicle.update(budget_min=price * 8 // 10, budget_max=price * 11 // 10)
        if sale is not None or self.covering or random() < 0.5:
            vehicle.update(self._deal(price))
        if sale is not None:
            vehicle.update(self._sold(sale, price, seller, new))
        self.index += 1
        return vehicle

    def exchange(self, *, brand, loyal, province, created, language, manager_id):
        """The customer's current vehicle: a trade-in or the one serviced.

        `loyal` is the share of customers driving the dealership's brand.
        """
        random = self.random
        if random() < loyal:
            model = self._model(_BRAND_POOLS.get(brand, _BY_POPULARITY))
        else:
            model = self._model(_BY_POPULARITY)
        age = 1 + int(random() ** 1.5 * 12)
        year = max(created.year - age, model.first_year)
        age = created.year - year
        kilometres = (age + random()) * (12_000 + random() * 14_000)
        low, high = model.price
        value = (
            int((low + (high - low) * random()) * 1000 * 0.83 ** (age + 1) / 100) * 100
        )
        vehicle = self._describe(model, year, language, new=False)
        # The covering models must keep their details; the next ones cycle.
        described = self.index < len(catalogue.COVERING) or self.choose(DESCRIBED)
        if not described:
            vehicle.update(dict.fromkeys(_DETAILS, ""), sleeping=None)
        vehicle.update(
            odometer=str(int(kilometres)),
            condition=self.choose(CONDITION),
            value=value,
            actual_value=max(value - int(random() * 20) * 100, 0),
            purchase_date=self._moment(created.timestamp() - (age + random()) * YEAR),
            recorded_date=self._moment(
                min(created.timestamp() + random() * 5 * 86400, self.now)
            ),
        )
        if self.covering or random() < 0.85:
            vehicle["vin"] = self._vin(model, year)
        if self.covering or random() < 0.7:
            vehicle["license_plate"] = self._plate(province)
        if described and (self.covering or random() < 0.4):
            deal = self._deal((low + high) * 500)
            vehicle.update(deal)
            vehicle["balance"] = int(value * random() * 0.8 / 100) * 100
            if "term" in deal:
                vehicle["end_contract_date"] = self._moment(
                    vehicle["purchase_date"].timestamp() + int(deal["term"]) / 12 * YEAR
                )
        if age < 5:
            vehicle["end_warranty_date"] = self._moment(
                vehicle["purchase_date"].timestamp() + 5 * YEAR
            )
        if self.covering or random() < 0.03:
            vehicle["recall"] = self._pick(catalogue.RECALLS)
        if self.covering or random() < 0.15:
            vehicle["customs"] = {
                "source": "Canadian Black Book",
                "wholesale": value,
                "retail": int(value * 1.18 / 100) * 100,
            }
            vehicle["verified_by_id"] = manager_id
        self.index += 1
        return vehicle

    def _describe(self, model, year, language, *, new) -> dict:
        random, covering = self.random, self.covering
        vehicle = {
            "year": year,
            "make": model.make,
            "model": model.model,
            "trim": self._pick(model.trims),
            "category": model.category,
            "category_rv": model.category_rv,
            "sleeping": model.sleeping,
            "engine": model.engine,
            "driving_wheels": model.driving_wheels,
            "fuel": model.fuel,
            "transmission": model.transmission,
            "weight": model.weight,
            "color_exterior": self._pick(catalogue.COLOURS[language]),
        }
        if covering or random() < 0.6:
            vehicle["color_interior"] = self._pick(catalogue.INTERIORS[language])
        if covering or random() < 0.2:
            vehicle["option"] = self._pick(catalogue.OPTIONS[language])
        if covering or random() < 0.2:
            vehicle["tire"] = True
        if covering or random() < 0.1:
            vehicle["comment"] = self._pick(catalogue.VEHICLE_NOTES[language])
        return vehicle

    def _deal(self, price: int) -> dict:
        random = self.random
        modality = self.choose(MODALITY)
        if modality == "cash" and not self.covering:
            return {"modality": modality, "payment_frequency": "one_payment"}
        frequency = self.choose(FREQUENCY)
        if frequency == "one_payment":
            return {"modality": modality, "payment_frequency": frequency}
        term = self._pick(_TERMS.get(modality, _TERMS["financing"]))
        rate = self._pick(_RATES)
        cash_down = int(random() * 6) * 1000
        deal = {
            "modality": modality,
            "payment_frequency": frequency,
            "term": term,
            "rate": rate,
            "cash_down": cash_down,
        }
        financed = price - cash_down
        if modality == "leasing":
            deal["residual"] = residual = price * (40 + int(random() * 20)) // 100
            deal["allowed_odometer"] = self._pick(("16000", "20000", "24000"))
            if self.covering or random() < 0.3:
                deal["security_deposit"] = 500
            financed -= residual
        years = int(term) / 12
        total = financed * (1 + float(rate) / 100 * years / 2)
        payment = total / (years * _PAYMENTS_PER_YEAR[frequency])
        deal["payment"] = Decimal(int(payment * 100)).scaleb(-2)
        return deal

    def _sold(self, sale: datetime, price: int, seller: str, new: bool) -> dict:
        random = self.random
        number = int(random() * 90000) + 10000
        sold = {
            "sold": True,
            "sold_date": sale,
            "sold_by": seller,
            "offer_number": f"OF-{number}",
            "client_number": f"C{int(random() * 900000) + 100000}",
            "accessories": int(random() * 30) * 100,
            "preparation": 499 if new else 799,
            "profit": Decimal(int(price * (0.02 + random() * 0.06) * 100)).scaleb(-2),
        }
        if new and (self.covering or random() < 0.4):
            sold["order_number"] = f"ORD-{number}"
        if self.covering or random() < 0.3:
            sold["extended_warranty"] = self._pick(catalogue.EXTENDED_WARRANTIES)
        return sold

    def _vin(self, model, year) -> str:
        random, chars = self.random, _VIN_CHARS
        wmi = self._pick(catalogue.WMI.get(model.make, catalogue.OTHER_WMI))
        descriptor = "".join([chars[int(random() * 33)] for _ in range(5)])
        serial = f"{chars[int(random() * 23)]}{int(random() * 1_000_000):06d}"
        vin = f"{wmi}{descriptor}0{_VIN_YEARS[(year - 1980) % 30]}{serial}"
        check = sum(map(int.__mul__, map(_VIN_VALUES.__getitem__, vin), _VIN_WEIGHTS))
        check %= 11
        return f"{vin[:8]}{'X' if check == 10 else check}{vin[9:]}"

    def _plate(self, province: str) -> str:
        random, letters = self.random, _PLATE_LETTERS
        if province == "QC":
            return f"{letters[int(random() * 22)]}{int(random() * 100):02d} " + "".join(
                [letters[int(random() * 22)] for _ in range(3)]
            )
        return "".join([letters[int(random() * 22)] for _ in range(4)]) + (
            f" {int(random() * 1000):03d}"
        )

    def _moment(self, timestamp: float) -> datetime:
        return datetime.fromtimestamp(timestamp, UTC)
