"""The demo municipality's governance: members of the bodies, gate checklists, a year of
quarterly status reports, a risk register, the yearly cycle, a held meeting with its
decisions and a coming one whose agenda is built from what waits."""

from __future__ import annotations

import datetime
import random

from cycle.services import create_defaults as create_cycle
from governance.gates import create_default_checks
from governance.models import Body, BodyKind, BodyMember, Decision, Outcome
from initiatives.tracks import ACTIVE_STAGES, Track
from meetings.models import Meeting
from meetings.services import add_to_agenda, close, decide_item, request_gate
from meetings.waiting import waiting_items
from reporting.models import Light, Risk, StatusDue, StatusReport

from .governance_history import quarter_ends

SUMMARIES = (
    "Arbejdet følger planen. Leverandøren har leveret den aftalte version.",
    "Test er forsinket to uger; vi indhenter det i næste sprint.",
    "Medarbejderne er uddannet; brugen stiger som planlagt.",
    "Budgettet er presset af ekstra integrationsarbejde.",
)


def add_governance(org, initiatives, people, *, rng: random.Random, today=None) -> None:
    today = today or datetime.date.today()
    create_default_checks(org)
    bodies = {b.kind: b for b in Body.objects.for_org(org)}
    seats = (
        (BodyKind.EXECUTIVE_BOARD, "decision_maker", "chair"),
        (BodyKind.EXECUTIVE_BOARD, "admin", "member"),
        (BodyKind.PROJECT_COUNCIL, "decision_maker", "chair"),
        (BodyKind.PROJECT_COUNCIL, "initiative_lead", "member"),
        (BodyKind.PROJECT_COUNCIL, "portfolio_manager", "secretary"),
        (BodyKind.DIGITALISATION_OFFICE, "portfolio_manager", "chair"),
    )
    for kind, role, seat in seats:
        BodyMember.objects.create(organisation=org, body=bodies[kind], user=people[role], role=seat)

    active = [i for i in initiatives if i.stage in ACTIVE_STAGES]
    ends = quarter_ends(today, 4)
    reports, dues, risks = [], [], []
    for n, initiative in enumerate(active):
        for end in ends:
            lights = [rng.choice((Light.GREEN,) * 5 + (Light.YELLOW,) * 2) for _k in range(4)]
            reports.append(
                StatusReport(
                    organisation=org,
                    initiative=initiative,
                    reported_on=end,
                    time=lights[0],
                    cost=lights[1],
                    scope=lights[2],
                    benefits=lights[3],
                    summary=rng.choice(SUMMARIES),
                    next_steps="Næste milepæl: idriftsættelse i den første afdeling.",
                    author=initiative.initiative_lead,
                )
            )
        following = ends[-1] + datetime.timedelta(days=92)
        dues.append(StatusDue(organisation=org, initiative=initiative, due_on=following))
        if n == 2:  # one report is overdue
            dues.append(
                StatusDue(
                    organisation=org,
                    initiative=initiative,
                    due_on=today - datetime.timedelta(days=10),
                )
            )
        if n % 3 == 0:
            risks.append(
                Risk(
                    organisation=org,
                    initiative=initiative,
                    title="Leverandøren leverer for sent",
                    probability=rng.randint(2, 4),
                    consequence=rng.randint(2, 5),
                    owner=initiative.initiative_lead,
                    response="Ugentlig opfølgning og bod i kontrakten.",
                )
            )
    StatusReport.objects.bulk_create(reports)
    StatusDue.objects.bulk_create(dues)
    Risk.objects.bulk_create(risks)

    create_cycle(org)

    # A project-council meeting last month, with its decisions and minutes.
    council = bodies[BodyKind.PROJECT_COUNCIL]
    held = Meeting.objects.create(
        organisation=org,
        body=council,
        date=today - datetime.timedelta(days=30),
        location="Rådhuset, mødelokale 2",
    )
    add_to_agenda(meeting=held, keys=[w.key for w in waiting_items(council, held.date)][:2])
    for item in held.items.all():
        decide_item(
            item=item,
            decision=Decision(
                outcome=Outcome.CHANGE,
                rationale="Projektlederen lægger en ny plan frem på næste møde.",
                conditions="Ny tidsplan inden for budgettet.",
                decided_on=held.date,
            ),
            done=set(),
            user=people["portfolio_manager"],
        )
    close(
        meeting=held,
        minutes="Projektrådet gennemgik porteføljens status. Beslutningerne fremgår af punkterne.",
        user=people["portfolio_manager"],
        expected_version=held.version,
    )
    # Since that meeting two initiatives have turned red.
    for initiative in active[1:5:3]:
        StatusReport.objects.create(
            organisation=org,
            initiative=initiative,
            reported_on=today - datetime.timedelta(days=5),
            time=Light.RED,
            cost=Light.YELLOW,
            scope=Light.GREEN,
            benefits=Light.GREEN,
            summary="Leverandøren har meldt tre måneders forsinkelse.",
            next_steps="Ny tidsplan lægges frem for projektrådet.",
            author=initiative.initiative_lead,
        )
    # A prerequisite asks for its gate; the next meeting finds it waiting.
    prerequisite = next(
        (i for i in active if i.track == Track.PREREQUISITE and i.stage == "clarify"), None
    )
    if prerequisite is not None:
        request_gate(
            initiative=prerequisite,
            body=council,
            to_stage="pilot",
            user=people["initiative_lead"],
        )
    coming = Meeting.objects.create(
        organisation=org,
        body=council,
        date=today + datetime.timedelta(days=10),
        location="Rådhuset, mødelokale 2",
    )
    add_to_agenda(meeting=coming, keys=[w.key for w in waiting_items(council, coming.date)])
