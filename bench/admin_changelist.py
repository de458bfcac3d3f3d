"""The lead changelist against the page's own SQL run directly.

Product: GET the changelist through Django's test client, rendering
included, as a BDC agent of a dealership of about 100,000 leads and as a
superuser over every lead. Floor: the statements that request ran, captured
with CaptureQueriesContext, replayed through a raw psycopg cursor with every
row fetched.

A reference case, the admin's index page for the same agent, shows what any
admin page costs beside its SQL (the user, permissions and app list): it is
not part of the goal. Each page is also printed against its SQL plus that
fixed cost, a floor the goal could be restated on.

Filtered means division=service & segment=service, the largest
division+segment pair (about 10% of leads): a dealership's pair has about
100 pages, so the agent's deep filtered page is its last one.

Sessions are signed cookies and last_login is left alone, so the benchmark
itself writes nothing to the shared database; a database session adds one
primary-key lookup to product and floor alike.
"""

import math
import os
import statistics

from common import ensure_leads, interleaved, peak_rss_mb, report
from django.conf import settings
from django.contrib.auth.models import update_last_login
from django.contrib.auth.signals import user_logged_in
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts import roles
from accounts.models import Account, User
from leads.models import Lead

URL = "/admin/leads/lead/"
INDEX_URL = "/admin/"
REFERENCE = "reference: agent admin index"
FILTER = {"division": "service", "segment": "service"}
FILTER_QUERY = "division=service&segment__exact=service"
DEEP_PAGE = 500
PER_PAGE = 100  # the admin's default list_per_page
REPEATS = int(os.environ.get("BENCH_REPEATS", 7))
GOAL = 1.5


def logged_in_client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def agent_of_a_100k_dealership() -> User:
    sizes = Account.objects.annotate(size=Count("leads")).values_list("id", "size")
    account_id, _ = min(sizes, key=lambda size: abs(size[1] - 100_000))
    return User.objects.filter(
        account_id=account_id, groups__name=roles.BDC_AGENT
    ).earliest("id")


def deepest_page(leads) -> int:
    return min(DEEP_PAGE, math.ceil(leads.count() / PER_PAGE))


def cases() -> list[tuple[str, Client, str]]:
    agent = agent_of_a_100k_dealership()
    admin = User.objects.filter(is_superuser=True).earliest("id")
    agent_leads = Lead.objects.filter(account_id=agent.account_id)
    agent_deep = deepest_page(agent_leads.filter(**FILTER))
    admin_deep = deepest_page(Lead.objects.filter(**FILTER))
    print(
        f"agent {agent.username}: {agent_leads.count():,} leads; "
        f"superuser {admin.username}: all {Lead.objects.count():,}"
    )
    as_agent, as_admin = logged_in_client(agent), logged_in_client(admin)
    return [
        (REFERENCE, as_agent, INDEX_URL),
        ("agent unfiltered p1", as_agent, ""),
        (f"agent unfiltered p{DEEP_PAGE}", as_agent, f"?p={DEEP_PAGE}"),
        ("agent filtered p1", as_agent, f"?{FILTER_QUERY}"),
        (f"agent filtered p{agent_deep}", as_agent, f"?{FILTER_QUERY}&p={agent_deep}"),
        ("superuser unfiltered p1", as_admin, ""),
        (f"superuser unfiltered p{DEEP_PAGE}", as_admin, f"?p={DEEP_PAGE}"),
        ("superuser filtered p1", as_admin, f"?{FILTER_QUERY}"),
        (
            f"superuser filtered p{admin_deep}",
            as_admin,
            f"?{FILTER_QUERY}&p={admin_deep}",
        ),
    ]


def product(client: Client, url: str):
    def run():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return response

    return run


def floor(statements: list[str]):
    def run():
        connection.ensure_connection()
        with connection.connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
                if cursor.description is not None:
                    cursor.fetchall()

    return run


def main():
    ensure_leads()
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"
    user_logged_in.disconnect(update_last_login, dispatch_uid="update_last_login")
    timed, statements_of = {}, {}
    for name, client, query in cases():
        url = query if query.startswith("/") else f"{URL}{query}"
        product(client, url)()  # warm caches before capturing
        with CaptureQueriesContext(connection) as queries:
            product(client, url)()
        statements_of[name] = [query["sql"] for query in queries]
        timed[name] = product(client, url)
        timed[f"{name} floor"] = floor(statements_of[name])
    timings = interleaved(timed, repeats=REPEATS)
    median = {name: statistics.median(runs) for name, runs in timings.items()}
    # What any admin page costs beside its SQL, from the reference page.
    fixed = median[REFERENCE] - median[f"{REFERENCE} floor"]
    for name, statements in statements_of.items():
        pair = {name: timings[name], "floor": timings[f"{name} floor"]}
        if name == REFERENCE:
            report(f"{name}: {len(statements)} queries", pair, floor="floor", goal=None)
            print(f"  the admin's fixed cost: {fixed * 1000:.1f} ms beside the SQL")
            continue
        report(f"{name}: {len(statements)} queries", pair, floor="floor", goal=GOAL)
        with_fixed = median[name] / (median[f"{name} floor"] + fixed)
        print(f"  against its SQL plus the admin's fixed cost: {with_fixed:.2f}x")
    if os.environ.get("BENCH_SHOW_SQL"):
        for name, statements in statements_of.items():
            print(f"\n-- {name}")
            for statement in statements:
                print(f"{statement[:300]};")
    print(f"\npeak RSS {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
