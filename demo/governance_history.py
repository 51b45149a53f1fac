"""Governance data for generated organisations: the default bodies with members and
checklists, two years of quarterly status reports on every initiative (by its lead), due and
overdue reports, a risk register with owners, two decisions per initiative in the log, the
yearly cycle, a held project-council meeting with decided items and minutes, and a coming
one with a full agenda.

Used by `styr generate` and the benchmarks; rows are bulk-created.
"""

from __future__ import annotations

import datetime as dt
import random

from cycle.services import create_defaults as create_cycle
from governance.gates import create_default_checks
from governance.models import (
    Body,
    BodyKind,
    BodyMember,
    Decision,
    DecisionKind,
    MemberRole,
    Outcome,
)
from governance.services import create_defaults
from initiatives.tracks import ACTIVE_STAGES
from meetings.models import AgendaItem, Meeting, MeetingStatus
from reporting.models import Light, Risk, StatusDue, StatusReport

LIGHTS = (Light.GREEN,) * 6 + (Light.YELLOW,) * 3 + (Light.RED,)


def quarter_ends(today: dt.date, n: int) -> list[dt.date]:
    """The last days of the `n` quarters before today's, oldest first."""
    ends = []
    year, quarter = today.year, (today.month - 1) // 3
    for _i in range(n):
        if quarter == 0:
            year, quarter = year - 1, 4
        month = quarter * 3
        ends.insert(0, dt.date(year, month, 30 if month in (6, 9) else 31))
        quarter -= 1
    return ends


def add_governance_history(
    org, initiatives, *, rng: random.Random, today=None, members=(), recorder=None
) -> None:
    """`members` sit in every body (the first chairs it); `recorder` records the decisions.
    Reports are written by each initiative's lead and risks owned by it."""
    today = today or dt.date.today()
    create_defaults(org)
    create_default_checks(org)
    create_cycle(org)
    bodies = {b.kind: b for b in Body.objects.for_org(org)}
    BodyMember.objects.bulk_create(
        [
            BodyMember(
                organisation=org,
                body=body,
                user=person,
                role=MemberRole.CHAIR if k == 0 else MemberRole.MEMBER,
            )
            for body in bodies.values()
            for k, person in enumerate(members)
        ],
        ignore_conflicts=True,
    )
    quarters = quarter_ends(today, 8)  # two years
    reports, dues, risks = [], [], []
    for i in initiatives:
        for end in quarters:
            time, cost, scope, benefits = (rng.choice(LIGHTS) for _k in range(4))
            reports.append(
                StatusReport(
                    organisation=org,
                    initiative=i,
                    reported_on=end,
                    time=time,
                    cost=cost,
                    scope=scope,
                    benefits=benefits,
                    summary="Syntetisk status.",
                    next_steps="Næste skridt.",
                    author_id=i.initiative_lead_id,
                )
            )
        if i.stage in ACTIVE_STAGES:
            next_due = quarters[-1] + dt.timedelta(days=91)
            dues.append(StatusDue(organisation=org, initiative=i, due_on=next_due))
            if rng.random() < 0.1:
                dues.append(
                    StatusDue(organisation=org, initiative=i, due_on=today - dt.timedelta(days=5))
                )
        if rng.random() < 0.3:
            risks.append(
                Risk(
                    organisation=org,
                    initiative=i,
                    title="Syntetisk risiko",
                    probability=rng.randint(1, 5),
                    consequence=rng.randint(1, 5),
                    owner_id=i.initiative_lead_id,
                )
            )
    StatusReport.objects.bulk_create(reports, batch_size=1000)
    StatusDue.objects.bulk_create(dues, batch_size=1000, ignore_conflicts=True)
    Risk.objects.bulk_create(risks, batch_size=1000)
    council = bodies[BodyKind.PROJECT_COUNCIL]
    decisions = _decisions(org, initiatives, bodies, rng=rng, today=today, recorder=recorder)
    held = Meeting.objects.create(
        organisation=org,
        body=council,
        date=today - dt.timedelta(days=45),
        status=MeetingStatus.HELD,
        minutes="Syntetisk referat: projektrådet gennemgik porteføljen og traf beslutningerne.",
    )
    # The held meeting decided ten gate items; their decisions are in the log.
    gates = [d for d in decisions if d.kind == DecisionKind.PASS_GATE][:10]
    AgendaItem.objects.bulk_create(
        [
            AgendaItem(
                organisation=org,
                body=council,
                meeting=held,
                position=n,
                kind="gate",
                title=d.title,
                initiative_id=d.initiative_id,
                to_stage=d.to_stage,
                decision=d,
            )
            for n, d in enumerate(gates, start=1)
        ]
    )
    coming = Meeting.objects.create(
        organisation=org, body=council, date=today + dt.timedelta(days=7)
    )
    active = [i for i in initiatives if i.stage in ACTIVE_STAGES][:20]
    AgendaItem.objects.bulk_create(
        [
            AgendaItem(
                organisation=org,
                body=council,
                meeting=coming,
                position=n,
                kind="gate" if n % 2 else "red_status",
                title=f"Punkt {n}: {i.title}",
                initiative=i,
                to_stage="implementation" if n % 2 else "",
            )
            for n, i in enumerate(active, start=1)
        ]
    )


def _decisions(org, initiatives, bodies, *, rng, today, recorder) -> list[Decision]:
    """Two decisions per initiative: its business case approved by the executive board and
    a stage gate passed by the project council, spread over the last two years."""
    board, council = bodies[BodyKind.EXECUTIVE_BOARD], bodies[BodyKind.PROJECT_COUNCIL]
    rows = []
    for i in initiatives:
        day = today - dt.timedelta(days=rng.randrange(30, 730))
        rows.append(
            Decision(
                organisation=org,
                body=board,
                kind=DecisionKind.APPROVE_BUSINESS_CASE,
                outcome=Outcome.APPROVE,
                initiative=i,
                amount=rng.randrange(200, 5000) * 1000,
                title=f"Business case: {i.title}",
                rationale="Business casen er godkendt som forelagt.",
                decided_on=day,
                recorded_by=recorder,
            )
        )
        rows.append(
            Decision(
                organisation=org,
                body=council,
                kind=DecisionKind.PASS_GATE,
                outcome=rng.choice((Outcome.APPROVE,) * 3 + (Outcome.CHANGE,)),
                initiative=i,
                title=f"Faseovergang: {i.title}",
                rationale="Tjeklisten er gennemgået.",
                conditions="Ny status om et kvartal." if rng.random() < 0.3 else "",
                to_stage="implementation",
                lessons="Involver superbrugerne tidligt." if rng.random() < 0.2 else "",
                decided_on=min(today, day + dt.timedelta(days=rng.randrange(30, 200))),
                recorded_by=recorder,
            )
        )
    return Decision.objects.bulk_create(rows, batch_size=1000)
