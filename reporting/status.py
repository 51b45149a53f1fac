"""The portfolio status the project council follows: each active initiative's latest
status report, what changed since the body's last meeting, and what is overdue.

Everything comes from one query over the initiatives (the latest report, the report
standing at the last meeting and the counts are subqueries) and one for the reports, so
the page costs the same however many initiatives and reports there are.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce

from initiatives.models import Initiative

from .models import LIGHTS, Risk, RiskStatus, StatusDue, StatusReport


@dataclass
class StatusRow:
    initiative: Initiative
    latest: StatusReport | None
    at_meeting: StatusReport | None
    overdue: int
    open_risks: int
    changes: list[tuple[str, str | None, str]] = field(default_factory=list)

    @property
    def new_since_meeting(self) -> bool:
        return self.latest is not None and (
            self.at_meeting is None or self.latest.pk != self.at_meeting.pk
        )


def _count(qs) -> Subquery:
    return Coalesce(
        Subquery(
            qs.order_by().values("initiative").annotate(n=Count("id")).values("n")[:1],
            output_field=IntegerField(),
        ),
        0,
    )


# What the status page shows of each initiative and report: a table of 300 rows loads
# neither the initiatives' long texts nor the reports' (the API's rows do name them).
PAGE_INITIATIVE_FIELDS = (
    "organisation_id",
    "number",
    "title",
    "track",
    "stage",
    "initiative_lead__name",
    "initiative_lead__email",
)
PAGE_REPORT_FIELDS = ("initiative_id", "reported_on", *LIGHTS)


def portfolio_status(
    initiatives, *, since: datetime.date | None, today: datetime.date, texts: bool = True
) -> list[StatusRow]:
    """Rows for the given (already filtered) initiatives; `since` is the last meeting's date.
    Without `texts`, the reports come without summary, next steps and author (the page)."""
    reports = StatusReport.objects.filter(initiative=OuterRef("pk")).order_by("-reported_on", "-id")
    qs = initiatives.select_related("initiative_lead")
    if not texts:
        qs = qs.only(*PAGE_INITIATIVE_FIELDS)
    qs = qs.annotate(
        latest_id=Subquery(reports.values("id")[:1]),
        overdue_count=_count(
            StatusDue.objects.filter(
                initiative=OuterRef("pk"), report__isnull=True, due_on__lt=today
            )
        ),
        risk_count=_count(Risk.objects.filter(initiative=OuterRef("pk"), status=RiskStatus.OPEN)),
    )
    if since is not None:
        qs = qs.annotate(
            meeting_id=Subquery(reports.filter(reported_on__lte=since).values("id")[:1])
        )
    items = list(qs)
    ids = {i.latest_id for i in items} | {getattr(i, "meeting_id", None) for i in items}
    reports = StatusReport.objects.all()
    if texts:  # the API names author and initiative for every row
        reports = reports.select_related("initiative", "author")
    else:
        reports = reports.only(*PAGE_REPORT_FIELDS)
    by_id = reports.in_bulk([pk for pk in ids if pk])
    rows = []
    for initiative in items:
        latest = by_id.get(initiative.latest_id)
        at_meeting = by_id.get(getattr(initiative, "meeting_id", None))
        row = StatusRow(
            initiative, latest, at_meeting, initiative.overdue_count, initiative.risk_count
        )
        if since is not None and row.new_since_meeting:
            row.changes = [
                (
                    StatusReport._meta.get_field(name).verbose_name,
                    getattr(at_meeting, name, None),
                    getattr(latest, name),
                )
                for name in LIGHTS
                if getattr(at_meeting, name, None) != getattr(latest, name)
            ]
        rows.append(row)
    return rows


def red_initiatives(organisation, tracks=None) -> list[Initiative]:
    """Active initiatives (in `tracks`) whose latest status report has a red light, in one
    query: the latest report of each is a correlated subquery on its index. Each with its
    number, title and track only (what a list of them names)."""
    active = Initiative.objects.for_org(organisation).active()
    if tracks is not None:
        active = active.filter(track__in=tracks)
    latest = active.annotate(
        latest_id=Subquery(
            StatusReport.objects.filter(initiative=OuterRef("pk"))
            .order_by("-reported_on", "-id")
            .values("id")[:1]
        )
    ).values("latest_id")
    ids = StatusReport.objects.filter(pk__in=latest).red().values("initiative_id")
    named = ("organisation_id", "number", "title", "track")
    return list(active.filter(pk__in=ids).only(*named).order_by("number"))
