"""Benchmarks of the foundation pages on the `styr generate` data set (100 × 300).

    make bench              # or: .venv/bin/python bench/run.py [--organisations N]

Builds var/bench.sqlite3 once (or uses DATABASE_URL), then measures the server time of the
portfolio overview and the initiative page through Django's test client (no network), and
counts SQL queries at two portfolio sizes to show the count does not grow with it.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("STYR_DEV", "1")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "styr.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def measure(client: Client, url: str, runs: int) -> tuple[float, float, int]:
    client.get(url)  # warm caches and templates
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
    return statistics.median(times), p95, len(ctx.captured_queries)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--organisations", type=int, default=100)
    parser.add_argument("--initiatives", type=int, default=300)
    parser.add_argument("--runs", type=int, default=100)
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command(
        "generate", organisations=args.organisations, initiatives=args.initiatives, verbosity=0
    )
    generated = time.perf_counter() - started

    import random

    from django.contrib.auth import get_user_model

    # A data set generated before the governance existed gets its status history now.
    from demo.governance_history import add_governance_history
    from initiatives.models import Initiative
    from organisations.models import Organisation
    from reporting.models import StatusReport

    for generated_org in Organisation.objects.filter(slug__startswith="gen-"):
        if not StatusReport.objects.filter(organisation=generated_org).exists():
            add_governance_history(
                generated_org,
                list(Initiative.objects.filter(organisation=generated_org)),
                rng=random.Random(generated_org.pk),
            )

    from meetings.models import Meeting

    org = Organisation.objects.get(slug="gen-001")
    meeting = Meeting.objects.filter(organisation=org, status="draft").order_by("date").first()
    user = get_user_model().objects.get(email="manager@gen-001.example")
    client = Client()
    client.force_login(user)

    rows = []
    for label, url in [
        ("Portfolio overview", f"/{org.slug}/"),
        ("Portfolio overview, filtered (track)", f"/{org.slug}/?track=mandatory"),
        ("Portfolio overview, sorted, page 3", f"/{org.slug}/?sort=-deadline&page=3"),
        ("Initiative page", f"/{org.slug}/initiatives/150/"),
        ("Benefits portfolio (per year, per track, lagging, due, curve)", f"/{org.slug}/benefits/"),
        ("Benefits portfolio, only my due measurements", f"/{org.slug}/benefits/?mine=1"),
        ("Business cases list (key figures of 300 cases)", f"/{org.slug}/business-cases/"),
        ("Harvest per budget year", f"/{org.slug}/benefits/harvest/"),
        ("Portfolio status (project council, since its last meeting)", f"/{org.slug}/status/"),
        ("Portfolio status, filtered (track)", f"/{org.slug}/status/?track=must_win"),
        ("Meeting page (agenda of 20, waiting items)", f"/{org.slug}/meetings/{meeting.pk}/"),
    ]:
        median, p95, queries = measure(client, url, args.runs)
        rows.append((label, median, p95, queries))

    # Query count against portfolio size: a small organisation against a full one.
    from organisations.models import Membership

    small, _ = Organisation.objects.get_or_create(
        slug="bench-small",
        defaults={
            "name": "Small",
            "code": "0001",
            "country": "DK",
            "language": "da",
            "currency": "DKK",
        },
    )
    Membership.objects.get_or_create(user=user, organisation=small, defaults={"role": "reader"})
    for n in range(1, 6):
        Initiative.objects.get_or_create(
            organisation=small, number=n, defaults={"title": f"S{n}", "track": "prerequisite"}
        )
    _m, _p, small_queries = measure(client, f"/{small.slug}/", 3)
    _m, _p, full_queries = measure(client, f"/{org.slug}/", 3)

    total = Initiative.objects.count()
    print(
        f"Machine: {platform.node()} · {platform.processor() or platform.machine()} · "
        f"{os.cpu_count()} cores · Python {platform.python_version()} · {connection.vendor}"
    )
    print(
        f"Data set: {Organisation.objects.count()} organisations, {total} initiatives "
        f"(generated in {generated:.1f} s this run)\n"
    )
    print("| page | median ms | p95 ms | SQL queries |")
    print("|---|---:|---:|---:|")
    for label, median, p95, queries in rows:
        print(f"| {label} | {median:.1f} | {p95:.1f} | {queries} |")
    print(
        f"\nSQL queries on the overview: {small_queries} with 5 initiatives, "
        f"{full_queries} with {args.initiatives}."
    )
    benefits_p95 = max(p95 for label, _m, p95, _q in rows if label.startswith("Benefits"))
    print(
        f"Aim: benefit views p95 under 150 ms: "
        f"{'met' if benefits_p95 < 150 else 'NOT met'} ({benefits_p95:.1f} ms)"
    )
    governance_p95 = max(
        p95 for label, _m, p95, _q in rows if label.startswith(("Portfolio status", "Meeting"))
    )
    print(
        f"Aim: status and meeting pages p95 under 150 ms: "
        f"{'met' if governance_p95 < 150 else 'NOT met'} ({governance_p95:.1f} ms)"
    )
    print(f"Status reports in the data set: {StatusReport.objects.count()}")
    from benefits.models import Measurement

    print(f"Measurements in the data set: {Measurement.objects.count()}")
    overview_p95 = rows[0][2]
    print(
        f"Aim: overview p95 under 50 ms: {'met' if overview_p95 < 50 else 'NOT met'} ({overview_p95:.1f} ms)"
    )


if __name__ == "__main__":
    main()
