"""What every benchmark shares: Django set up on the benchmark database, a
million demo leads (seeded once, then reused), and timing that runs the
product and its floor interleaved, so both see the same machine state."""

import os
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402  (the path and settings module come first)

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

LEADS = int(os.environ.get("BENCH_LEADS", 1_000_000))


def ensure_leads(total: int = LEADS) -> int:
    """Migrate, and top the database up to `total` demo leads."""
    call_command("migrate", verbosity=0)
    from leads.models import Lead

    present = Lead.objects.count()
    if present < total:
        print(f"seeding {total - present:,} leads (once; the cluster is kept)...")
        call_command("seed_demo", accounts=10, leads=total - present, verbosity=0)
        # As autovacuum would in time: the visibility map lets the lists'
        # index-only scans skip the table, and the statistics are fresh.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    return max(present, total)


def interleaved(
    cases: dict[str, Callable[[], object]], repeats: int = 7, warmup: int = 1
) -> dict[str, list[float]]:
    """Seconds of each run of each case, the cases taking turns."""
    for _ in range(warmup):
        for run in cases.values():
            run()
    timings = {name: [] for name in cases}
    for _ in range(repeats):
        for name, run in cases.items():
            start = time.perf_counter()
            run()
            timings[name].append(time.perf_counter() - start)
    return timings


def report(
    title: str, timings: dict[str, list[float]], floor: str, goal: float | None
) -> float:
    """Print medians and the ratio of each case to the floor; return the
    product's ratio (the first non-floor case)."""
    medians = {name: statistics.median(runs) for name, runs in timings.items()}
    print(f"\n{title}")
    for name, median in medians.items():
        ratio = median / medians[floor]
        print(f"  {name:<34} median {median * 1000:9.1f} ms   {ratio:5.2f}x floor")
    product = next(name for name in medians if name != floor)
    ratio = medians[product] / medians[floor]
    if goal is None:
        print(f"  -> {product}: {ratio:.2f}x the floor (a reference: no goal)")
    else:
        verdict = "meets" if ratio <= goal else "MISSES"
        print(f"  -> {product}: {ratio:.2f}x the floor, goal <= {goal:.1f}x: {verdict}")
    return ratio


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux: KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
