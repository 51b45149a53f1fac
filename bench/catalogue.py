"""Benchmark of the shared catalogue (issue 18): search with 455 organisations × 20
published entries.

    .venv/bin/python bench/catalogue.py [--runs R]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/styr_bench_catalogue .venv/bin/python bench/catalogue.py

Builds the data once (var/bench-catalogue.sqlite3, or DATABASE_URL, created if missing):
455 organisations (as many as Danish and Norwegian municipalities) with 20 published
entries each (9,100), and a small server (one organisation, 20 entries) for the query
counts. Measures the catalogue's pages and the API through Django's test client (server
time) in shuffled rounds. Goal: search p95 under 100 ms. Prints Markdown for
docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import datetime
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

start_django("bench-catalogue.sqlite3", ALLOWED_HOSTS="testserver")

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import PersonalAccessToken  # noqa: E402
from bench.measure import load, measure_rounds, p95_of, queries  # noqa: E402
from catalogue.models import Entry, Size  # noqa: E402
from initiatives.tracks import Source, Track  # noqa: E402
from organisations.models import Membership, Organisation  # noqa: E402

SEARCH_P95_MS = 100
ORGS, PER_ORG = 455, 20
WORDS = [
    "velfærd",
    "borger",
    "selvbetjening",
    "robot",
    "chatbot",
    "sensor",
    "skærmbesøg",
    "journal",
    "data",
    "ledelse",
    "affald",
    "byggesag",
    "refusion",
    "sikkerhed",
    "kompetence",
    "portal",
    "hjemmepleje",
    "skole",
    "dagtilbud",
    "jobcenter",
    "klima",
    "energi",
    "arkiv",
    "post",
    "ydelse",
    "sag",
    "overblik",
]
TAGS = ["Borgerservice", "Ældre", "Sikkerhed", "Børn", "Klima", "Data", "Job"]
logging.getLogger("django.request").setLevel(logging.ERROR)


def _entries(org, n: int, rng: random.Random) -> list[Entry]:
    now = timezone.now()
    out = []
    for k in range(n):
        words = rng.sample(WORDS, 3)
        out.append(
            Entry(
                organisation=org,
                publisher_name=org.name,
                size=rng.choice(Size.values),
                title=" ".join(words).capitalize() + f" {k}",
                description=" ".join(rng.choices(WORDS, k=60)),
                track=rng.choice(Track.values),
                source=rng.choice(Source.values),
                ambition=rng.choice(["", "high", "medium", "low"]),
                tags=rng.sample(TAGS, rng.randrange(3)),
                case={"npv": rng.randrange(-1_000_000, 5_000_000), "data": {"lines": []}},
                benefits=[{"title": "Tid frigjort", "indicator": "timer", "unit": "timer"}],
                lessons=" ".join(rng.choices(WORDS, k=30)),
                published_at=now - datetime.timedelta(days=rng.randrange(700)),
            )
        )
    return out


def _build() -> None:
    rng = random.Random(18)
    orgs = Organisation.objects.bulk_create(
        Organisation(
            name=f"Kommune {i:03d}",
            slug=f"bench-cat-{i:03d}",
            code=f"{i:04d}",
            country="DK" if i < 98 else "NO",
            language="da",
            currency="DKK",
            discount_rate=3.5,
        )
        for i in range(ORGS + 1)
    )
    entries = []
    for org in orgs[:-1]:
        entries += _entries(org, PER_ORG, rng)
    for entry in entries:
        entry.search_text = entry.text_for_search()
    Entry.objects.bulk_create(entries, batch_size=1000)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=60)
    args = parser.parse_args()
    ensure_database()
    call_command("migrate", verbosity=0)
    if not Organisation.objects.filter(slug="bench-cat-000").exists():
        started = time.perf_counter()
        with transaction.atomic():
            _build()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        print(f"built in {time.perf_counter() - started:.0f} s")
    org = Organisation.objects.get(slug="bench-cat-000")
    User = get_user_model()
    user = User.objects.filter(email="bench@catalogue.example").first() or User.objects.create_user(
        "bench@catalogue.example", "x"
    )
    Membership.objects.get_or_create(user=user, organisation=org, defaults={"role": "admin"})
    client = Client()
    client.force_login(user)
    _token, raw = PersonalAccessToken.issue(user=user, organisation=org, name="b", scope="read")
    api = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    one = Entry.objects.published().order_by("pk").first()
    base = f"/{org.slug}/catalogue/"
    targets = [
        ("catalogue, newest first", base, {}),
        ("search one word", f"{base}?q=velfærd", {}),
        ("search two words", f"{base}?q=velfærd+robot", {}),
        ("track and source", f"{base}?track=mandatory&source=kombit", {}),
        ("tag and size", f"{base}?tag=Ældre&size=medium", {}),
        ("joint solutions only, page 20", f"{base}?joint=yes&page=20", {}),
        ("an entry", f"{base}{one.key}/", {}),
        (
            "API search, limit=200",
            f"/api/v1/organisations/{org.slug}/catalogue?q=data&limit=200",
            api,
        ),
    ]
    before = load()
    samples = measure_rounds(client, [(u, h) for _n, u, h in targets], args.runs)
    after = load()
    n = Entry.objects.published().count()
    print(
        f"\n{connection.vendor}, {Organisation.objects.count() - 1} organisations, {n:,} entries; "
        f"{platform.processor() or platform.machine()}, load {before} → {after} (1 / 5 min)\n"
    )
    print("| what | median ms | p95 ms | queries |")
    print("|---|---|---|---|")
    for (name, url, headers), times in zip(targets, samples, strict=True):
        p95 = p95_of(times)
        flag = f" (goal < {SEARCH_P95_MS}: " + ("met)" if p95 < SEARCH_P95_MS else "NOT met)")
        print(
            f"| {name} | {statistics.median(times):.1f} | {p95:.1f}{flag} | "
            f"{queries(client, url, **headers)} |"
        )


if __name__ == "__main__":
    main()
