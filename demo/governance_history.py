"""Governance data for generated organisations: the default bodies and checklists, two
years of quarterly status reports on every initiative, due and overdue reports, a risk
register, a held project-council meeting and a coming one with a full agenda.

Used by `styr generate` and the benchmarks; rows are bulk-created.
"""

from __future__ import annotations

import datetime as dt
import random

from governance.gates import create_default_checks
from governance.models import Body, BodyKind
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


def add_governance_history(org, initiatives, *, rng: random.Random, today=None) -> None:
    today = today or dt.date.today()
    create_defaults(org)
    create_default_checks(org)
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
                )
            )
    StatusReport.objects.bulk_create(reports, batch_size=1000)
    StatusDue.objects.bulk_create(dues, batch_size=1000, ignore_conflicts=True)
    Risk.objects.bulk_create(risks, batch_size=1000)
    council = Body.objects.get(organisation=org, kind=BodyKind.PROJECT_COUNCIL)
    Meeting.objects.create(
        organisation=org,
        body=council,
        date=today - dt.timedelta(days=45),
        status=MeetingStatus.HELD,
        minutes="Syntetisk referat.",
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
