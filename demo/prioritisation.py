"""Demo data for prioritisation: default criteria, scores by two people, pools, a scenario."""

from __future__ import annotations

import random

from portfolio.models import (
    DEFAULT_CRITERIA,
    DEFAULT_LEVELS,
    Criterion,
    ResourcePool,
    Scenario,
    ScenarioLimit,
    Score,
    SolveRun,
)
from portfolio.services import queue_run
from portfolio.worker import solve_run


def add_prioritisation(org, strategy, initiatives, scorers, *, rng: random.Random) -> Scenario:
    criteria = [
        Criterion.objects.create(
            organisation=org,
            name=str(name),
            description=str(description),
            weight=weight,
            position=k,
            **{f"level_{n + 1}": str(text) for n, text in enumerate(DEFAULT_LEVELS)},
        )
        for k, (name, description, weight) in enumerate(DEFAULT_CRITERIA)
    ]
    Score.objects.bulk_create(
        Score(
            organisation=org,
            initiative=ini,
            criterion=c,
            scorer=user,
            value=min(5, max(1, base + rng.choice((-1, 0, 0, 1)))),
        )
        for ini in initiatives
        for base in [rng.randint(2, 4)]
        for user in scorers
        for c in criteria
    )
    for name in ("Projektledere", "Arkitekter", "Superbrugere"):
        ResourcePool.objects.create(organisation=org, name=name)
    first = max(strategy.period_start, 2027)
    scenario = Scenario.objects.create(
        organisation=org,
        strategy=strategy,
        name=f"Budget {first}, forslag",
        first_year=first,
        periods=min(4, strategy.period_end - first + 1) or 1,
        objective="blend",
        score_share=60,
        time_limit=20,
        notes="Forslag til budgetforhandlingerne: investeringsrammen fra budgetaftalen.",
    )
    ScenarioLimit.objects.create(
        organisation=org,
        scenario=scenario,
        kind="budget",
        budget="investment",
        amounts=[4_000_000] * scenario.periods,
    )
    return scenario


def solve_scenario(scenario, *, user, seconds: float) -> None:
    """Solve the scenario; when its budget cannot hold the mandatory initiatives (the
    generated portfolio is random), raise each year's limit to what the solver's explanation
    says it needs plus a quarter, as an office would, and solve again."""
    for _attempt in range(2):
        run = queue_run(scenario=scenario, user=user)
        SolveRun.objects.filter(pk=run.pk).update(time_limit=max(1, round(seconds)))
        solve_run.call(run.pk)  # here, not by a worker: the generator waits for it anyway
        run.refresh_from_db()
        result = run.result or {}
        increases = (result.get("explanation") or {}).get("limit_increases") or []
        if result.get("status") != "infeasible" or not increases:
            return
        limit = scenario.limits.get(kind="budget")
        amounts = list(limit.amounts)
        for row in increases:
            amounts[row["period_index"]] = round(row["required"] * 1.25, -5)
        limit.amounts = amounts
        limit.save(update_fields=["amounts"])
