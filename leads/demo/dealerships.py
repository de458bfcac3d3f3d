"""The demo dealerships, their staff, and the logins printed for them."""

import re
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db.models import Q

from accounts import roles
from accounts.models import Account, User

from . import vocabulary as vocab
from .catalogue import BRANDS
from .people import PeopleMaker

DEMO_PASSWORD = "demo-pass"
ADMIN_USERNAME = "admin"
_DEMO_LOGIN = re.compile(r"^(manager|agent)([0-9]+)$")

# (name, province, city, brand) of the first dealerships; later ones are
# named after their city and brand.
_NAMED = (
    ("Lachance Toyota", "QC", "Québec", "Toyota"),
    ("Ottawa Honda", "ON", "Ottawa", "Honda"),
    ("Gagnon Hyundai", "QC", "Laval", "Hyundai"),
    ("Lakeshore Ford", "ON", "Mississauga", "Ford"),
    ("Boulevard Mazda", "QC", "Montréal", "Mazda"),
    ("Kingsway Kia", "ON", "Toronto", "Kia"),
    ("Estrie Subaru", "QC", "Sherbrooke", "Subaru"),
    ("Forest City Chevrolet", "ON", "London", "Chevrolet"),
    ("Mauricie Nissan", "QC", "Trois-Rivières", "Nissan"),
    ("Grand River Volkswagen", "ON", "Kitchener", "Volkswagen"),
    ("Outaouais Honda", "QC", "Gatineau", "Honda"),
    ("Steeltown Toyota", "ON", "Hamilton", "Toyota"),
)
# Staff without a demo login, per dealership: their lead slot and head count.
_STAFF = {
    "bdc": 3,
    "advisors": 4,
    "commercial": 1,
    "service_advisors": 2,
    "service_agents": 1,
}


@dataclass(frozen=True, eq=False)
class Dealership:
    """An account and the ids of the staff who fill its leads' user slots."""

    account_id: int
    number: int
    province: str
    city: vocab.City
    brand: str
    managers: tuple[int, ...]
    bdc: tuple[int, ...]
    advisors: tuple[int, ...]
    commercial: tuple[int, ...]
    service_advisors: tuple[int, ...]
    service_agents: tuple[int, ...]
    names: dict[int, str]  # full names by id: who sold a vehicle


def _plan(count: int) -> list[tuple[str, str, vocab.City, str]]:
    """(name, province, home city, brand) of dealerships 1 to `count`."""
    cities = {city.name: city for city in vocab.QUEBEC_CITIES + vocab.ONTARIO_CITIES}
    plan = [(name, prov, cities[city], brand) for name, prov, city, brand in _NAMED]
    taken = {name for name, *_ in plan}
    index = 0
    while len(plan) < count:
        province = ("QC", "ON")[index % 2]
        provincial = vocab.CITIES[province]
        # Every city gets every brand once a round, in a shifting order.
        round_, spot = divmod(index // 2, len(provincial) * len(BRANDS))
        shift, city_index = divmod(spot, len(provincial))
        city = provincial[city_index]
        brand = BRANDS[(city_index + shift) % len(BRANDS)]
        name = f"{city.name} {brand}" + (f" {round_ + 1}" if round_ else "")
        if name not in taken:
            plan.append((name, province, city, brand))
            taken.add(name)
        index += 1
    return plan[:count]


def _next_number() -> int:
    """The number after the highest demo login's, so usernames stay unique."""
    usernames = User.objects.filter(username__regex=_DEMO_LOGIN.pattern)
    numbers = [
        int(_DEMO_LOGIN.match(name)[2])
        for name in usernames.values_list("username", flat=True)
    ]
    return max(numbers, default=0) + 1


def create_dealerships(count: int, rng, password: str):
    """Make `count` dealerships and their staff; return them and the user count.

    `password` is the demo logins' hashed password.
    """
    people = PeopleMaker(rng)
    first = _next_number()
    plan = _plan(first + count - 1)[first - 1 :]
    manager_role = Group.objects.get(name=roles.MANAGER)
    agent_role = Group.objects.get(name=roles.BDC_AGENT)
    users, memberships, made = [], [], []
    for number, (name, province, city, brand) in enumerate(plan, start=first):
        account = Account.objects.create(
            name=name,
            locale="fr" if province == "QC" else "en",
            country="CA",
            province=province,
            time_zone="America/Toronto",
        )
        domain = vocab.ascii_slug(name) + ".ca"
        names = _staff_names(people, province, 2 + sum(_STAFF.values()))
        manager = _user(account, domain, names[0], f"manager{number}", password)
        agent = _user(account, domain, names[1], f"agent{number}", password)
        memberships += [(manager, manager_role), (agent, agent_role)]
        slots = {"managers": [manager], "bdc": [agent]}
        others = iter(names[2:])
        for slot, head_count in _STAFF.items():
            for _ in range(head_count):
                user = _user(account, domain, next(others))
                slots.setdefault(slot, []).append(user)
                if slot == "bdc":
                    memberships.append((user, agent_role))
        users += [user for members in slots.values() for user in members]
        made.append((account, number, province, city, brand, slots))
    User.objects.bulk_create(users)
    User.groups.through.objects.bulk_create(
        User.groups.through(user_id=user.pk, group_id=group.pk)
        for user, group in memberships
    )
    return [_dealership(*parts) for parts in made], len(users)


def _user(account, domain, name, username=None, password=None) -> User:
    """A staff member; only the demo logins may sign in (to the admin)."""
    first_name, last_name, mailbox = name
    email = f"{mailbox}@{domain}"
    return User(
        username=username or email,
        first_name=first_name,
        last_name=last_name,
        email=email,
        account=account,
        is_staff=password is not None,
        password=password or make_password(None),
    )


def _dealership(account, number, province, city, brand, slots) -> Dealership:
    def ids(slot):
        return tuple(user.pk for user in slots[slot])

    return Dealership(
        account_id=account.pk,
        number=number,
        province=province,
        city=city,
        brand=brand,
        managers=ids("managers"),
        bdc=ids("bdc"),
        advisors=ids("advisors"),
        commercial=ids("commercial"),
        service_advisors=ids("service_advisors"),
        service_agents=ids("service_agents"),
        names={
            user.pk: user.get_full_name()
            for members in slots.values()
            for user in members
        },
    )


def _staff_names(people, province, count) -> list[tuple[str, str, str]]:
    """`count` different (first name, last name, mailbox) of local staff."""
    names, mailboxes = [], set()
    while len(names) < count:
        sex = "F" if people.random() < 0.5 else "M"
        first, last = people.name(people.language(province), sex)
        mailbox = f"{vocab.ascii_slug(first)}.{vocab.ascii_slug(last)}"
        if mailbox not in mailboxes:
            mailboxes.add(mailbox)
            names.append((first, last, mailbox))
    return names


def create_admin(password: str) -> int:
    """Create the `admin` superuser unless it exists; return how many were made."""
    _, created = User.objects.get_or_create(
        username=ADMIN_USERNAME,
        defaults={
            "email": "admin@example.com",
            "is_staff": True,
            "is_superuser": True,
            "password": password,
        },
    )
    return int(created)


def demo_logins() -> list[tuple[str, str, str]]:
    """(username, role, dealership) of every demo login in the database."""
    users = User.objects.filter(
        Q(username=ADMIN_USERNAME) | Q(username__regex=_DEMO_LOGIN.pattern)
    ).select_related("account")
    logins = []
    for user in users:
        match = _DEMO_LOGIN.match(user.username)
        if match is None:
            logins.append(((0, 0), user.username, "superuser", "every dealership"))
            continue
        kind, number = match[1], int(match[2])
        role = roles.MANAGER if kind == "manager" else roles.BDC_AGENT
        dealership = user.account.name if user.account else ""
        order = (number, kind != "manager")
        logins.append((order, user.username, role, dealership))
    return [login[1:] for login in sorted(logins)]
