"""What the version page, the intranet page and the public page show of a snapshot: the
goals with their live measurements and progress, and the action plan's initiatives with
their live stage and latest status light. Flat in queries: one read per kind of row."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from html import escape

from django.db.models import OuterRef, Subquery
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core.l10n import short_date
from governance.models import DecisionKind
from initiatives.models import Initiative
from initiatives.tracks import Stage, Track
from reporting.models import LIGHTS, Light, StatusReport
from strategy import goals as goal_progress
from strategy.models import GoalMeasurement

from .documents import Source
from .models import StrategyVersion


def goal_ids(snapshot: dict) -> list[int]:
    return [g["id"] for t in snapshot["themes"] for fa in t["focus_areas"] for g in fa["goals"]]


def measurements(snapshot: dict) -> dict[int, list[tuple[str, float]]]:
    """Each goal's measurements [(iso date, value)] in date order, in one query."""
    out: dict[int, list[tuple[str, float]]] = defaultdict(list)
    for goal_id, day, value in (
        GoalMeasurement.objects.filter(goal_id__in=goal_ids(snapshot))
        .order_by("measured_on")
        .values_list("goal_id", "measured_on", "value")
    ):
        out[goal_id].append((day.isoformat(), float(value)))
    return dict(out)


@dataclass
class GoalRow:
    indicator: str
    unit: str
    baseline: float | None
    target: float
    target_date: str
    latest: tuple[str, float] | None
    progress: float | None

    @property
    def bar(self) -> int:
        """The progress bar's width in tenths (a CSS class, so no inline style is needed)."""
        return round(min(max(self.progress or 0.0, 0.0), 1.0) * 10) * 10


def focus_areas(snapshot: dict, measured: dict) -> list[dict]:
    out = []
    for theme in snapshot["themes"]:
        for fa in theme["focus_areas"]:
            rows = []
            for g in fa["goals"]:
                latest = (measured.get(g["id"]) or [None])[-1]
                rows.append(
                    GoalRow(
                        g["indicator"],
                        g["unit"],
                        g["baseline"],
                        g["target"],
                        g["target_date"],
                        latest,
                        goal_progress.progress(
                            g["baseline"], g["target"], latest[1] if latest else None
                        ),
                    )
                )
            out.append(
                {
                    "theme": theme["title"],
                    "title": fa["title"],
                    "description": fa["description"],
                    "goals": rows,
                }
            )
    return out


def plan_rows(organisation, snapshot: dict, *, people: bool) -> list[dict]:
    """The plan's initiatives with their stage and latest status light now (and the lead,
    when `people`); an initiative deleted since is shown as it was frozen."""
    plan = snapshot.get("action_plan") or {}
    numbers = [r["number"] for r in plan.get("rows", [])]
    latest = StatusReport.objects.filter(initiative=OuterRef("pk")).order_by("-reported_on", "-id")
    shown = ("number", "stage", "initiative_lead") if people else ("number", "stage")
    live = {
        i.number: i
        for i in Initiative.objects.for_org(organisation)
        .filter(number__in=numbers)
        .select_related("initiative_lead" if people else None)
        .only(*shown)
        .annotate(report_id=Subquery(latest.values("id")[:1]))
    }
    reports = StatusReport.objects.only("reported_on", *LIGHTS).in_bulk(
        [i.report_id for i in live.values() if i.report_id]
    )
    stages, tracks = dict(Stage.choices), dict(Track.choices)
    rows = []
    for r in plan.get("rows", []):
        ini = live.get(r["number"])
        report = reports.get(ini.report_id) if ini is not None and ini.report_id else None
        rows.append(
            {
                "reference": r["reference"],
                "title": r["title"],
                "track": tracks.get(r["track"], r["track"]),
                "start": r["start"],
                "stage": stages.get(ini.stage, "") if ini else "",
                "light": report.worst if report else "",
                "reported_on": report.reported_on if report else None,
                "lead": str(ini.initiative_lead)
                if people and ini and ini.initiative_lead_id
                else "",
            }
        )
    return rows


def plan_table(rows: list[dict], *, people: bool) -> str:
    """The plan's table rows (plan_rows), written in one pass with the standard library's
    escape rather than a dozen template nodes for each of a plan's hundreds of rows."""
    labels = {light.value: escape(str(light.label)) for light in Light}
    out = []
    for r in rows:
        status = escape(str(r["stage"])) if r["stage"] else "–"
        if r["light"]:
            status += (
                f'<br><span class="styr-light styr-light-{escape(r["light"])}">'
                f'{labels[r["light"]]}</span> <span class="styr-muted">'
                f"({escape(short_date(r['reported_on']))})</span>"
            )
        lead = f"<td>{escape(r['lead']) if r['lead'] else '–'}</td>" if people else ""
        out.append(
            f"<tr><td>{escape(str(r['reference']))} {escape(str(r['title']))}</td>"
            f"<td>{escape(str(r['track']))}, {escape(str(r['start']))}</td>"
            f"<td>{status}</td>{lead}</tr>"
        )
    return mark_safe("".join(out))  # noqa: S308 - every value is escaped here


def status_line(version: StrategyVersion | None) -> str:
    """How a document names what it was written from."""
    if version is None:
        return _("Draft as it stands now – not approved")
    parts = [_("Version %(n)d") % {"n": version.number}]
    for decision in (version.recommendation, version.approval):
        if decision is not None:
            what = (
                _("recommended by %(body)s on %(date)s")
                if decision.kind == DecisionKind.RECOMMEND_STRATEGY
                else _("approved by %(body)s on %(date)s")
            )
            parts.append(
                what
                % {"body": decision.body, "date": date_format(decision.decided_on, "DATE_FORMAT")}
            )
    return ", ".join(parts)


def source(
    version: StrategyVersion | None, snapshot: dict, organisation, *, amounts: bool = True
) -> Source:
    return Source(
        snapshot=snapshot,
        organisation=organisation.name,
        status=status_line(version),
        currency=organisation.currency,
        measurements=measurements(snapshot),
        show_amounts=amounts,
    )


def plan_years(snapshot: dict) -> list[tuple[int, float, float]]:
    plan = snapshot.get("action_plan") or {}
    return list(
        zip(
            plan.get("years", []), plan.get("investment", []), plan.get("benefits", []), strict=True
        )
    )


def context(
    organisation, version: StrategyVersion | None, snap: dict, *, amounts: bool, people: bool
) -> dict:
    """What the version, intranet and public pages render of a snapshot (_snapshot.html)."""
    rows = plan_rows(organisation, snap, people=people)
    return {
        "snap": snap,
        "version": version,
        "status_line": status_line(version),
        "focus_areas": focus_areas(snap, measurements(snap)),
        "plan": snap.get("action_plan"),
        "plan_rows": rows,
        "plan_table": plan_table(rows, people=people),
        "plan_years": plan_years(snap),
        "currency": organisation.currency,
        "show_amounts": amounts,
        "show_people": people,
    }
