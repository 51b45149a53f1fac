"""Benchmark of the strategy as it leaves the building (issue 17): the strategy note as
PDF and Word and the short version for a strategy with 300 initiatives, and the public page.

    .venv/bin/python bench/publication.py [--runs R]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/styr_bench_pub .venv/bin/python bench/publication.py

Builds the data once (var/bench-publication.sqlite3, or DATABASE_URL, created if missing):
`styr generate`'s organisation with 300 initiatives, whose scenario is solved, committed as
the action plan, recommended, approved and published. Measures through Django's test client
(server time): each document of the approved version (goal: under 2 s), the public page
from its cache and rebuilt (goal: p95 under 50 ms), and the version, compare and
communication pages in shuffled rounds. Prints Markdown for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import logging
import platform
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.scratch import ensure_database, start_django  # noqa: E402

start_django("bench-publication.sqlite3", ALLOWED_HOSTS="testserver")

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402

from bench.measure import load, measure_rounds, p95_of, queries  # noqa: E402
from demo.generate import generate_organisation  # noqa: E402
from organisations.models import Organisation  # noqa: E402
from publication.models import StrategyVersion  # noqa: E402

SLUG = "bench-pub"
DOCUMENT_S, PUBLIC_P95_MS = 2.0, 50
logging.getLogger("django.request").setLevel(logging.ERROR)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=60)
    parser.add_argument("--document-runs", type=int, default=5)
    args = parser.parse_args()
    ensure_database()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    if not Organisation.objects.filter(slug=SLUG).exists():
        started = time.perf_counter()
        with transaction.atomic():
            generate_organisation(
                1,
                initiatives=300,
                rng=random.Random(17),
                password=make_password("x"),
                slug=SLUG,
                solve=10,
                ideas=60,
            )
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        print(f"built in {time.perf_counter() - started:.0f} s")
    org = Organisation.objects.get(slug=SLUG)
    version = StrategyVersion.objects.for_org(org).get(status="approved")
    plan = version.snapshot["action_plan"] or {"rows": []}
    manager = get_user_model().objects.get(email=f"manager@{SLUG}.example")
    client = Client()
    client.force_login(manager)
    s = f"/{SLUG}/strategies/{version.strategy_id}"
    before = load()
    print(
        f"\n{connection.vendor}, {len(plan['rows'])} initiatives in the action plan; "
        f"{platform.processor() or platform.machine()}, load {before} (1 / 5 min)\n"
    )
    print("| document of the approved version | median s | max s | goal |")
    print("|---|---|---|---|")
    for name, url in (
        ("strategy note, PDF", f"{s}/versions/{version.number}/note.pdf"),
        ("strategy note, Word", f"{s}/versions/{version.number}/note.docx"),
        ("short version, PDF", f"{s}/versions/{version.number}/short.pdf"),
        ("short version, Word", f"{s}/versions/{version.number}/short.docx"),
    ):
        client.get(url)
        times = []
        for _run in range(args.document_runs):
            start = time.perf_counter()
            assert client.get(url).status_code == 200
            times.append(time.perf_counter() - start)
        flag = "met" if max(times) < DOCUMENT_S else "NOT met"
        print(f"| {name} | {statistics.median(times):.2f} | {max(times):.2f} | < 2 s: {flag} |")
    anonymous = Client()
    targets = [
        ("public page (cached)", f"/public/{SLUG}/", anonymous),
        ("version page", f"{s}/versions/{version.number}/", client),
        ("versions and approval", f"{s}/versions/", client),
        ("compare with the draft", f"{s}/compare/?a={version.number}&b=draft", client),
        ("communication plan", f"{s}/communication/", client),
        ("strategy page", f"{s}/", client),
    ]
    print("\n| page | median ms | p95 ms | queries |")
    print("|---|---|---|---|")
    for name, url, who in targets:
        times = measure_rounds(who, [(url, {})], args.runs)[0]
        flag = ""
        if name.startswith("public"):
            flag = " (goal < 50: " + ("met)" if p95_of(times) < PUBLIC_P95_MS else "NOT met)")
        print(
            f"| {name} | {statistics.median(times):.1f} | {p95_of(times):.1f}{flag} | "
            f"{queries(who, url)} |"
        )
    # The public page rebuilt: what the first visitor after a publication waits.
    rebuilt = []
    for _run in range(max(10, args.runs // 3)):
        cache.clear()
        start = time.perf_counter()
        anonymous.get(f"/public/{SLUG}/")
        rebuilt.append((time.perf_counter() - start) * 1000)
    print(
        f"| public page (rebuilt after a publication) | {statistics.median(rebuilt):.1f} | "
        f"{p95_of(rebuilt):.1f} | – |"
    )
    print(f"\nload after: {load()}")


if __name__ == "__main__":
    main()
