"""Benchmarks of every page, API list and export on the `styr generate` data set (issue 14).

    make bench              # or: .venv/bin/python bench/run.py [--organisations N] [--runs R]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/styr_bench .venv/bin/python bench/run.py

Builds the data set once (var/bench-v2.sqlite3, or the database in DATABASE_URL, created if
missing): N generated organisations of 300 initiatives with every kind of data the demo has,
and one of 30 for the query counts. Then measures, through Django's test client (server
time, no network), every organisation page, every API read at the largest page (limit=200)
and every xlsx export of gen-001, with the SQL queries at 30 and 300 initiatives, the peak
Python memory of each export, and the machine's load before and after. Prints Markdown
tables for docs/benchmarks.md and each goal as met or not.
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import random
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.scratch import ensure_database, start_django  # noqa: E402

# v2: the data set of issue 14 (every kind of data); an older file lacks most of it.
start_django("bench-v2.sqlite3", ALLOWED_HOSTS="testserver")

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402

from accounts.models import PersonalAccessToken  # noqa: E402
from bench.measure import load, measure_rounds, p95_of, queries  # noqa: E402
from demo.generate import generate_organisation  # noqa: E402
from initiatives.models import Initiative  # noqa: E402
from organisations.models import Membership, Organisation  # noqa: E402
from styr.runtime import tune_garbage_collection  # noqa: E402
from tests.routes import fill, fill_api, for_route, org_routes, route_ids  # noqa: E402

PAGE_P95_MS, API_P95_MS, EXPORT_MS = 50, 100, 1000
# GET on a POST-only address answers 405 by design; its warning is noise here.
logging.getLogger("django.request").setLevel(logging.ERROR)
# A route ending in <slug:fmt> answers a document too (the strategy note as PDF or Word).
DOCUMENTS = (".pdf", ".docx", ".xlsx", "<slug:fmt>")


def peak_memory(client: Client, url: str) -> float:
    tracemalloc.start()
    response = client.get(url)
    size = (
        len(b"".join(response.streaming_content)) if response.streaming else len(response.content)
    )
    _now, top = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return top / 1e6, size / 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--organisations", type=int, default=100)
    parser.add_argument("--initiatives", type=int, default=300)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--only", default="", help="measure only routes containing this text")
    args = parser.parse_args()

    ensure_database()
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command(
        "generate", organisations=args.organisations, initiatives=args.initiatives, verbosity=0
    )
    if not Organisation.objects.filter(slug="bench-030").exists():
        with transaction.atomic():
            generate_organisation(
                999,
                initiatives=30,
                rng=random.Random(30),
                password=make_password("x"),
                slug="bench-030",
            )
    generated = time.perf_counter() - started
    if connection.vendor == "postgresql":
        # Fresh bulk-loaded tables have no planner statistics yet and no visibility map (an
        # index-only scan still visits the table); autovacuum sees to both within minutes
        # on a server, so measure the steady state.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    print(f"Generated in {generated:.0f} s; measuring.", file=sys.stderr, flush=True)
    full = Organisation.objects.get(slug="gen-001")
    small = Organisation.objects.get(slug="bench-030")
    user, _ = get_user_model().objects.get_or_create(email="bench@styr.example")
    for org in (full, small):
        Membership.objects.get_or_create(user=user, organisation=org, defaults={"role": "admin"})
    client = Client()
    client.force_login(user)
    tune_garbage_collection()  # as styr.wsgi does for the web server
    load_before = load()

    ids = {org.slug: route_ids(org) for org in (full, small)}
    tokens = {}
    for org in (full, small):
        _t, raw = PersonalAccessToken.issue(user=user, organisation=org, name="bench", scope="read")
        tokens[org.slug] = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    # (kind, label, url at 300, url at 30, headers)
    targets = []
    for route in org_routes():
        if args.only not in route:
            continue
        url = fill(route, for_route(route, ids[full.slug]), full.slug)
        if client.get(url).status_code != 200:
            continue  # POST-only forms and redirects
        kind = "document" if route.endswith(DOCUMENTS) else "page"
        small_url = fill(route, for_route(route, ids[small.slug]), small.slug)
        targets.append((kind, route, url, small_url, {}))
    schema = client.get("/api/v1/openapi.json").json()
    for path, methods in schema["paths"].items():
        if "get" not in methods or args.only not in path:
            continue
        url = fill_api(path, for_route(path, ids[full.slug]), full.slug) + "?limit=200"
        small_url = fill_api(path, for_route(path, ids[small.slug]), small.slug) + "?limit=200"
        targets.append(("api", path.removeprefix("/api/v1"), url, small_url, tokens))

    def headers(target, slug):
        return target[4].get(slug, {}) if target[4] else {}

    times = measure_rounds(client, [(t[2], headers(t, full.slug)) for t in targets], args.runs)
    rows = {"page": [], "document": [], "api": []}
    for target, samples in zip(targets, times, strict=True):
        kind, label, url, small_url, _h = target
        n = queries(client, url, **headers(target, full.slug))
        n_small = queries(client, small_url, **headers(target, small.slug))
        rows[kind].append((label, statistics.median(samples), p95_of(samples), n_small, n))
    pages, documents, api = rows["page"], rows["document"], rows["api"]
    failures = []

    exports = []
    for route, median, p95, _s, _n in documents:
        if route.endswith(".xlsx"):
            url = fill(route, for_route(route, ids[full.slug]), full.slug)
            memory, size = peak_memory(client, url)
            exports.append((route, median, p95, memory, size))

    total = Initiative.objects.count()
    print(
        f"Machine: {platform.node()} · {platform.processor() or platform.machine()} · "
        f"{os.cpu_count()} cores · Python {platform.python_version()} · {connection.vendor} · "
        f"load (1 / 5 min) {load_before} before, {load()} after"
    )
    print(
        f"Data set: {Organisation.objects.count()} organisations, {total} initiatives "
        f"(this run generated for {generated:.1f} s); {args.runs} requests per row"
    )
    for title, rows, goal, name in (
        ("page of gen-001 (300 initiatives)", pages, PAGE_P95_MS, "page"),
        ("document", documents, None, ""),
        ("API read, limit=200", api, API_P95_MS, "API"),
    ):
        print(f"\n| {title} | median ms | p95 ms | queries 30 → 300 |")
        print("|---|---:|---:|---:|")
        for label, median, p95, n_small, n in rows:
            print(f"| `{label}` | {median:.1f} | {p95:.1f} | {n_small} → {n} |")
            if goal is not None and p95 > goal:
                failures.append(f"{name} {label}: p95 {p95:.1f} ms > {goal}")
    print("\n| xlsx export | median ms | p95 ms | peak Python memory MB | file MB |")
    print("|---|---:|---:|---:|---:|")
    for route, median, p95, memory, size in exports:
        print(f"| `{route}` | {median:.1f} | {p95:.1f} | {memory:.1f} | {size:.2f} |")
        if p95 > EXPORT_MS:
            failures.append(f"export {route}: p95 {p95:.1f} ms > {EXPORT_MS}")
    print(
        f"\nGoals: pages p95 ≤ {PAGE_P95_MS} ms, API p95 ≤ {API_P95_MS} ms, "
        f"exports ≤ {EXPORT_MS} ms: " + ("all met." if not failures else "NOT met:")
    )
    for failure in failures:
        print(f"- {failure}")


if __name__ == "__main__":
    main()
