"""A strategy as plain JSON data: what a version freezes, what the documents and the public
page are written from, and what two versions are compared on (compare.py).

`take(strategy)` reads the strategy's parts, the governance (bodies and their mandates),
the yearly cycle and the committed action plan (the scenario's solved plan by year with the
business goals each initiative serves, investment and planned benefits per year, and the
joint-public share). Every figure is a plain number and every text plain text, so the
snapshot reads the same years later whatever happened to the rows it came from.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db.models import Prefetch
from django.db.models.fields.json import KeyTransform

from cycle.models import CycleEvent
from finance.models import BusinessCase, with_figures_at_hand
from governance.models import Body, Mandate
from initiatives.models import Initiative, reference
from initiatives.tracks import JOINT_SOURCES, Track
from portfolio.models import RunStatus, Scenario, ScenarioStatus
from strategy.models import FocusArea, FocusAreaGoal, Strategy

SCHEMA = 1
UNDERWAY = ("implementation", "operation")


def _num(value) -> float | None:
    return None if value is None else float(value)


def take(strategy: Strategy, *, for_comparison: bool = False) -> dict:
    """The whole strategy as it stands now (see the module's docstring).

    `for_comparison` leaves out what compare.py never reads — the governance, the yearly
    cycle and the action plan's figures and business goals — for What changed, which takes
    the draft's snapshot on every request. Such a snapshot is never stored.
    """
    org = strategy.organisation
    focus_areas = (
        FocusArea.objects.filter(strategy=strategy)
        .order_by("order", "id")
        .prefetch_related(
            Prefetch("goals", queryset=FocusAreaGoal.objects.order_by("target_date", "id"))
        )
    )
    # Plain (focus area, number) pairs: hundreds of links need no model instances.
    numbers = defaultdict(list)
    for fa_id, number in (
        Initiative.focus_areas.through.objects.filter(focusarea__strategy=strategy)
        .order_by("initiative__number")
        .values_list("focusarea_id", "initiative__number")
    ):
        numbers[fa_id].append(number)

    by_theme: dict[int, list] = defaultdict(list)
    for fa in focus_areas:
        by_theme[fa.theme_id].append(
            {
                "id": fa.pk,
                "title": fa.title,
                "description": fa.description,
                "goals": [
                    {
                        "id": g.pk,
                        "indicator": g.indicator,
                        "unit": g.unit,
                        "baseline": _num(g.baseline),
                        "target": float(g.target),
                        "target_date": g.target_date.isoformat(),
                        "source": g.source,
                    }
                    for g in fa.goals.all()
                ],
                "initiatives": numbers[fa.pk],
            }
        )
    return {
        "schema": SCHEMA,
        "taken": datetime.date.today().isoformat(),
        "strategy": {
            "id": strategy.pk,
            "title": strategy.title,
            "period_start": strategy.period_start,
            "period_end": strategy.period_end,
            "vision": strategy.vision,
            "governance": strategy.governance,
            "it_architecture": strategy.it_architecture,
            "for_employees": strategy.for_employees,
            "for_leaders": strategy.for_leaders,
            "for_citizens": strategy.for_citizens,
        },
        "business_goals": [
            {"id": g.pk, "title": g.title, "source": g.source, "description": g.description}
            for g in strategy.business_goals.order_by("order", "id")
        ],
        "themes": [
            {
                "id": t.pk,
                "title": t.title,
                "description": t.description,
                "focus_areas": by_theme.get(t.pk, []),
            }
            for t in strategy.themes.order_by("order", "id")
        ],
        "bodies": [] if for_comparison else _bodies(org),
        "cycle": []
        if for_comparison
        else [
            {"title": e.title, "month": e.month, "day": e.day, "repeat": e.repeat}
            for e in CycleEvent.objects.for_org(org).order_by("month", "day", "pk")
        ],
        "action_plan": action_plan(strategy, figures=not for_comparison),
    }


def _bodies(org) -> list[dict]:
    mandates = defaultdict(list)
    for m in Mandate.objects.for_org(org).order_by("kind", "track"):
        mandates[m.body_id].append(
            {"kind": m.kind, "track": m.track, "max_amount": _num(m.max_amount)}
        )
    return [
        {"name": b.name, "kind": b.kind, "description": b.description, "mandates": mandates[b.pk]}
        for b in Body.objects.for_org(org)
    ]


def action_plan(strategy: Strategy, *, figures: bool = True) -> dict | None:
    """The committed scenario's plan, or None when no solved scenario is committed.

    Without `figures`, only the plan's initiatives, starts and variants (what compare.py
    reads): no investment or benefits, no business goals, and the run's problem unread.
    """
    scenario = (
        Scenario.objects.filter(strategy=strategy, status=ScenarioStatus.COMMITTED)
        .select_related("committed_run")
        .defer("committed_run__progress", *(() if figures else ("committed_run__problem",)))
        .annotate(run_periods=KeyTransform("periods", "committed_run__problem"))
        .first()
    )
    run = scenario.committed_run if scenario else None
    if run is None or run.status not in (RunStatus.DONE, RunStatus.STOPPED) or not run.result:
        return None
    years = [int(p) for p in scenario.run_periods]
    selected = sorted(run.result["selected"], key=lambda s: (s["start"], s["id"]))
    numbers = [run.labels.get(s["id"], {}).get("number") for s in selected]
    # Plain rows, and the plan's initiatives as a subquery for the goals and cases rather
    # than a list of a few hundred ids bound into each query.
    chosen = Initiative.objects.for_org(strategy.organisation).filter(
        number__in=[x for x in numbers if x is not None]
    )
    initiatives = {
        i.number: i
        for i in chosen.values_list("id", "number", "title", "track", "source", "stage", named=True)
    }
    # Each selection with its initiative (one deleted since the solve is left out).
    picked = [
        (sel, initiatives[number])
        for sel, number in zip(selected, numbers, strict=True)
        if number in initiatives
    ]
    rows = []
    for sel, ini in picked:
        rows.append(
            {
                "number": ini.number,
                "reference": reference(ini.number),
                "title": ini.title,
                "track": ini.track,
                "joint": ini.source in JOINT_SOURCES,
                "start": years[sel["start"]],
                "variant": sel["variant"],
            }
        )
    plan = {
        "scenario": scenario.name,
        "committed": scenario.committed_at.date().isoformat() if scenario.committed_at else "",
        "years": years,
        "rows": rows,
    }
    if figures:
        plan.update(_figures(strategy, run, chosen, picked, rows, years))
    joint = [r for r in rows if r["joint"]]
    plan["joint_share"] = len(joint) / len(rows) if rows else None
    plan["by_track"] = {t.value: sum(1 for r in rows if r["track"] == t.value) for t in Track}
    return plan


def _figures(strategy, run, chosen, picked, rows, years) -> dict:
    """Each row's business goals, investment and benefits by year (added to `rows`, which
    follow `picked`), and the plan's totals."""
    n = len(years)
    items = {item["id"]: item for item in run.problem["initiatives"]}
    goals_of = defaultdict(list)
    for initiative_id, title in (
        Initiative.business_goals.through.objects.filter(initiative__in=chosen.values("id"))
        .order_by("businessgoal__order", "businessgoal_id")
        .values_list("initiative_id", "businessgoal__title")
    ):
        goals_of[initiative_id].append(title)
    cases = defaultdict(dict)
    # The stored benefits per year, not every case's lines and risks nor its whole stored
    # figures (each had been most of the snapshot's time).
    for case in with_figures_at_hand(
        list(
            BusinessCase.objects.for_org(strategy.organisation)
            .filter(initiative__in=chosen.values("id"))
            .with_expected_benefits()
        ),
        benefits=True,
    ):
        cases[case.initiative_id][case.variant or "base"] = case
    investment = [0.0] * n
    benefits = [0.0] * n
    for (sel, ini), row in zip(picked, rows, strict=True):
        variant = next(
            (v for v in items.get(sel["id"], {}).get("variants", []) if v["id"] == sel["variant"]),
            {},
        )
        row_investment = [0.0] * n
        for k, amount in enumerate(variant.get("budgets", {}).get("investment", [])):
            if sel["start"] + k < n:
                row_investment[sel["start"] + k] = float(amount)
        row_benefits = [0.0] * n
        case = cases[ini.id].get(sel["variant"]) or next(iter(cases[ini.id].values()), None)
        if case is not None:
            first = case.first_year if ini.stage in UNDERWAY else years[sel["start"]]
            for k, amount in enumerate(case.expected_benefits()):
                index = first + k - years[0]
                if 0 <= index < n:
                    row_benefits[index] = float(amount)
        investment = [a + b for a, b in zip(investment, row_investment, strict=True)]
        benefits = [a + b for a, b in zip(benefits, row_benefits, strict=True)]
        row["business_goals"] = goals_of[ini.id]
        row["investment"] = [round(v, 2) for v in row_investment]
        row["benefits"] = [round(v, 2) for v in row_benefits]
    return {
        "investment": [round(v, 2) for v in investment],
        "benefits": [round(v, 2) for v in benefits],
    }
