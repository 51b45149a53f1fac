"""A measurable goal's trend as an SVG chart (core.charts): the goal's page and the strategy
documents draw it from the same plain data."""

from __future__ import annotations

from django.utils.translation import gettext as _

from core.charts import PALETTE, Series, combo_chart
from core.l10n import decimal


def goal_trend(
    *,
    indicator: str,
    unit: str,
    target: float,
    points: list[tuple[str, float]],
    chart_id: str,
    width: int = 640,
    height: int = 240,
) -> str:
    """The measurements [(iso date, value)] as a line, the target as a dashed line."""
    days = [day for day, _value in points]
    return combo_chart(
        days,
        lines=[
            Series(_("Measured"), [value for _day, value in points], PALETTE[0]),
            Series(_("Target"), [float(target)] * len(points), PALETTE[2], dashed=True),
        ],
        title=_("%(indicator)s over time") % {"indicator": indicator},
        description=_("Measured values from %(first)s to %(last)s against the target %(target)s.")
        % {
            "first": days[0] if days else "–",
            "last": days[-1] if days else "–",
            "target": decimal(target, 2),
        },
        value_format=lambda v: decimal(v, 0 if abs(v) >= 100 else 1),
        unit=unit,
        width=width,
        height=height,
        chart_id=chart_id,
    )
