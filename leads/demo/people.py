"""The person behind a lead: name, address, emails and phone numbers."""

from . import vocabulary as vocab
from .draws import pool

_FIRST_NAMES = {
    ("fr", "M"): vocab.FRENCH_MALE,
    ("fr", "F"): vocab.FRENCH_FEMALE,
    ("en", "M"): vocab.ENGLISH_MALE,
    ("en", "F"): vocab.ENGLISH_FEMALE,
}
_LAST_NAMES = {"fr": vocab.FRENCH_LAST, "en": vocab.ENGLISH_LAST}
# Share of French names among the customers of a province's dealerships.
_FRENCH_SHARE = {"QC": 0.85, "ON": 0.08}
_CITY_POOLS = {
    province: pool({city: city.weight for city in cities})
    for province, cities in vocab.CITIES.items()
}


class PeopleMaker:
    """Makes names and contact data from one random stream."""

    def __init__(self, rng):
        self.random = rng.random
        self._slugs = {}

    def pick(self, seq):
        return seq[int(self.random() * len(seq))]

    def _slug(self, name: str) -> str:
        slug = self._slugs.get(name)
        if slug is None:
            slug = self._slugs[name] = vocab.ascii_slug(name)
        return slug

    def language(self, province: str) -> str:
        return "fr" if self.random() < _FRENCH_SHARE[province] else "en"

    def name(self, language: str, sex: str) -> tuple[str, str]:
        if not sex:
            sex = "F" if self.random() < 0.5 else "M"
        first = self.pick(_FIRST_NAMES[language, sex])
        return first, self.pick(_LAST_NAMES[language])

    def city(self, province: str, home: vocab.City) -> vocab.City:
        """Most customers live near their dealership."""
        if self.random() < 0.55:
            return home
        return self.pick(_CITY_POOLS[province])

    def address(self, province, city, language, *, unit=False) -> dict:
        """A street address in `city`; `unit` asks for an apartment or suite."""
        random = self.random
        number = int(random() ** 2 * 9000) + 1
        postal_code = (
            f"{self.pick(city.postal_prefixes)} {int(random() * 10)}"
            f"{self.pick(vocab.POSTAL_LETTERS)}{int(random() * 10)}"
        )
        address = {
            "address_line1": f"{number} {self.pick(vocab.STREETS[province])}",
            "city": city.name,
            "postal_code": postal_code,
            "province": province,
            "country": "CA",
        }
        if unit or random() < 0.1:
            label = self.pick(vocab.UNITS[language])
            address["address_line2"] = label.format(int(random() * 400) + 1)
        return address

    def business_name(self, language: str, last_name: str) -> str:
        return self.pick(vocab.BUSINESS_KINDS[language]).format(last_name)

    def emails(
        self,
        first,
        last,
        province,
        *,
        business_name="",
        every_type=False,
        invalid=False,
    ) -> list[tuple[str, str]]:
        """(type, address) pairs: about 80% of leads give at least one."""
        random = self.random
        if every_type:
            home = work = True
        else:
            draw = random()
            if draw < 0.2:
                return []
            home = draw < 0.70 or draw >= 0.78
            work = draw >= 0.70
        first, last = self._slug(first), self._slug(last)
        emails = []
        if home:
            if invalid or random() < 0.02:
                address = self.pick(vocab.PLACEHOLDER_EMAILS)
            else:
                domain = self.pick(vocab.PERSONAL_DOMAINS[province])
                address = f"{self._mailbox(first, last)}@{domain}"
            emails.append(("home", address))
        if work:
            if business_name:
                domain = self._slug(business_name)
                for suffix in ("inc", "ltee", "ltd"):
                    domain = domain.removesuffix(suffix)
                domain += ".ca"
                mailbox = "info" if random() < 0.3 else first
            else:
                domain = self.pick(vocab.EMPLOYER_DOMAINS[province])
                mailbox = f"{first}.{last}"
            emails.append(("work", f"{mailbox}@{domain}"))
        return emails

    def _mailbox(self, first: str, last: str) -> str:
        random = self.random
        draw = random()
        if draw < 0.35:
            return f"{first}.{last}"
        if draw < 0.55:
            return f"{first}{last}"
        if draw < 0.70:
            return f"{first[0]}{last}"
        if draw < 0.85:
            return f"{first}.{last}{int(random() * 90) + 10}"
        if draw < 0.93:
            return f"{last}.{first}"
        return f"{first}{int(random() * 40) + 60}"

    def phones(
        self, city: vocab.City, *, business=False, every_type=False, invalid=False
    ) -> list[tuple[str, str, int | None]]:
        """(type, E.164 number, extension): about 90% of leads give one."""
        random = self.random
        if not every_type and random() < 0.1:
            return []
        mobile = every_type or random() < 0.75
        home = every_type or random() < (0.15 if business else 0.35)
        work = every_type or random() < (0.9 if business else 0.18)
        if not (mobile or home or work):
            mobile = True
        phones = []
        for kind, wanted in (("mobile", mobile), ("home", home), ("work", work)):
            if wanted:
                extension = None
                if kind == "work" and (every_type or random() < 0.3):
                    extension = int(random() * 900) + 100
                number = self._number(city, fictional=invalid)
                phones.append((kind, number, extension))
                invalid = False
        return phones

    def _number(self, city: vocab.City, *, fictional=False) -> str:
        random = self.random
        area = self.pick(city.area_codes)
        draw = random()
        if (
            fictional or draw < 0.015
        ):  # 555-0100 to 555-0199: fiction's numbers, invalid
            return f"+1{area}55501{int(random() * 100):02d}"
        if draw < 0.02:  # a customer from overseas: French or British mobile
            # Within ranges phonenumbers knows as mobile: 6 then 0-2 or 4-8
            # in France (63x and 69x are partly overseas), 71-73 in Britain.
            if random() < 0.5:
                n = int(random() * 70_000_000)
                return f"+336{'0124578'[n // 10_000_000]}{n % 10_000_000:07d}"
            n = int(random() * 300_000_000)
            return f"+447{n // 100_000_000 + 1}{n % 100_000_000:08d}"
        exchange = int(random() * 800) + 200  # real exchanges never start 0/1
        if exchange == 555:
            exchange = 556
        return f"+1{area}{exchange}{int(random() * 10000):04d}"
