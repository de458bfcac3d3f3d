"""GET /api/v2/leads?per_page=25 over HTTP: the product against a plain
Django view serving the same body (bench/http_urls.py), both from one
gunicorn (2 sync workers) on loopback, loaded by `wrk` with 8 connections.

Sides take turns, ROUNDS times, for SECONDS each; the medians of requests/s
and of p95 latency are reported, the verdict is the median of each round's
product/floor ratio, and every non-2xx answer or socket error counts as an
error. The product authenticates with a Bearer token (kept in
a scratch schema, bench/api_auth.py) as a BDC agent of a dealership of about
100,000 leads; its throttle rate is raised, its bookkeeping still runs.
"""

import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

import common  # first: Django is set up on import
from api_auth import create_token, drop_schema
from api_page import agent_of_a_100k_dealership

PER_PAGE = 25
CONNECTIONS = 8
SECONDS = int(os.environ.get("BENCH_SECONDS", 10))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", 4))
GOAL = 0.5  # of the floor's requests/s
SCHEMA = "bench_api_http"  # as bench/http_settings.py
# wrk's summary, one line: requests, microseconds, errors, p50 and p95.
WRK_REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d\\n", summary.requests,
    summary.duration, e.connect + e.read + e.write + e.timeout + e.status,
    latency:percentile(50), latency:percentile(95)))
end
"""


def ensure_wrk() -> str:
    if not shutil.which("wrk"):
        if os.geteuid() != 0:
            sys.exit("api_http needs wrk: apt-get install wrk")
        print("installing wrk (apt)...")
        quiet = {"check": True, "stdout": subprocess.DEVNULL}
        subprocess.run(["apt-get", "update", "-qq"], **quiet)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], **quiet)
    return shutil.which("wrk")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(port: int, log) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "http_settings",
        "API_THROTTLE_RATE": "1000000/second",
    }
    command = [
        f"{sys.prefix}/bin/gunicorn", "config.wsgi", "--workers", "2",
        "--bind", f"127.0.0.1:{port}", "--pythonpath", "bench",
    ]  # fmt: skip
    server = subprocess.Popen(
        command, cwd=common.PROJECT, env=env, stdout=log, stderr=log
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    sys.exit("gunicorn did not answer within 30 s")


def get(url: str, token: str | None = None) -> bytes:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as r:
        assert r.status == 200, f"{url} answered {r.status}"
        return r.read()


def load(wrk: str, script: str, url: str, seconds: int, token: str | None):
    """(requests/s, p50 ms, p95 ms, errors) of `seconds` of load on `url`."""
    command = [wrk, "-t1", f"-c{CONNECTIONS}", f"-d{seconds}s", "-s", script]
    if token:
        command += ["-H", f"Authorization: Bearer {token}"]
    output = subprocess.run(
        [*command, url], capture_output=True, text=True, check=True
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("RESULT"))
    requests, micros, errors, p50, p95 = map(int, line.split()[1:])
    return requests / micros * 1e6, p50 / 1000, p95 / 1000, errors


def main():
    wrk = ensure_wrk()
    common.ensure_leads()
    agent = agent_of_a_100k_dealership()
    token = create_token(SCHEMA, agent.id)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    urls = {
        "floor (plain view, .values())": f"{base}/floor/leads?account="
        f"{agent.account_id}&per_page={PER_PAGE}",
        "product (GET /api/v2/leads)": f"{base}/api/v2/leads?per_page={PER_PAGE}",
    }
    tokens = {name: token if "product" in name else None for name in urls}
    with tempfile.TemporaryDirectory() as scratch:
        script = f"{scratch}/report.lua"
        with open(script, "w") as file:
            file.write(WRK_REPORT)
        log = open(f"{scratch}/gunicorn.log", "w")  # noqa: SIM115 (outlives the with)
        server = start_gunicorn(port, log)
        try:
            bodies = [json.loads(get(urls[n], tokens[n])) for n in urls]
            assert bodies[0] == bodies[1], "the floor view's body differs"
            run(wrk, script, urls, tokens)
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
            drop_schema(SCHEMA)
            log.close()


def run(wrk, script, urls, tokens):
    print(
        f"GET /api/v2/leads?per_page={PER_PAGE} under gunicorn (2 sync workers), "
        f"wrk -c{CONNECTIONS}, {ROUNDS} rounds of {SECONDS} s per side"
    )
    for name, url in urls.items():  # warm both workers' caches and pools
        load(wrk, script, url, 2, tokens[name])
    results = {name: [] for name in urls}
    for round_ in range(ROUNDS):
        # Alternate which side goes first, so neither always follows the other.
        for name in list(urls)[:: 1 if round_ % 2 == 0 else -1]:
            results[name].append(load(wrk, script, urls[name], SECONDS, tokens[name]))
    medians = {}
    for name, runs in results.items():
        rates, p50s, p95s, errors = zip(*runs, strict=True)
        medians[name] = statistics.median(rates)
        print(
            f"  {name:<31} {medians[name]:7.1f} req/s (rounds: "
            f"{', '.join(f'{rate:.0f}' for rate in rates)})   "
            f"p50 {statistics.median(p50s):6.1f} ms   "
            f"p95 {statistics.median(p95s):6.1f} ms   errors {sum(errors)}"
        )
    # Load from other processes drifts: each round's pair shares its state.
    floor_runs, product_runs = results.values()
    shares = [p[0] / f[0] for f, p in zip(floor_runs, product_runs, strict=True)]
    share = statistics.median(shares)
    print(f"  product/floor per round: {', '.join(f'{s:.0%}' for s in shares)}")
    failed = sum(run[3] for runs in results.values() for run in runs)
    verdict = "meets" if share >= GOAL and not failed else "MISSES"
    print(
        f"  -> product: {share:.0%} of the floor's requests/s, goal >= {GOAL:.0%} "
        f"with no errors: {verdict}"
    )


if __name__ == "__main__":
    main()
