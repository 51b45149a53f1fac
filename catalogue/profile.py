"""What an entry freezes of an initiative, and what an adopter gets of an entry: plain
data, so a published entry reads the same whatever its publisher edits later."""

from __future__ import annotations

import datetime

from finance.models import figures_from_data
from initiatives.models import Initiative


def _num(value) -> float | None:
    return None if value is None else float(value)


def approved_case(initiative: Initiative) -> dict | None:
    """The newest approval of the initiative's business case, frozen (the state model's
    lines and risks) with its key figures; None without an approved case."""
    case = initiative.business_cases.approved().order_by("-updated").first()
    frozen = case.approvals.order_by("-approved_at").first() if case else None
    if frozen is None:
        return None
    figures = figures_from_data(frozen.data)
    e = figures.expected
    return {
        "data": frozen.data,
        "currency": initiative.organisation.currency,
        "approved_on": frozen.approved_at.date().isoformat(),
        "years": list(figures.years),
        "costs": [round(v, 2) for v in e.costs],
        "benefits": [round(v, 2) for v in e.benefits],
        "npv": round(e.npv, 2),
        "total_cost": round(e.total_cost, 2),
        "total_benefit": round(e.total_benefit, 2),
        "payback_year": None if e.payback_year is None else figures.years[e.payback_year],
    }


def benefits_plan_and_result(initiative: Initiative, today: datetime.date) -> list[dict]:
    """Each benefit's plan against what was realised: the planned value due by today and
    the latest measurement (with its date)."""
    out = []
    for b in initiative.benefits.prefetch_related("plan", "measurements").order_by("pk"):
        planned = [p for p in b.plan.all() if p.period <= today]
        measured = sorted(b.measurements.all(), key=lambda m: m.measured_on)
        out.append(
            {
                "title": b.title,
                "indicator": b.indicator,
                "unit": b.unit,
                "baseline": _num(b.baseline_value),
                "target": _num(b.target_likely),
                "planned_now": _num(planned[-1].value) if planned else None,
                "realised": _num(measured[-1].value) if measured else None,
                "realised_on": measured[-1].measured_on.isoformat() if measured else None,
            }
        )
    return out


def lessons_of(initiative: Initiative) -> str:
    """The lessons its decisions (stage gates, stops) and completed after-reviews recorded,
    one paragraph each: the publisher reviews them before they are shared."""
    decided = [
        d.lessons.strip()
        for d in initiative.decisions.exclude(lessons="").order_by("decided_on", "pk")
    ]
    reviewed = [
        r.lessons.strip()
        for r in initiative.after_reviews.filter(completed_at__isnull=False)
        .exclude(lessons="")
        .order_by("completed_at")
    ]
    return "\n\n".join(decided + reviewed)
