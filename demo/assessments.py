"""Readiness and maturity assessments for the demo and the scale data set.

Answers are written in bulk (responses, answers, then the tallies recounted from them),
as a year of respondents would have left them; `services.submit` is the way for one."""

from __future__ import annotations

import datetime as dt
import random
import uuid

from assessments import services
from assessments.models import (
    Answer,
    Invitation,
    RespondentGroup,
    Response,
    Round,
    Statement,
    TextAnswer,
)
from organisations.models import Department, Membership

# A first round's mean per dimension key of the nine criteria (out of 5), before change.
BASE = {
    "ownership": 3.4,
    "involvement": 2.6,
    "enthusiasts": 2.9,
    "learning": 3.0,
    "processes": 2.4,
    "benefits": 2.2,
    "competence": 2.8,
    "portfolio": 2.7,
    "it": 3.1,
}

TEXTS = {
    "da": (
        "Systemerne taler ikke sammen, så vi taster det samme to gange.",
        "Mere tid til oplæring, når der kommer nye systemer.",
        "Ledelsen skal fortælle hvorfor, ikke kun hvad.",
        "Gode erfaringer fra hjemmeplejen bør spredes.",
        "Vi mangler overblik over, hvad der er i gang.",
    ),
    "nb": (
        "Systemene snakker ikke sammen, så vi registrerer alt to ganger.",
        "Mer tid til opplæring når nye systemer kommer.",
        "Ledelsen må forklare hvorfor, ikke bare hva.",
        "Vi mangler oversikt over hva som er i gang.",
    ),
}


def _level(rng: random.Random, mean: float, dont_know: float = 0.06) -> int:
    if rng.random() < dont_know:
        return 0
    return max(1, min(5, round(rng.gauss(mean, 0.9))))


def fill(
    round: Round,
    answers: dict[Department, int],
    *,
    rng: random.Random,
    means: dict[str, float] | None = None,
    texts: tuple[str, ...] = (),
    leaders: float = 0.25,
    leader_bonus: float = 0.5,
    recount: bool = True,
) -> int:
    """`answers[department]` responses to the round, levels around `means` per dimension
    key (leaders a little higher, as seed 004 warns), some with free text."""
    statements = list(
        Statement.objects.filter(dimension__framework=round.framework).select_related("dimension")
    )
    questions = list(round.framework.questions.all())
    groups = list(round.groups.all()) or list(RespondentGroup.objects.for_org(round.organisation))
    leader_groups = [g for g in groups if g.leader] or groups
    staff_groups = [g for g in groups if not g.leader] or groups
    org = round.organisation
    responses, rows, notes = [], [], []
    for department, n in answers.items():
        for _ in range(n):
            leader = rng.random() < leaders
            group = rng.choice(leader_groups if leader else staff_groups)
            response = Response(
                id=uuid.uuid4(), organisation=org, round=round, department=department, group=group
            )
            responses.append(response)
            bonus = leader_bonus if leader else 0.0
            for s in statements:
                mean = (means or BASE).get(s.dimension.key, 3.0) + bonus
                rows.append(
                    Answer(
                        organisation=org, response=response, statement=s, level=_level(rng, mean)
                    )
                )
            if questions and texts and rng.random() < 0.3:
                notes.append(
                    TextAnswer(
                        organisation=org,
                        response=response,
                        question=rng.choice(questions),
                        text=rng.choice(texts),
                    )
                )
    Response.objects.bulk_create(responses, batch_size=1000)
    Answer.objects.bulk_create(rows, batch_size=5000)
    TextAnswer.objects.bulk_create(notes, batch_size=1000)
    if recount:  # a caller filling in parts recounts once at the end
        services.recount(round=round)
    return len(responses)


def _round(org, framework, title, opens_on, closes_on, **kw) -> Round:
    r = Round.objects.create(
        organisation=org,
        framework=framework,
        title=title,
        opens_on=opens_on,
        closes_on=closes_on,
        **kw,
    )
    r.groups.set(RespondentGroup.objects.for_org(org))
    return r


def add_skovby_assessments(org, *, initiative, people, rng: random.Random, today=None) -> None:
    """Two rounds of the nine criteria a year apart (the second better on some
    dimensions), answers from four departments (one below the threshold), a finding acted
    on, and a readiness round for one initiative with personal links."""
    today = today or dt.date.today()
    framework = services.install_framework(organisation=org, key="success-criteria", language="da")
    services.install_framework(organisation=org, key="strategy-frame", language="da")
    readiness = services.install_framework(organisation=org, key="change-readiness", language="da")
    departments = list(Department.objects.for_org(org).order_by("name"))[:4]
    intro = (
        "Hvor langt er vi med den digitale omstilling? Svar ud fra din hverdag. Det tager "
        "ti minutter, og ingen kan se, hvad du har svaret."
    )
    counts = dict(zip(departments, (24, 18, 15, 3), strict=False))  # the last below 5
    first = _round(
        org,
        framework,
        "Digital modenhed 2025",
        today - dt.timedelta(days=400),
        today - dt.timedelta(days=379),
        introduction=intro,
        shared=True,
        created_by=people["portfolio_manager"],
    )
    fill(first, counts, rng=rng, texts=TEXTS["da"])
    better = BASE | {"ownership": 3.8, "benefits": 2.9, "portfolio": 3.3, "involvement": 2.8}
    second = _round(
        org,
        framework,
        "Digital modenhed 2026",
        today - dt.timedelta(days=35),
        today - dt.timedelta(days=14),
        introduction=intro,
        shared=True,
        created_by=people["portfolio_manager"],
    )
    second.departments.set(departments)
    fill(
        second,
        dict(zip(departments, (27, 21, 16, 4), strict=False)),
        rng=rng,
        means=better,
        texts=TEXTS["da"],
    )
    dimension = framework.dimensions.get(key="processes")
    services.create_initiative(
        round=first,
        dimension=dimension,
        title="Arbejdsgange før systemer",
        finding=(
            "Digital modenhed 2025 gav “Nytænk arbejdsgange, styring og organisering” det "
            "laveste gennemsnit (2,4 af 5). Vi beskriver arbejdsgangene, før vi køber."
        ),
        membership=Membership.objects.get(organisation=org, user=people["portfolio_manager"]),
        user=people["portfolio_manager"],
    )
    ready = _round(
        org,
        readiness,
        f"Parathed: {initiative.title}",
        today - dt.timedelta(days=5),
        today + dt.timedelta(days=9),
        scope="initiative",
        initiative=initiative,
        introduction="Er vi parate til forandringen? Fortæl os det, før vi går i gang.",
        created_by=people["portfolio_manager"],
    )
    ready.departments.set(departments[:2])
    fill(
        ready,
        {departments[0]: 7, departments[1]: 5},
        rng=rng,
        means={"experience": 3.1, "maturity": 2.7, "leadership": 3.4, "engagement": 3.6},
    )
    group = RespondentGroup.objects.for_org(org).get(leader=False)
    Invitation.objects.bulk_create(
        Invitation(
            organisation=org,
            round=ready,
            name=f"Medarbejder {i}",
            email=f"medarbejder{i}@skovby.dk",
            department=departments[i % 2],
            group=group,
            used=i < 12,
            sent_at=dt.datetime.now(dt.UTC) - dt.timedelta(days=5),
        )
        for i in range(20)
    )


def add_fjellvik_assessment(org, *, rng: random.Random, today=None) -> None:
    """Fjellvik's one round of the nine criteria, in Bokmål."""
    today = today or dt.date.today()
    framework = services.install_framework(organisation=org, key="success-criteria", language="nb")
    departments = list(Department.objects.for_org(org))
    if not departments:
        departments = [
            Department.objects.create(organisation=org, name=name)
            for name in ("Helse og omsorg", "Oppvekst", "Teknisk")
        ]
    r = _round(
        org,
        framework,
        "Digital modenhet 2026",
        today - dt.timedelta(days=60),
        today - dt.timedelta(days=40),
        introduction="Hvor langt har vi kommet med den digitale omstillingen?",
        shared=True,
    )
    fill(r, {d: 12 for d in departments}, rng=rng, texts=TEXTS["nb"])


def add_generated_round(org, *, rng: random.Random, answers: int = 60, today=None) -> Round:
    """`styr generate`: one shared round of the nine criteria across the departments."""
    today = today or dt.date.today()
    framework = services.install_framework(organisation=org, key="success-criteria", language="da")
    departments = list(Department.objects.for_org(org))
    r = _round(
        org,
        framework,
        "Digital modenhed",
        today - dt.timedelta(days=30),
        today + dt.timedelta(days=10),
        shared=True,
    )
    per = max(1, answers // max(1, len(departments)))
    means = {k: v + rng.uniform(-0.5, 0.5) for k, v in BASE.items()}
    fill(r, {d: per for d in departments}, rng=rng, means=means, texts=TEXTS["da"])
    services.ensure_open_links(round=r)
    return r
