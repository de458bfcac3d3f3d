"""ADF documents over HTTP under gunicorn, with a worker reading them,
against POST /api/v2/leads of the same leads in the same run.

Both are posted from 8 client threads to one gunicorn (2 sync workers):
DOCUMENTS ADF documents, each its own lead id, to a channel's address,
then as many JSON leads to the API. Reported: requests answered per
second on each side (goal: ADF at least half of the API's), and for the
documents the time from accepted (stored) to lead visible (read), p50
and p95, from the database's own clocks. The worker runs throughout, on
the same two cores: reading competes with accepting, as in production.

The leads land in a dealership of their own, deleted afterwards.
"""

import http.client
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid

import common  # first: Django is set up on import
from api_auth import create_token, drop_schema
from api_http import free_port, start_gunicorn
from auditlog.models import LogEntry
from django.contrib.auth.models import Group

from accounts import roles
from accounts.models import Account, User
from leads.intake.channel_secrets import secret_of_address
from leads.intake.channels import create_channel
from leads.intake.models import IntakeChannel, IntakeDocument, IntakeLead
from leads.models import Lead

DOCUMENTS = int(os.environ.get("BENCH_DOCUMENTS", 10_000))
CONNECTIONS = 8
GOAL = 0.5
SCHEMA = "bench_api_http"  # the scratch token schema bench/http_settings.py uses
ADF = """<?xml version="1.0"?><?adf version="1.0"?><adf><prospect>
<id source="bench">LEADID</id><vehicle interest="buy" status="used"><year>2021</year>
<make>Toyota</make><model>RAV4</model></vehicle><vehicle interest="trade-in">
<year>2012</year><make>Honda</make><model>Civic</model></vehicle><customer><contact>
<name part="first">Marie</name><name part="last">LEADID</name>
<email>marie.LEADID@example.ca</email><phone type="cellphone">514-555-0188</phone>
</contact><comments>Is it still available?</comments></customer></prospect></adf>"""
LEAD = {
    "type": "email",
    "first_name": "Marie",
    "last_name": "LEADID",
    "source": "bench",
    "comment": "Is it still available?",
    "division": "used",
    "emails": [{"type": "home", "address": "marie.LEADID@example.ca"}],
    "phones": [{"type": "mobile", "number": "514-555-0188"}],
    "vehicles": [
        {"type": "wanted", "year": 2021, "make": "Toyota", "model": "RAV4"},
        {"type": "exchange", "year": 2012, "make": "Honda", "model": "Civic"},
    ],
}


def bench_dealership() -> tuple[Account, User]:
    account = Account.objects.create(name="Bench Intake Motors")
    agent = User.objects.create_user(
        username=f"bench-intake-{account.pk}", account=account, is_staff=True
    )
    agent.groups.add(*roles_groups())
    return account, agent


def roles_groups():
    return Group.objects.filter(name=roles.BDC_AGENT)


def post_all(url: str, template: str, token: str | None):
    """(requests/s, requests, errors) of DOCUMENTS posts of `template` to
    `url` from CONNECTIONS threads, each lead with its own id."""
    target = urllib.parse.urlsplit(url)
    headers = {"Content-Type": "application/json" if token else "application/xml"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    numbers = iter(range(DOCUMENTS))
    lock = threading.Lock()
    errors = []

    def post_until_done():
        while True:
            with lock:
                number = next(numbers, None)
            if number is None:
                return
            body = template.replace("LEADID", f"{number}-{uuid.uuid4().hex[:8]}")
            # A connection a request: gunicorn's sync workers close each one.
            connection = http.client.HTTPConnection(target.hostname, target.port)
            try:
                connection.request("POST", target.path, body.encode(), headers)
                status = connection.getresponse().status
                if status >= 300:
                    errors.append(status)
            except OSError as error:
                errors.append(str(error))
            finally:
                connection.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=post_until_done) for _ in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return DOCUMENTS / (time.perf_counter() - started), DOCUMENTS, len(errors)


def read_latencies(account: Account, expected: int) -> list[float]:
    """Seconds from stored to read, for every document, once all are read."""
    deadline = time.monotonic() + 900
    documents = IntakeDocument.objects.filter(account=account)
    while documents.filter(read_at__isnull=True).exists():
        if time.monotonic() > deadline:
            sys.exit("the worker did not read every document within 15 minutes")
        time.sleep(0.5)
    return [
        (read_at - received_at).total_seconds()
        for received_at, read_at in documents.values_list("received_at", "read_at")
    ]


def main():
    common.ensure_leads()
    account, agent = bench_dealership()
    channel, addresses = create_channel(account=account, provider="bench")
    token = create_token(SCHEMA, agent.id)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as scratch:
        log = open(f"{scratch}/gunicorn.log", "w")  # noqa: SIM115 (outlives the with)
        server = start_gunicorn(port, log)
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "procrastinate", "worker"],
            cwd=common.PROJECT,
            stdout=log,
            stderr=log,
        )
        try:
            adf_url = f"{base}/intake/adf/{secret_of_address(addresses.email)}"
            adf_rate, adf_count, adf_errors = post_all(adf_url, ADF, None)
            latencies = read_latencies(account, adf_count)
            api_rate, api_count, api_errors = post_all(
                f"{base}/api/v2/leads", json.dumps(LEAD), token
            )
        finally:
            worker.send_signal(signal.SIGTERM)
            server.send_signal(signal.SIGTERM)
            worker.wait(timeout=60)
            server.wait(timeout=30)
            log.close()
            drop_schema(SCHEMA)
            cleanup(account)
    report(adf_rate, adf_count, adf_errors, api_rate, api_count, api_errors, latencies)


def report(adf_rate, adf_count, adf_errors, api_rate, api_count, api_errors, lat):
    quantiles = statistics.quantiles(lat, n=100)
    print(
        f"ADF over HTTP, {adf_count} documents, {CONNECTIONS} clients, a worker reading"
    )
    print(f"  POST /intake/adf/<secret>  {adf_rate:7.1f} req/s   errors {adf_errors}")
    print(f"  POST /api/v2/leads         {api_rate:7.1f} req/s   errors {api_errors}")
    share = adf_rate / api_rate
    clean = not (adf_errors or api_errors)
    verdict = "meets" if share >= GOAL and clean else "MISSES"
    print(
        f"  -> ADF accepted at {share:.0%} of the API's, goal >= {GOAL:.0%}: {verdict}"
    )
    print(
        f"  accepted to lead visible: p50 {statistics.median(lat):.2f} s, "
        f"p95 {quantiles[94]:.2f} s (no goal yet)"
    )


def cleanup(account: Account) -> None:
    """The benchmark's dealership and all it received, gone."""
    IntakeLead.objects.filter(channel__account=account).delete()
    IntakeDocument.objects.filter(account=account).delete()
    IntakeChannel.objects.filter(account=account).delete()
    Lead.objects.filter(account=account).delete()
    LogEntry.objects.filter(additional_data__account_id=account.pk).delete()
    User.objects.filter(account=account).delete()
    account.delete()


if __name__ == "__main__":
    main()
