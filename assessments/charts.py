"""The results' charts, drawn by core.charts from a round's results."""

from __future__ import annotations

from django.utils.translation import gettext as _

from core.charts import PALETTE, Bar, Series, bar_chart, radar_chart
from core.l10n import decimal

from .results import Results


def radar(out: Results, *, chart_id: str = "radar") -> str:
    """The dimensions' means: this round, the previous one and the benchmark's median."""
    axes = [d.dimension.name for d in out.dimensions]
    series = [Series(out.round.title, [d.overall.mean for d in out.dimensions], PALETTE[0])]
    if out.previous_round is not None:
        series.append(
            Series(out.previous_round.title, [d.previous for d in out.dimensions], PALETTE[2], True)
        )
    if out.benchmark_size:
        series.append(
            Series(
                _("Median of %(n)d municipalities") % {"n": out.benchmark_size},
                [d.benchmark[1] if d.benchmark else None for d in out.dimensions],
                PALETTE[1],
                True,
            )
        )
    return radar_chart(
        axes,
        series,
        title=_("Mean per dimension, 1 to 5"),
        description=_("The table below the chart gives the same figures."),
        chart_id=chart_id,
    )


def department_bars(out: Results, *, chart_id: str = "departments") -> str:
    """The mean of all statements per department shown (those above the threshold)."""
    totals: dict[int, tuple[str, float, int]] = {}
    for d in out.dimensions:
        for department, summary in d.by_department:
            if summary.mean is None:
                continue
            name, total, n = totals.get(department.pk, (department.name, 0.0, 0))
            totals[department.pk] = (
                name,
                total + summary.mean * summary.scored,
                n + summary.scored,
            )
    bars = [Bar(name, total / n) for name, total, n in totals.values() if n]
    return bar_chart(
        bars,
        title=_("Mean per department, 1 to 5"),
        description=_("Departments with fewer answers than the threshold are not shown."),
        value_format=lambda v: decimal(v, 1),
        chart_id=chart_id,
    )
