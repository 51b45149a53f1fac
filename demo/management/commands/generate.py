"""`styr generate`: a large synthetic data set for scale tests and benchmarks."""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand
from django.db import transaction

from demo.cases import add_cases_and_benefits
from demo.governance_history import add_governance_history
from governance.models import Body
from governance.services import create_defaults as create_bodies
from initiatives.models import Initiative
from initiatives.tracks import DEFAULT_ENGAGEMENT, DEFAULT_OWNER, Ambition, Source, Stage, Track
from organisations.models import Membership, Organisation
from strategy.models import BusinessGoal, FocusArea, Strategy, Theme

WORDS = [
    "Digital",
    "Borgerservice",
    "Velfærd",
    "Robot",
    "Data",
    "Platform",
    "Sikkerhed",
    "Klima",
    "Skole",
    "Ældre",
    "Job",
    "Integration",
    "Selvbetjening",
    "Analyse",
    "Automatisering",
    "Kompetence",
    "Infrastruktur",
    "Portal",
]


class Command(BaseCommand):
    help = "Create N synthetic organisations with M initiatives each (slugs gen-001 …)."

    def add_arguments(self, parser):
        parser.add_argument("--organisations", type=int, default=100)
        parser.add_argument("--initiatives", type=int, default=300)
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, organisations: int, initiatives: int, seed: int, **options):
        rng = random.Random(seed)
        User = get_user_model()
        password = make_password("styr-generate")
        existing = set(
            Organisation.objects.filter(slug__startswith="gen-").values_list("slug", flat=True)
        )
        made = 0
        for n in range(1, organisations + 1):
            slug = f"gen-{n:03d}"
            if slug in existing:
                continue
            with transaction.atomic():
                self._organisation(n, slug, initiatives, rng, User, password)
            made += 1
        self.stdout.write(
            self.style.SUCCESS(
                f"{made} organisations generated ({organisations} requested, "
                f"{initiatives} initiatives each). Login: manager@gen-001.example / styr-generate"
            )
        )

    def _organisation(self, n, slug, count, rng, User, password) -> None:
        org = Organisation.objects.create(
            name=f"Generated Kommune {n:03d}",
            slug=slug,
            code=f"{9000 + n:04d}"[-4:],
            country="DK" if n % 3 else "NO",
            language="da",
            currency="DKK",
        )
        users = User.objects.bulk_create(
            [
                User(email=f"{role}@{slug}.example", name=f"{role.title()} {n}", password=password)
                for role in ("manager", "lead", "reader", "owner")
            ]
        )
        Membership.objects.bulk_create(
            [
                Membership(user=users[0], organisation=org, role="portfolio_manager"),
                Membership(user=users[1], organisation=org, role="initiative_lead"),
                Membership(user=users[2], organisation=org, role="reader"),
                Membership(user=users[3], organisation=org, role="benefit_owner"),
            ]
        )
        strategy = Strategy.objects.create(
            organisation=org,
            title="Digitaliseringsstrategi",
            period_start=2026,
            period_end=2029,
            status="approved",
            vision="Syntetisk vision.",
        )
        goals = BusinessGoal.objects.bulk_create(
            [
                BusinessGoal(organisation=org, strategy=strategy, title=f"Mål {i}", order=i)
                for i in range(4)
            ]
        )
        themes = Theme.objects.bulk_create(
            [
                Theme(organisation=org, strategy=strategy, title=f"Tema {i}", order=i)
                for i in range(4)
            ]
        )
        focus_areas = FocusArea.objects.bulk_create(
            [
                FocusArea(
                    organisation=org,
                    strategy=strategy,
                    theme=themes[i % 4],
                    title=f"Indsatsområde {i}",
                    order=i,
                )
                for i in range(6)
            ]
        )
        create_bodies(org)
        owners = {b.kind: b for b in Body.objects.for_org(org)}
        tracks, stages, sources = list(Track), list(Stage), list(Source)
        rows = []
        for number in range(1, count + 1):
            track = rng.choice(tracks)
            ambition = rng.choice(list(Ambition)) if track == Track.MANDATORY else ""
            engagement = DEFAULT_ENGAGEMENT[ambition] if ambition else ("", "", "")
            start = dt.date(2026 + rng.randrange(4), rng.randrange(1, 13), 1)
            rows.append(
                Initiative(
                    organisation=org,
                    number=number,
                    title=f"{rng.choice(WORDS)} {rng.choice(WORDS).lower()} {number}",
                    description="Syntetisk initiativ til skalatest.",
                    track=track,
                    source=Source.OWN if track != Track.MANDATORY else rng.choice(sources),
                    stage=rng.choice(stages),
                    ambition=ambition,
                    engagement_clarify=engagement[0],
                    engagement_pilot=engagement[1],
                    engagement_implement=engagement[2],
                    owner_body=owners[DEFAULT_OWNER[track]],
                    result_goals="Resultatmål." if track == Track.MUST_WIN else "",
                    initiative_lead=users[rng.randrange(2)],
                    planned_start=start,
                    planned_end=start.replace(year=start.year + 2),
                    deadline=start.replace(year=start.year + 1)
                    if track == Track.MANDATORY
                    else None,
                )
            )
        created = Initiative.objects.bulk_create(rows, batch_size=500)
        FocusLink = Initiative.focus_areas.through
        GoalLink = Initiative.business_goals.through
        DependsLink = Initiative.depends_on.through
        FocusLink.objects.bulk_create(
            [
                FocusLink(initiative_id=i.pk, focusarea_id=rng.choice(focus_areas).pk)
                for i in created
            ],
            batch_size=1000,
        )
        GoalLink.objects.bulk_create(
            [GoalLink(initiative_id=i.pk, businessgoal_id=rng.choice(goals).pk) for i in created],
            batch_size=1000,
        )
        add_cases_and_benefits(org, created, owner=users[3], rng=rng)
        add_governance_history(org, created, rng=rng)
        # Dependencies only point backwards (to a lower number), so there is never a cycle.
        DependsLink.objects.bulk_create(
            [
                DependsLink(from_initiative_id=i.pk, to_initiative_id=created[rng.randrange(k)].pk)
                for k, i in enumerate(created)
                if k > 0 and rng.random() < 0.2
            ],
            batch_size=1000,
        )
