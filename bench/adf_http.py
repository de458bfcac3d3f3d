"""ADF documents over HTTP under gunicorn, with a worker reading them,
against POST /api/v2/leads of the same leads in the same run.

Both are posted by wrk (8 connections) to one gunicorn (2 sync workers):
DOCUMENTS ADF documents, each its own lead id, to a channel's address,
then as many JSON leads to the API. Reported: requests answered per
second on each side (goal: ADF at least half of the API's), and for the
documents the time from accepted (stored) to lead visible (read), p50
and p95, from the database's own clocks. The worker runs throughout, on
the same two cores: reading competes with accepting, as in production.

The leads land in a dealership of their own, deleted afterwards.
"""

import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time

import common  # first: Django is set up on import
from api_auth import create_token, drop_schema
from api_http import ensure_wrk, free_port, start_gunicorn
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
# One request a lead, each with its own id, until `total` were answered.
WRK_SCRIPT = """
local counter, answered, total = 0, 0, {total}
local template = [[{template}]]
request = function()
  counter = counter + 1
  local id = tostring(counter) .. "-" .. tostring(math.random(1, 1e9))
  return wrk.format("POST", nil, nil, (template:gsub("LEADID", id)))
end
response = function(status, headers, body)
  answered = answered + 1
  if answered >= total then wrk.thread:stop() end
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d\\n", summary.requests,
    summary.duration, e.connect + e.read + e.write + e.timeout + e.status))
end
"""
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


def post_all(wrk: str, url: str, template: str, token: str | None, scratch: str):
    """(requests/s, errors) of DOCUMENTS posts of `template` to `url`."""
    script = f"{scratch}/post.lua"
    with open(script, "w") as file:
        file.write(
            WRK_SCRIPT.replace("{total}", str(DOCUMENTS // CONNECTIONS)).replace(
                "{template}", template
            )
        )
    content_type = "application/json" if token else "application/xml"
    command = [
        wrk, f"-t{CONNECTIONS}", f"-c{CONNECTIONS}", "-d600s", "-s", script,
        "-H", f"Content-Type: {content_type}",
    ]  # fmt: skip
    if token:
        command += ["-H", f"Authorization: Bearer {token}"]
    output = subprocess.run(
        [*command, url], capture_output=True, text=True, check=True
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("RESULT"))
    requests, micros, errors = map(int, line.split()[1:])
    return requests / micros * 1e6, requests, errors


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
    wrk = ensure_wrk()
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
            adf_rate, adf_count, adf_errors = post_all(wrk, adf_url, ADF, None, scratch)
            latencies = read_latencies(account, adf_count)
            api_rate, api_count, api_errors = post_all(
                wrk, f"{base}/api/v2/leads", json.dumps(LEAD), token, scratch
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
        f"ADF over HTTP, {adf_count} documents, wrk -c{CONNECTIONS}, a worker reading"
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
