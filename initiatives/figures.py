"""The figures the portfolio office watches (seed 002), computed with a fixed number of
aggregate queries whatever the size of the portfolio."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from core.charts import Bar, bar_chart, share_bar
from strategy.models import Theme

from .tracks import JOINT_SOURCES, Ambition, Stage, Track


@dataclass
class Figure:
    title: str
    rows: list[tuple[str, int]]
    chart: str


def portfolio_figures(qs, organisation) -> dict:
    """`qs` is the (filtered) initiative queryset of one organisation."""
    by_track = dict(qs.values_list("track").annotate(n=Count("id")).order_by())
    by_stage = dict(qs.values_list("stage").annotate(n=Count("id")).order_by())
    by_ambition = dict(
        qs.exclude(ambition="").values_list("ambition").annotate(n=Count("id")).order_by()
    )
    joint = qs.aggregate(
        joint=Count("id", filter=Q(source__in=JOINT_SOURCES)),
        own=Count("id", filter=~Q(source__in=JOINT_SOURCES)),
        total=Count("id"),
    )
    themes = (
        Theme.objects.for_org(organisation)
        .exclude(strategy__status="archived")
        .annotate(
            n=Count(
                "focus_areas__initiatives", filter=Q(focus_areas__initiatives__in=qs), distinct=True
            )
        )
        .order_by("order", "id")
    )
    track_rows = [(str(label), by_track.get(value, 0)) for value, label in Track.choices]
    stage_rows = [(str(label), by_stage.get(value, 0)) for value, label in Stage.choices]
    ambition_rows = [(str(label), by_ambition.get(value, 0)) for value, label in Ambition.choices]
    theme_rows = [(t.title, t.n) for t in themes]
    share_rows = [
        (_("Joint public and municipal work"), joint["joint"]),
        (_("Own initiatives"), joint["own"]),
    ]
    total = joint["total"] or 0
    joint_share = round(100 * joint["joint"] / total) if total else 0

    def fig(title: str, rows, chart_id: str) -> Figure:
        return Figure(
            title=title,
            rows=rows,
            chart=bar_chart([Bar(label, n) for label, n in rows], title=title, chart_id=chart_id),
        )

    return {
        "total": total,
        "joint_share": joint_share,
        "share": Figure(
            title=_("Joint work versus own work"),
            rows=share_rows,
            chart=share_bar(
                [Bar(label, n) for label, n in share_rows],
                title=_("Joint work versus own work"),
                chart_id="chart-share",
            ),
        ),
        "figures": [
            fig(_("Initiatives per track"), track_rows, "chart-track"),
            fig(_("Initiatives per stage"), stage_rows, "chart-stage"),
            fig(_("Initiatives per theme"), theme_rows, "chart-theme"),
            fig(_("Ambition level"), ambition_rows, "chart-ambition"),
        ],
    }
