import random
import time

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from accounts.models import Account
from leads.demo.dealerships import (
    DEMO_PASSWORD,
    create_admin,
    create_dealerships,
    demo_logins,
)
from leads.demo.generate import LeadGenerator
from leads.demo.writers import write_leads
from leads.models import LeadEmail, LeadPhone, LeadVehicle

# Smaller runs finish before progress lines would help.
PROGRESS_FROM = 20_000


class Command(BaseCommand):
    help = (
        "Add demo dealerships in Quebec and Ontario, their staff and realistic "
        "leads, then print the demo logins. The same --seed gives the same data."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--accounts", type=int, default=3, help="Dealerships to add (default 3)."
        )
        parser.add_argument(
            "--leads",
            type=int,
            default=2000,
            help="Leads in total, spread over the new dealerships (default 2000).",
        )
        parser.add_argument(
            "--seed", type=int, default=2026, help="Random seed (default 2026)."
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Add nothing if any dealership exists; still print the logins.",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=10_000,
            help="Leads made and written at a time (default 10000).",
        )

    def handle(self, *, accounts, leads, seed, if_empty, batch_size, **options):
        if accounts < 1:
            raise CommandError("--accounts must be at least 1.")
        if leads < 0:
            raise CommandError("--leads cannot be negative.")
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        if if_empty and Account.objects.exists():
            self.stdout.write("Dealerships already exist: no demo data added.")
        else:
            self.seed(accounts, leads, seed, batch_size)
        self.print_logins()

    def seed(self, accounts, leads, seed, batch_size):
        started = time.monotonic()
        self.stdout.write(
            f"Adding {_count(accounts, 'dealership')} and {_count(leads, 'lead')} "
            f"(seed {seed})..."
        )
        rng = random.Random(seed)
        # PBKDF2 takes a good part of a second: hash once for every login.
        password = make_password(DEMO_PASSWORD)
        # On the hour, so runs within the same hour make the same data.
        now = timezone.now().replace(minute=0, second=0, microsecond=0)
        with transaction.atomic():
            dealerships, users = create_dealerships(accounts, rng, password)
            users += create_admin(password)
            written = write_leads(
                LeadGenerator(dealerships, rng, now=now, total=leads),
                leads,
                batch_size=batch_size,
                on_batch=self.progress(leads) if leads >= PROGRESS_FROM else None,
            )
        seconds = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Added {_count(accounts, 'dealership')}, {_count(users, 'user')}, "
                f"{_count(leads, 'lead')}, {_count(written[LeadEmail], 'email')}, "
                f"{_count(written[LeadPhone], 'phone')} and "
                f"{_count(written[LeadVehicle], 'vehicle')} in {seconds:.1f} s."
            )
        )

    def progress(self, total):
        """A callback printing a line at each tenth of the way."""
        printed = 0

        def report(done, seconds):
            nonlocal printed
            tenth = done * 10 // total
            if tenth > printed:
                printed = tenth
                self.stdout.write(
                    f"  {done:>11,} leads {done * 100 // total:>3}%  "
                    f"{seconds:7.1f} s  {done / seconds:,.0f} leads/s"
                )

        return report

    def print_logins(self):
        self.stdout.write(f"\nDemo logins (password: {DEMO_PASSWORD})")
        for username, role, dealership in demo_logins():
            self.stdout.write(f"  {username:<12} {role:<10} {dealership}")


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"
