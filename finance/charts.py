"""The business case's cash-flow chart, shared by its page and the meeting documents."""

from __future__ import annotations

from django.utils.translation import gettext as _

from core.charts import PALETTE, Series, combo_chart
from core.l10n import whole

from .calc import Figures


def cashflow_chart(figures: Figures, currency: str, *, chart_id: str = "cashflow") -> str:
    """Costs below and benefits above the zero line per year, the accumulated net as a
    line, and the payback year marked."""
    years = [str(y) for y in figures.years]
    e = figures.expected
    payback = e.payback_year
    return combo_chart(
        years,
        bars=[
            Series(_("Costs"), [-c for c in e.costs], PALETTE[4]),
            Series(_("Benefits"), list(e.benefits), PALETTE[1]),
        ],
        lines=[Series(_("Accumulated net"), list(e.cumulative), PALETTE[0])],
        title=_("Cash flow of the business case"),
        description=_(
            "Costs below and benefits above the zero line per year, and the accumulated net "
            "benefit as a line. The table below holds the same figures."
        ),
        value_format=whole,
        unit=currency,
        marker=payback,
        marker_label=(_("Payback %(year)s") % {"year": years[payback]})
        if payback is not None
        else "",
        chart_id=chart_id,
    )
