"""The efficient frontier: the best value at levels of one budget."""

from __future__ import annotations

import numpy as np

from .milp import solve
from .model import Model, add_binaries, add_rows, highs
from .problem import Problem, ProblemError, usage_of


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
    flattens there. `time_limit` is for the whole frontier.
    """
    key = ("budget", budget) if budget in problem.budgets else ("capacity", budget)
    limits = problem.limits().get(key)
    if limits is None:
        raise ProblemError("--budget", f"names no budget or pool in the problem: “{budget}”")
    if points < 2:
        raise ProblemError("--frontier", "needs at least 2 points")
    per_point = None if time_limit is None else max(0.05, time_limit / (points + 3))
    free = problem.with_limits(key[0], budget, [None] * len(limits))
    top = solve(
        free, time_limit=per_point, gap=gap, explain=False, greedy_baseline=False, threads=threads
    )
    used = usage_of(problem, top.selected)["budgets" if key[0] == "budget" else "capacities"]
    ratios = [
        u / lim for u, lim in zip(used[budget]["used"], limits, strict=True) if lim and lim > 0
    ]
    high = max([1.0, *ratios])
    low = min(_least_factor(problem, key, per_point), high)
    out = []
    for k in range(points):
        factor = low + (high - low) * k / (points - 1)
        scaled = [None if lim is None else lim * factor for lim in limits]
        sol = solve(
            problem.with_limits(key[0], budget, scaled),
            time_limit=per_point,
            gap=gap,
            explain=False,
            greedy_baseline=False,
            threads=threads,
        )
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
    now = solve(
        problem,
        time_limit=per_point,
        gap=gap,
        explain=False,
        greedy_baseline=False,
        threads=threads,
    )
    current = {
        "total": sum(v for v in limits if v is not None),
        "status": now.status,
        "objective": now.objective,
    }
    return {"budget": budget, "current_total": current["total"], "current": current, "points": out}


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
    h = highs(time_limit, 1e-4, False)
    add_binaries(h, cols, np.zeros(cols))
    h.addVars(1, np.zeros(1), np.array([1e6]))
    h.changeColsCost(1, np.array([cols], dtype=np.int32), np.array([-1.0]))
    rows = list(model.rows)
    for kind, name, _t, r, _scale in model.limit_rows:
        if (kind, name) == key:
            lower, upper, idx, val = rows[r]
            rows[r] = (lower, 0.0, idx + [cols], val + [-upper])
    add_rows(h, rows)
    h.run()
    if h.getInfo().primal_solution_status != 2:
        return 0.0
    return max(0.0, float(h.getSolution().col_value[cols]))
