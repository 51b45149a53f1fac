"""Demo data for the shared catalogue (issue 18): the joint solutions every municipality
shares, a few of Skovby's initiatives published, and two joint solutions in its portfolio."""

from __future__ import annotations

import datetime as dt

from catalogue import reviews
from catalogue.models import JointSolution
from catalogue.services import publish, use_joint_solution
from organisations.models import Membership

JOINT_SOLUTIONS = [
    (
        "Fælleskommunalt sags- og dokumentoverblik (SAPA)",
        "KOMBIT",
        "kombit",
        dt.date(2027, 12, 31),
        "Ét overblik over borgerens sager på tværs af fagsystemer.",
    ),
    (
        "Ny løsning for ydelsesrefusion",
        "KOMBIT",
        "kombit",
        dt.date(2027, 6, 30),
        "Refusion af sociale ydelser fra staten, automatisk og samlet.",
    ),
    (
        "MitID Erhverv i alle selvbetjeningsløsninger",
        "Digitaliseringsstyrelsen",
        "joint_public",
        dt.date(2026, 12, 31),
        "Virksomheder logger på med MitID Erhverv overalt.",
    ),
    (
        "Digital Post – næste generation",
        "Digitaliseringsstyrelsen",
        "joint_public",
        dt.date(2028, 6, 30),
        "Forsendelser via Digital Post og Serviceplatformen.",
    ),
    (
        "Fælleskommunal rammearkitektur",
        "KL",
        "joint_municipal",
        dt.date(2029, 12, 31),
        "Byggeklodser og principper, der gør systemerne i stand til at tale sammen.",
    ),
]


def add_joint_solutions() -> list[JointSolution]:
    """The server's joint solutions, once (a platform administrator keeps them after)."""
    out = []
    for name, owner, source, deadline, description in JOINT_SOLUTIONS:
        solution, _created = JointSolution.objects.get_or_create(
            name=name,
            defaults={
                "owner": owner,
                "source": source,
                "deadline": deadline,
                "description": description,
            },
        )
        out.append(solution)
    return out


def add_skovby_catalogue(org, initiatives, *, membership, user) -> None:
    solutions = add_joint_solutions()
    for solution in solutions[2:4]:
        use_joint_solution(solution=solution, organisation=org, membership=membership, user=user)
    shared = [i for i in initiatives if i.business_cases.approved().exists()][:3]
    for initiative in shared:
        publish(
            initiative=initiative,
            reviewed={
                "lessons": "Inddrag medarbejderne tidligt, og lav nulpunktsmålingen før "
                "piloten – ellers kan gevinsten ikke dokumenteres.",
                "contact": "Peter Porteføljechef, portefolje@skovby.dk",
            },
            user=user,
        )


def add_generated_catalogue(org, initiatives, *, user) -> None:
    """What `styr generate` adds of issue 18: two initiatives published, a joint solution
    in the portfolio, and a completed after-review of an initiative in operation."""
    membership = Membership.objects.get(organisation=org, user=user)
    solutions = add_joint_solutions()
    use_joint_solution(solution=solutions[0], organisation=org, membership=membership, user=user)
    with_case = [i for i in initiatives if i.business_cases.approved().exists()]
    for initiative in (with_case + [i for i in initiatives if i not in with_case])[:2]:
        publish(initiative=initiative, reviewed={}, user=user)
    running = next((i for i in initiatives if i.stage == "operation"), None)
    if running is not None:
        review = reviews.ask(initiative=running, today=dt.date.today())
        review.routines, review.lessons = "yes", "Superbrugere i hver afdeling virker."
        review.save()
        reviews.complete(review=review, user=user)
