"""Schemathesis fuzzes the API through its own OpenAPI schema, on a live
server: no 5xx, every response as documented, auth enforced."""

import os
import re
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from rest_framework.authtoken.models import Token
from rest_framework.throttling import UserRateThrottle

from accounts import roles
from tests.factories import (
    AccountFactory,
    LeadEmailFactory,
    LeadFactory,
    LeadPhoneFactory,
    LeadVehicleFactory,
    UserFactory,
)

SCHEMATHESIS = Path(__file__).resolve().parent.parent / ".venv" / "bin" / "st"
# Bounded so `make test` stays quick: examples per operation, and a hard cap.
# The fixed seed replays the same cases each time; `make fuzz` (scripts/fuzz)
# sets a fresh one, more of both, and a directory that keeps the output.
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", 20))
BUDGET_SECONDS = int(os.environ.get("FUZZ_SECONDS", 150))
SEED = int(os.environ.get("FUZZ_SEED", 2026))
REPORT_DIR = os.environ.get("FUZZ_REPORT_DIR")


@pytest.fixture
def token(monkeypatch):
    # The fuzzer sends thousands of requests; 429s would starve it.
    monkeypatch.setattr(UserRateThrottle, "THROTTLE_RATES", {"user": "100000/minute"})
    account = AccountFactory(name="Fuzzed Motors")
    agent = UserFactory(account=account, username="fuzzer", is_staff=True)
    agent.groups.add(Group.objects.get(name=roles.BDC_AGENT))
    for _ in range(3):
        lead = LeadFactory(account=account, bdc=agent)
        LeadEmailFactory(lead=lead)
        LeadPhoneFactory(lead=lead)
        LeadVehicleFactory(lead=lead)
    return Token.objects.create(user=agent).key


# The live server needs committed data; serialized rollback restores the
# roles migration's groups that the flush afterwards would lose.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fuzzed_api_never_errors_and_matches_its_schema(live_server, token, tmp_path):
    report_dir = Path(REPORT_DIR) if REPORT_DIR else tmp_path
    report_dir.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [
            str(SCHEMATHESIS),
            "--config-file",
            str(Path(__file__).parent / "schemathesis.toml"),
            "run",
            f"{live_server.url}/api/v2/schema/",
            "--checks",
            "all",
            "--header",
            f"Authorization: Bearer {token}",
            "--max-examples",
            str(EXAMPLES),
            "--max-time",
            str(BUDGET_SECONDS),
            "--workers",
            "1",
            "--seed",
            str(SEED),
            "--generation-database",
            "none",
            "--report-dir",
            str(report_dir),
        ],
        cwd=report_dir,  # schemathesis keeps state in its working directory
        capture_output=True,
        text=True,
        timeout=BUDGET_SECONDS + 120,
    )
    output = result.stdout + result.stderr
    (report_dir / "output.txt").write_text(output)

    assert result.returncode == 0, output[-6000:]
    selected = re.search(r"Selected: (\d+)/(\d+)\s+Tested: (\d+)", output)
    assert selected, output[-3000:]
    # Every operation of the schema was exercised, none left out by time.
    assert selected[1] == selected[2] == selected[3], output[-3000:]
    print(output[output.find("SUMMARY") :])
