"""GET /api/v2/leads?per_page=100 in-process, against the `.values()` +
orjson floor (bench/api_floor.py) building the same body.

Product: the request through Django's test client (middleware, Bearer token
auth, role permissions, throttling, filters, pagination with its COUNT, the
read path of leads.api.reads, orjson), as a BDC agent of a dealership
of about 100,000 leads. Also timed, for scale: the dealership's COUNT alone
(part of both) and LeadSerializer over a prefetched page rendered by DRF's
JSONRenderer (the reference, as the API served reads before).

The throttle rate is raised (its bookkeeping still runs) and the token lives
in a scratch schema (bench/api_auth.py): nothing is written to the shared
tables.
"""

import json
import os

import common  # first: Django is set up on import
from api_auth import create_token, drop_schema, use_scratch_schema
from api_floor import page_body
from django.conf import settings
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext
from rest_framework.renderers import JSONRenderer

from accounts import roles
from accounts.models import Account, User
from leads.api.serializers import LeadSerializer
from leads.models import Lead

SCHEMA = "bench_api_page"
URL = "/api/v2/leads"
PER_PAGE = 100
REPEATS = int(os.environ.get("BENCH_REPEATS", 15))
GOAL = 2.0


def agent_of_a_100k_dealership() -> User:
    sizes = Account.objects.annotate(size=Count("leads")).values_list("id", "size")
    account_id, _ = min(sizes, key=lambda size: abs(size[1] - 100_000))
    return User.objects.filter(
        account_id=account_id, groups__name=roles.BDC_AGENT
    ).earliest("id")


def reference_body(account_id: int, per_page: int) -> bytes:
    leads = Lead.objects.filter(account_id=account_id)
    leads.count()
    page = leads.with_related().newest_first()[:per_page]
    return JSONRenderer().render(LeadSerializer(page, many=True).data)


def main():
    settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["user"] = "1000000/second"
    use_scratch_schema(SCHEMA)
    common.ensure_leads()
    agent = agent_of_a_100k_dealership()
    account_id = agent.account_id
    client = Client(HTTP_AUTHORIZATION=f"Bearer {create_token(SCHEMA, agent.id)}")
    try:
        run(client, account_id)
    finally:
        drop_schema(SCHEMA)


def run(client, account_id):
    total = Lead.objects.filter(account_id=account_id).count()
    print(f"GET {URL}?per_page={PER_PAGE} as a BDC agent of {total:,} leads")

    def product(per_page=PER_PAGE):
        response = client.get(URL, {"per_page": per_page})
        assert response.status_code == 200, response.content[:300]
        return response.content

    def floor():
        url = f"http://testserver{URL}?page=1&per_page={PER_PAGE}"
        return page_body(account_id, 1, PER_PAGE, url)

    assert json.loads(product()) == json.loads(floor()), "floor differs from API"
    for per_page in (1, 25, 100):
        with CaptureQueriesContext(connection) as queries:
            product(per_page)
        print(f"  queries at per_page={per_page:<3}: {len(queries)}")
    for query in queries:
        print(f"    {query['sql'][:100]}")

    cases = {
        "floor (.values() + orjson)": floor,
        "product (GET, test client)": product,
        "LeadSerializer page (old path)": lambda: reference_body(account_id, PER_PAGE),
        "COUNT alone (in both)": Lead.objects.filter(account_id=account_id).count,
    }
    timings = common.interleaved(cases, repeats=REPEATS)
    common.report(
        f"GET {URL}?per_page={PER_PAGE}, {REPEATS} interleaved runs",
        timings,
        floor="floor (.values() + orjson)",
        goal=GOAL,
    )
    print(f"  peak RSS {common.peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
