"""The efficient frontier: the best value at levels of one budget."""

from __future__ import annotations

import time

import numpy as np

from . import runner
from .milp import solve
from .model import Model
from .problem import OPTIMAL, Problem, ProblemError, check, usage_of
from .runner import Spec
from .solution import Solution


def frontier(
    problem: Problem,
    *,
    budget: str,
    points: int,
    time_limit: float | None = None,
    gap: float = 1e-4,
    threads: int | None = None,
) -> dict:
    """The best value at `points` levels of one budget, from nothing to where it stops binding.

    Every level scales the budget's limit in every period by the same factor; the top level is
    the factor at which the unconstrained optimum's use of the budget fits, so the curve
    flattens there. `time_limit` is for the whole frontier: each solve gets the time left
    divided by the solves left, so time a quick point saves goes to the later ones.

    The levels are solved from the smallest budget up, each starting from the best plan of the
    level below (it fits a larger budget), so a point is never worse than a smaller budget's
    plan; the current budget is solved in its place among them. A level whose starting plan
    already reaches the unconstrained optimum is optimal without a solve.
    """
    began = time.monotonic()
    key = ("budget", budget) if budget in problem.budgets else ("capacity", budget)
    limits = problem.limits().get(key)
    if limits is None:
        raise ProblemError("--budget", f"names no budget or pool in the problem: “{budget}”")
    if points < 2:
        raise ProblemError("--frontier", "needs at least 2 points")
    calls = [points + 3]  # the free solve, the least factor, the points and the current budget

    def share() -> float | None:
        calls[0] -= 1
        if time_limit is None:
            return None
        left = time_limit - (time.monotonic() - began)
        return max(0.05, left / max(1, calls[0] + 1))

    free = problem.with_limits(key[0], budget, [None] * len(limits))
    top = solve(
        free, time_limit=share(), gap=gap, explain=False, greedy_baseline=False, threads=threads
    )
    used = usage_of(problem, top.selected)["budgets" if key[0] == "budget" else "capacities"]
    ratios = [
        u / lim for u, lim in zip(used[budget]["used"], limits, strict=True) if lim and lim > 0
    ]
    high = max([1.0, *ratios])
    low = min(_least_factor(problem, key, share()), high)
    factors = [low + (high - low) * k / (points - 1) for k in range(points)]
    # The current budget (factor 1) is solved in its place among the levels.
    order = sorted([(f, k) for k, f in enumerate(factors)] + [(1.0, points)])
    answers: dict[int, Solution] = {}
    plan: list[dict] | None = None
    value = None
    ceiling = top.bound if top.status == OPTIMAL else None
    for factor, k in order:
        scaled = [None if lim is None else lim * factor for lim in limits]
        level = problem.with_limits(key[0], budget, scaled)
        # The unconstrained optimum fits this level: nothing can be better.
        better = top.objective is not None and (value is None or top.objective >= value)
        if better and not check(level, top.selected):
            plan, value = top.selected, top.objective
        if ceiling is not None and value is not None and value >= ceiling - 1e-9:
            share()
            answers[k] = _reached(level, plan, value, ceiling)
            continue
        sol = solve(
            level,
            time_limit=share(),
            gap=gap,
            explain=False,
            threads=threads,
            start=plan,
        )
        answers[k] = sol
        if sol.objective is not None and (value is None or sol.objective >= value):
            plan, value = sol.selected, sol.objective
    out = []
    for k, factor in enumerate(factors):
        sol = answers[k]
        scaled = [None if lim is None else lim * factor for lim in limits]
        out.append(
            {
                "factor": factor,
                "limits": scaled,
                "total": sum(v for v in scaled if v is not None),
                "status": sol.status,
                "objective": sol.objective,
                "bound": sol.bound,
                "gap": sol.gap,
                "selected": len(sol.selected),
            }
        )
    now = answers[points]
    current = {
        "total": sum(v for v in limits if v is not None),
        "status": now.status,
        "objective": now.objective,
    }
    return {
        "budget": budget,
        "current_total": current["total"],
        "current": current,
        "points": out,
        "time": round(time.monotonic() - began, 3),
    }


def _reached(problem: Problem, plan: list[dict], value: float, bound: float) -> Solution:
    """A level whose plan equals the proven unconstrained optimum: optimal without a solve."""
    return Solution(
        status=OPTIMAL,
        objective=value,
        bound=max(value, bound),
        gap=0.0,
        selected=plan,
        usage=usage_of(problem, plan),
    )


def _least_factor(problem: Problem, key: tuple[str, str], time_limit: float | None) -> float:
    """The smallest common factor on one limit's periods that still admits a solution.

    What must be in (mandatory initiatives and their prerequisites) needs some of the budget;
    below that factor every frontier point would be infeasible. Solved as a MILP with the
    factor as a continuous variable: sum(a x) - limit_t * f <= 0 in that limit's rows.
    """
    model = Model(problem)
    model.build()
    cols = len(model.choices)
    if cols == 0:
        return 0.0
    rows = list(model.rows)
    for kind, name, _t, r, _scale in model.limit_rows:
        if (kind, name) == key:
            lower, upper, idx, val = rows[r]
            rows[r] = (lower, 0.0, idx + [cols], val + [-upper])
    spec = Spec(
        cost=np.concatenate([np.zeros(cols), [-1.0]]),
        rows=rows,
        upper=np.concatenate([np.ones(cols), [1e6]]),
        integer=np.concatenate([np.ones(cols), [0.0]]),
        gap=1e-4,
    )
    outcome = runner.run(spec, time_limit=time_limit)
    if outcome.x is None:
        return 0.0
    return max(0.0, float(outcome.x[cols]))
