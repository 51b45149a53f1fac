"""A large synthetic data set for scale tests and benchmarks (`styr generate`).

Each generated organisation has what the demo has, in bulk: a strategy with goals, themes
and focus areas; initiatives in every track and stage with leads, tags, focus areas, goals
and prerequisites; a business case (figures stored) and a benefit with plan, measurements
and harvest per initiative; bodies with members, mandates and checklists; two years of
status reports by each lead, due reports, risks with owners, two decisions per initiative,
the yearly cycle, a held meeting with decided items and minutes and a coming one with a
full agenda; criteria scored by two people and a scenario with a solved run.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.contrib.auth import get_user_model

from demo.assessments import add_generated_round
from demo.cases import add_cases_and_benefits
from demo.catalogue import add_generated_catalogue
from demo.governance_history import add_governance_history
from demo.involvement import add_generated_items
from demo.prioritisation import add_prioritisation, solve_scenario
from demo.publication import add_generated_publication
from governance.models import Body
from governance.services import create_defaults as create_bodies
from initiatives.models import Initiative, Tag
from initiatives.tracks import DEFAULT_ENGAGEMENT, DEFAULT_OWNER, Ambition, Source, Stage, Track
from organisations.models import Membership, Organisation
from strategy.models import BusinessGoal, FocusArea, FocusAreaGoal, Strategy, Theme

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


TAGS = ("AI", "Borgerservice", "Ældre", "Sikkerhed", "Data", "Klima")


def generate_organisation(
    n: int,
    *,
    initiatives: int,
    rng: random.Random,
    password: str,
    slug: str = "",
    solve: float = 1.0,
    ideas: int = 60,
) -> Organisation:
    """Generated Kommune n (slug gen-NNN) with `initiatives` initiatives and everything the
    demo has; `solve` is the time limit in seconds of the scenario's solve (0: none)."""
    User = get_user_model()
    slug = slug or f"gen-{n:03d}"
    count = initiatives
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
        [Theme(organisation=org, strategy=strategy, title=f"Tema {i}", order=i) for i in range(4)]
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
    FocusAreaGoal.objects.bulk_create(
        [
            FocusAreaGoal(
                organisation=org,
                focus_area=area,
                indicator=f"Indikator {area.order}.{k}",
                unit="%",
                baseline=Decimal(rng.randrange(20, 60)),
                target=Decimal(rng.randrange(60, 95)),
                target_date=dt.date(2029, 12, 31),
            )
            for area in focus_areas
            for k in range(2)
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
                deadline=start.replace(year=start.year + 1) if track == Track.MANDATORY else None,
            )
        )
    created = Initiative.objects.bulk_create(rows, batch_size=500)
    FocusLink = Initiative.focus_areas.through
    GoalLink = Initiative.business_goals.through
    DependsLink = Initiative.depends_on.through
    FocusLink.objects.bulk_create(
        [FocusLink(initiative_id=i.pk, focusarea_id=rng.choice(focus_areas).pk) for i in created],
        batch_size=1000,
    )
    GoalLink.objects.bulk_create(
        [GoalLink(initiative_id=i.pk, businessgoal_id=rng.choice(goals).pk) for i in created],
        batch_size=1000,
    )
    add_cases_and_benefits(org, created, owner=users[3], rng=rng)
    add_governance_history(org, created, rng=rng, members=users[:2], recorder=users[0])
    # Dependencies only point backwards (to a lower number), so there is never a cycle.
    DependsLink.objects.bulk_create(
        [
            DependsLink(from_initiative_id=i.pk, to_initiative_id=created[rng.randrange(k)].pk)
            for k, i in enumerate(created)
            if k > 0 and rng.random() < 0.2
        ],
        batch_size=1000,
    )
    tags = Tag.objects.bulk_create([Tag(organisation=org, name=name) for name in TAGS])
    TagLink = Initiative.tags.through
    TagLink.objects.bulk_create(
        [
            TagLink(initiative_id=i.pk, tag_id=tag.pk)
            for i in created
            for tag in rng.sample(tags, rng.randrange(3))
        ],
        batch_size=1000,
    )
    scenario = add_prioritisation(
        org,
        strategy,
        [i for i in created if i.stage not in ("closed", "stopped")],
        [users[0], users[1]],
        rng=rng,
    )
    if solve:
        solve_scenario(scenario, user=users[0], seconds=solve)
    add_generated_publication(org, strategy, scenario, users, rng=rng)
    add_generated_catalogue(org, created, user=users[0])
    add_generated_round(org, rng=rng)
    add_generated_items(org, people=users, rng=rng, n=ideas)
    return org
