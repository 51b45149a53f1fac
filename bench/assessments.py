"""Benchmark of assessments (issue 15): a round of 10,000 responses × 45 statements.

    .venv/bin/python bench/assessments.py [--runs R]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/styr_bench_assess .venv/bin/python bench/assessments.py

Builds the data once (var/bench-assessments.sqlite3, or the database in DATABASE_URL,
created if missing): an organisation with ten departments and a framework of nine
dimensions × five statements, a round answered 10,000 times (450,000 answers, with free
text), the previous round of the same framework, and five other organisations sharing
rounds (so the benchmark across municipalities is computed). Then measures through
Django's test client (server time): the results page, the round page and the API results
(goal p95 under 150 ms), a page of statements answered (goal under 50 ms), the queries of
each, and the machine's load. Prints Markdown for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
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

start_django("bench-assessments.sqlite3", ALLOWED_HOSTS="testserver")

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402

from accounts.models import PersonalAccessToken  # noqa: E402
from assessments import services  # noqa: E402
from assessments.models import Invitation, RespondentGroup, Round  # noqa: E402
from bench.measure import load, measure_rounds, p95_of, queries  # noqa: E402
from demo.assessments import TEXTS, fill  # noqa: E402
from organisations.models import Department, Membership, Organisation  # noqa: E402

RESULTS_P95_MS, ANSWER_P95_MS = 150, 50
ANSWERS = 10_000
SLUG = "bench-assess"
logging.getLogger("django.request").setLevel(logging.ERROR)


def _organisation(slug: str, departments: int) -> Organisation:
    org = Organisation.objects.create(
        name=slug, slug=slug, code="0999", country="DK", language="da", currency="DKK"
    )
    Department.objects.bulk_create(
        Department(organisation=org, name=f"Forvaltning {i + 1}") for i in range(departments)
    )
    return org


def _framework(org):
    """The nine criteria with a fifth statement in each dimension: 45 statements."""
    framework = services.install_framework(organisation=org, key="success-criteria", language="da")
    for d in framework.dimensions.all():
        texts = [s.text for s in d.statements.all()] + [f"{d.name}: et femte udsagn."]
        services.save_dimension(
            framework=framework,
            dimension=d,
            name=d.name,
            description=d.description,
            statements=texts,
        )
    return framework


def _round(org, framework, title: str, days_ago: int, *, shared: bool = True) -> Round:
    today = dt.date.today()
    r = Round.objects.create(
        organisation=org,
        framework=framework,
        title=title,
        opens_on=today - dt.timedelta(days=days_ago),
        closes_on=today + dt.timedelta(days=30 - days_ago),
        shared=shared,
    )
    r.groups.set(RespondentGroup.objects.for_org(org))
    return r


def build() -> None:
    rng = random.Random(15)
    org = _organisation(SLUG, 10)
    framework = _framework(org)
    departments = list(Department.objects.for_org(org))
    previous = _round(org, framework, "Sidste år", 400)
    fill(previous, {d: 100 for d in departments}, rng=rng)
    current = _round(org, framework, "I år", 10)
    for start in range(0, ANSWERS, 1000):  # in parts, to bound memory; one recount at the end
        d = departments[(start // 1000) % len(departments)]
        fill(current, {d: 1000}, rng=rng, texts=TEXTS["da"], recount=False)
    services.recount(round=current)
    for n in range(5):
        other = _organisation(f"{SLUG}-{n}", 2)
        fill(
            _round(
                other,
                services.install_framework(
                    organisation=other, key="success-criteria", language="da"
                ),
                "Runde",
                10,
            ),
            {d: 20 for d in Department.objects.for_org(other)},
            rng=rng,
        )
    manager = get_user_model().objects.create_user(email="bench@assess.example", password="x")
    Membership.objects.create(user=manager, organisation=org, role="portfolio_manager")
    Invitation.objects.create(
        organisation=org,
        round=current,
        email="respondent@assess.example",
        department=departments[0],
        group=RespondentGroup.objects.for_org(org).get(leader=False),
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=60)
    args = parser.parse_args()
    ensure_database()
    call_command("migrate", verbosity=0)
    if not Organisation.objects.filter(slug=SLUG).exists():
        started = time.perf_counter()
        with transaction.atomic():
            build()
        print(f"built in {time.perf_counter() - started:.0f} s")
    org = Organisation.objects.get(slug=SLUG)
    current = Round.objects.get(organisation=org, title="I år")
    manager = get_user_model().objects.get(email="bench@assess.example")
    client = Client()
    client.force_login(manager)
    _token, raw = PersonalAccessToken.issue(
        user=manager, organisation=org, name="bench", scope="read"
    )
    api = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    invitation = Invitation.objects.get(round=current)
    answer_url = f"/svar/{invitation.token}/"
    statements = list(current.framework.dimensions.first().statements.all())
    targets = [
        ("results page", f"/{SLUG}/assessments/rounds/{current.pk}/results/", {}),
        ("round page", f"/{SLUG}/assessments/rounds/{current.pk}/", {}),
        (
            "API results",
            f"/api/v1/organisations/{SLUG}/assessment-rounds/{current.pk}/results",
            api,
        ),
        ("a page of statements (GET)", f"{answer_url}?page=0", {}),
    ]
    before = load()
    samples = measure_rounds(client, [(url, h) for _name, url, h in targets], args.runs)
    # Answering: a page of five statements saved, as a respondent's "Next" does.
    posted = []
    anonymous = Client()
    for i in range(args.runs):
        data = {f"s{s.pk}": str(1 + (i + k) % 5) for k, s in enumerate(statements)} | {
            "action": "next"
        }
        started = time.perf_counter()
        response = anonymous.post(f"{answer_url}?page=0", data)
        posted.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 302, response.status_code
    after = load()
    responses = current.responses.count()
    answers = responses * len(
        [1 for d in current.framework.dimensions.all() for _ in d.statements.all()]
    )
    print(
        f"\n{connection.vendor}, {responses:,} responses, {answers:,} answers; "
        f"{platform.processor() or platform.machine()}, load {before} → {after} (1 / 5 min)\n"
    )
    print("| what | median ms | p95 ms | queries | goal |")
    print("|---|---|---|---|---|")
    for (name, url, headers), times in zip(targets, samples, strict=True):
        goal = ANSWER_P95_MS if "statements" in name else RESULTS_P95_MS
        p95 = p95_of(times)
        print(
            f"| {name} | {statistics.median(times):.1f} | {p95:.1f} | "
            f"{queries(client if not headers else client, url, **headers)} | "
            f"{'met' if p95 <= goal else 'NOT met'} (≤ {goal}) |"
        )
    p95 = p95_of(posted)
    print(
        f"| a page of statements answered (POST) | {statistics.median(posted):.1f} | {p95:.1f} | – | "
        f"{'met' if p95 <= ANSWER_P95_MS else 'NOT met'} (≤ {ANSWER_P95_MS}) |"
    )


if __name__ == "__main__":
    main()
