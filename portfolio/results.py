"""A solve's result as the pages show it: plan by year, use of limits, charts, explanation."""

from __future__ import annotations

from django.utils.translation import gettext as _

from core.charts import PALETTE, Series, combo_chart
from core.l10n import decimal, whole

from .models import Budget, RunStatus, SolveRun

STATUS_LABELS = {
    "optimal": lambda: _("Proven optimal"),
    "feasible": lambda: _("Feasible, not proven optimal"),
    "infeasible": lambda: _("Infeasible"),
    "unknown": lambda: _("No plan found within the time limit"),
}
VARIANT_LABELS = {
    "base": lambda: "",
    "low": lambda: _("low ambition"),
    "medium": lambda: _("medium ambition"),
    "high": lambda: _("high ambition"),
}


def resource_label(name: str) -> str:
    try:
        return str(Budget(name).label)
    except ValueError:
        return name


def variant_label(variant: str) -> str:
    return VARIANT_LABELS[variant]() if variant in VARIANT_LABELS else variant


def _amount(kind: str, value: float, currency: str) -> str:
    if kind == "budgets":
        return f"{whole(value)} {currency}"
    return _("%(hours)s hours") % {"hours": whole(value)}


def explanation_lines(explanation: dict, labels: dict, currency: str) -> dict:
    """The optimiser's explanation of an infeasible scenario, in the user's words."""
    increases = []
    for c in explanation.get("limit_increases", []):
        kind = "budgets" if c["kind"] == "budget" else "capacities"
        increases.append(
            _(
                "%(limit)s %(period)s: the limit is %(limit_amount)s, what must be in needs "
                "%(need)s (+%(increase)s)"
            )
            % {
                "limit": resource_label(c["name"]),
                "period": c["period"],
                "limit_amount": _amount(kind, c["limit"], currency),
                "need": _amount(kind, c["required"], currency),
                "increase": _amount(kind, c["increase"], currency),
            }
        )
    force_out = [
        f"{item['id']} {labels.get(item['id'], {}).get('title', item.get('name', ''))}".strip()
        for item in explanation.get("force_out", [])
    ]
    rules = [
        _("%(initiative)s is both forced in (or mandatory) and forced out.")
        % {"initiative": r["id"]}
        for r in explanation.get("rules", [])
        if r.get("rule") == "mandatory_excluded"
    ]
    return {
        "increases": increases,
        "force_out": force_out,
        "rules": rules,
        "limits_suffice": explanation.get("limits_suffice", False),
    }


def result_context(run: SolveRun | None, currency: str) -> dict:
    if run is None:
        return {"run": None}
    context: dict = {"run": run, "active": run.is_active}
    result = run.result if run.status in (RunStatus.DONE, RunStatus.STOPPED) else None
    if run.is_active and run.progress:
        context["progress"] = run.progress
        context["progress_selected"] = len(run.progress.get("selected") or [])
    if not result or run.kind != "solve":
        return context
    periods = run.periods
    labels = run.labels
    context["status_label"] = STATUS_LABELS.get(result["status"], lambda: result["status"])()
    context["result"] = result
    if result.get("gap") is not None:
        context["gap_pct"] = result["gap"] * 100
    greedy = result.get("greedy")
    if greedy and result.get("objective") is not None:
        gain = result["objective"] - greedy["objective"]
        context["greedy"] = {
            "objective": greedy["objective"],
            "complete": greedy["complete"],
            "count": len(greedy["selected"]),
            "gain": gain,
            "gain_pct": gain / abs(greedy["objective"]) * 100 if greedy["objective"] else None,
        }
    by_period = {k: [] for k in range(len(periods))}
    for sel in sorted(result["selected"], key=lambda s: (s["start"], s["id"])):
        label = labels.get(sel["id"], {})
        by_period[sel["start"]].append(
            {
                "id": sel["id"],
                "number": label.get("number"),
                "title": label.get("title", ""),
                "variant": variant_label(sel["variant"]),
            }
        )
    context["plan"] = [(periods[k], rows) for k, rows in by_period.items()]
    context["selected_count"] = len(result["selected"])
    context["usage"] = usage_rows(result["usage"], periods, currency)
    if result.get("explanation"):
        context["explanation"] = explanation_lines(result["explanation"], labels, currency)
    return context


def usage_rows(usage: dict, periods: list[str], currency: str) -> list[dict]:
    rows = []
    for n, (kind, name, data) in enumerate(
        [("budgets", k, v) for k, v in usage.get("budgets", {}).items()]
        + [("capacities", k, v) for k, v in usage.get("capacities", {}).items()]
    ):
        limit = data.get("limit") or [None] * len(periods)
        label = resource_label(name)
        cells = []
        for t, used in enumerate(data["used"]):
            lim = limit[t] if t < len(limit) else None
            cells.append(
                {
                    "period": periods[t],
                    "used": used,
                    "limit": lim,
                    "share": used / lim * 100 if lim else None,
                }
            )
        chart = combo_chart(
            periods,
            bars=[Series(_("Used"), list(data["used"]), PALETTE[0])],
            lines=[Series(_("Limit"), list(limit), PALETTE[4], dashed=True)]
            if any(v is not None for v in limit)
            else [],
            title=_("%(name)s per year: used and limit") % {"name": label},
            description=_(
                "Columns show what the plan uses each year, the dashed line the "
                "limit. The table holds the same figures."
            ),
            value_format=whole,
            unit=currency if kind == "budgets" else str(_("hours")),
            chart_id=f"usage-{n}",
            height=220,
        )
        rows.append(
            {
                "name": name,
                "label": label,
                "money": kind == "budgets",
                "cells": cells,
                "chart": chart,
                "currency": currency if kind == "budgets" else _("hours"),
            }
        )
    return rows


def frontier_context(run: SolveRun | None, currency: str) -> dict:
    if run is None or not run.result:
        return {"frontier_run": run}
    result = run.result
    points = [
        {**p, "status_label": STATUS_LABELS.get(p["status"], lambda p=p: p["status"])()}
        for p in result["points"]
    ]
    # The axis in the reader's number format: budgets in millions, pools in hours.
    categories = [
        _("%(amount)s mill.") % {"amount": decimal(p["total"] / 1e6, 1)}
        if result["budget"] in {b.value for b in Budget}
        else whole(p["total"])
        for p in points
    ]
    current_total = result["current_total"]
    nearest = min(range(len(points)), key=lambda k: abs(points[k]["total"] - current_total))
    chart = combo_chart(
        categories,
        lines=[Series(_("Best value"), [p["objective"] for p in points], PALETTE[1])],
        title=_("Efficient frontier: the best value at each level of %(budget)s")
        % {"budget": resource_label(result["budget"])},
        description=_(
            "The best value the optimiser can reach as the budget rises; the dashed "
            "line marks the scenario's own budget. The table holds the same figures."
        ),
        value_format=whole,
        marker=nearest,
        marker_label=_("This scenario"),
        chart_id="frontier",
    )
    return {
        "frontier_run": run,
        "frontier": result,
        "frontier_chart": chart,
        "frontier_label": resource_label(result["budget"]),
        "frontier_money": result["budget"] in {b.value for b in Budget},
        "frontier_points": points,
        "frontier_current": result.get("current"),
    }
