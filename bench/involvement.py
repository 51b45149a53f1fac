"""Benchmark of ideas and hassles (issue 16): the board with 10,000 items and 100,000 votes.

    .venv/bin/python bench/involvement.py [--runs R]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/styr_bench_ideas .venv/bin/python bench/involvement.py

Builds the data once (var/bench-involvement.sqlite3, or DATABASE_URL, created if missing):
an organisation with ten departments, 500 members, 10,000 ideas and hassles over a year
and about 100,000 votes. Measures through Django's test client (server time) in shuffled
rounds: the board (by votes, by hours, filtered, a later page), an item, the overview, the
API list at 200 rows and the xlsx export; the board's queries at 10,000 items against a
small organisation's (flat in n). Prints Markdown for docs/benchmarks.md.
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

start_django("bench-involvement.sqlite3", ALLOWED_HOSTS="testserver")

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402

from accounts.models import PersonalAccessToken  # noqa: E402
from bench.measure import load, measure_rounds, p95_of, queries  # noqa: E402
from demo.involvement import add_generated_items  # noqa: E402
from involvement.models import Item, Vote  # noqa: E402
from organisations.models import Department, Membership, Organisation  # noqa: E402

BOARD_P95_MS = 100
ITEMS, VOTERS = 10_000, 500
SLUG, SMALL = "bench-ideas", "bench-ideas-small"
logging.getLogger("django.request").setLevel(logging.ERROR)


def _organisation(slug: str, members: int, items: int, rng) -> None:
    org = Organisation.objects.create(
        name=slug, slug=slug, code="0999", country="DK", language="da", currency="DKK"
    )
    Department.objects.bulk_create(
        Department(organisation=org, name=f"Forvaltning {i + 1}") for i in range(10)
    )
    password = make_password("x")
    User = get_user_model()
    users = User.objects.bulk_create(
        User(email=f"m{i}@{slug}.example", name=f"Medarbejder {i}", password=password)
        for i in range(members)
    )
    Membership.objects.bulk_create(
        Membership(user=u, organisation=org, role="admin" if i == 0 else "contributor")
        for i, u in enumerate(users)
    )
    add_generated_items(org, people=users, rng=rng, n=items, votes_per_item=10.0)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=60)
    args = parser.parse_args()
    ensure_database()
    call_command("migrate", verbosity=0)
    if not Organisation.objects.filter(slug=SLUG).exists():
        started = time.perf_counter()
        rng = random.Random(16)
        with transaction.atomic():
            _organisation(SLUG, VOTERS, ITEMS, rng)
            _organisation(SMALL, 20, 100, rng)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        print(f"built in {time.perf_counter() - started:.0f} s")
    org = Organisation.objects.get(slug=SLUG)
    admin = get_user_model().objects.get(email=f"m0@{SLUG}.example")
    client = Client()
    client.force_login(admin)
    small_admin = get_user_model().objects.get(email=f"m0@{SMALL}.example")
    _token, raw = PersonalAccessToken.issue(user=admin, organisation=org, name="b", scope="read")
    api = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    top = Item.objects.for_org(org).order_by("-votes").first()
    department = Department.objects.for_org(org).first()
    base = f"/{SLUG}/ideas/"
    targets = [
        ("board, most votes", base, {}),
        ("board, most hours lost", f"{base}?sort=hours", {}),
        (
            "board, hassles of a department, open",
            f"{base}?kind=hassle&status=new&department={department.pk}",
            {},
        ),
        ("board, page 100", f"{base}?page=100", {}),
        ("an item", f"{base}{top.number}/", {}),
        ("overview", f"{base}overview/", {}),
        ("API list, limit=200", f"/api/v1/organisations/{SLUG}/ideas?limit=200", api),
        ("export (xlsx), 10,000 rows", f"{base}export.xlsx", {}),
    ]
    before = load()
    samples = measure_rounds(client, [(u, h) for _n, u, h in targets], args.runs)
    after = load()
    small = Client()
    small.force_login(small_admin)
    n_items = Item.objects.for_org(org).count()
    n_votes = Vote.objects.for_org(org).count()
    print(
        f"\n{connection.vendor}, {n_items:,} items, {n_votes:,} votes; "
        f"{platform.processor() or platform.machine()}, load {before} → {after} (1 / 5 min)\n"
    )
    print("| what | median ms | p95 ms | queries (100 → 10,000 items) |")
    print("|---|---|---|---|")
    for (name, url, headers), times in zip(targets, samples, strict=True):
        p95 = p95_of(times)
        flag = (
            " (goal ≤ 100: " + ("met)" if p95 <= BOARD_P95_MS else "NOT met)")
            if name.startswith("board")
            else ""
        )
        few = queries(
            small,
            url.replace(SLUG, SMALL).replace(f"{top.number}/", "1/"),
            **({} if not headers else {}),
        )
        many = queries(client, url, **headers)
        print(
            f"| {name} | {statistics.median(times):.1f} | {p95:.1f}{flag} | {few if not headers else '–'} → {many} |"
        )


if __name__ == "__main__":
    main()
