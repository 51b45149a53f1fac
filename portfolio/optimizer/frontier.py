"""The efficient frontier: the best value at levels of one budget."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from . import runner
from .milp import solve
from .model import Model
from .problem import FEASIBLE, OPTIMAL, UNKNOWN, Problem, ProblemError, check, usage_of
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
    divided by the solves left, so time a quick level saves goes to the later ones.

    The levels (the current budget among them) are solved from the smallest budget up in two
    chains side by side (alternate levels, one HiGHS thread each), each level starting from
    the best plan found at a smaller budget (it fits a larger one). A level whose starting plan
    reaches the proven unconstrained optimum is optimal without a solve, and a level whose solve
    ended below a smaller budget's plan takes that plan: the curve never falls.
    """
    began = time.monotonic()
    key = ("budget", budget) if budget in problem.budgets else ("capacity", budget)
    limits = problem.limits().get(key)
    if limits is None:
        raise ProblemError("--budget", f"names no budget or pool in the problem: “{budget}”")
    if points < 2:
        raise ProblemError("--frontier", "needs at least 2 points")
    deadline = None if time_limit is None else began + time_limit

    def share(calls_left: int) -> float | None:
        if deadline is None:
            return None
        return max(0.05, (deadline - time.monotonic()) / max(1, calls_left))

    free = problem.with_limits(key[0], budget, [None] * len(limits))
    # Of the time, the levels get all but two solves' share (the free optimum, the least factor).
    top = solve(
        free,
        time_limit=share(points // 2 + 3),
        gap=gap,
        explain=False,
        greedy_baseline=False,
        threads=threads,
    )
    used = usage_of(problem, top.selected)["budgets" if key[0] == "budget" else "capacities"]
    ratios = [
        u / lim for u, lim in zip(used[budget]["used"], limits, strict=True) if lim and lim > 0
    ]
    high = max([1.0, *ratios])
    low = min(_least_factor(problem, key, share(points // 2 + 2)), high)
    factors = [low + (high - low) * k / (points - 1) for k in range(points)]
    # The current budget (factor 1) is solved in its place among the levels.
    levels = sorted([(f, k) for k, f in enumerate(factors)] + [(1.0, points)])
    ceiling = top.bound if top.status == OPTIMAL else None
    answers: dict[int, Solution] = {}
    lock = threading.Lock()

    def best_below(factor: float, level: Problem) -> list[dict] | None:
        """The best plan found so far at a smaller budget (it fits this one), or the free
        optimum when it fits."""
        with lock:
            found = [
                answers[k]
                for f, k in levels
                if f <= factor and k in answers and answers[k].objective is not None
            ]
        plans = [(sol.objective, sol.selected) for sol in found]
        if top.objective is not None and not check(level, top.selected):
            plans.append((top.objective, top.selected))
        return max(plans, key=lambda p: p[0], default=(None, None))

    def chain(mine: list[tuple[float, int]]) -> None:
        for done, (factor, k) in enumerate(mine):
            scaled = [None if lim is None else lim * factor for lim in limits]
            level = problem.with_limits(key[0], budget, scaled)
            value, plan = best_below(factor, level)
            if ceiling is not None and value is not None and value >= ceiling - 1e-9:
                sol = _reached(level, plan, value, ceiling)
            elif deadline is not None and time.monotonic() >= deadline:
                # No time left: the level keeps the best plan below it, unproven.
                sol = _unsolved(level, plan, value)
            else:
                sol = solve(
                    level,
                    time_limit=share(len(mine) - done),
                    gap=gap,
                    explain=False,
                    threads=1,
                    start=plan,
                )
            with lock:
                answers[k] = sol

    # Two chains of levels side by side, one HiGHS thread each: every level gets twice the
    # time it would get in one chain. Each level starts from the best plan found below it.
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(chain, [levels[0::2], levels[1::2]]))
    # A plan that fits a smaller budget fits a larger one: the curve never falls.
    best = None
    for factor, k in levels:
        sol = answers[k]
        if best is not None and (sol.objective is None or sol.objective < best.objective):
            scaled = [None if lim is None else lim * factor for lim in limits]
            level = problem.with_limits(key[0], budget, scaled)
            sol = answers[k] = _carried(level, best, sol.bound)
        if sol.objective is not None and (best is None or sol.objective >= best.objective):
            best = sol
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


def _unsolved(problem: Problem, plan: list[dict] | None, value: float | None) -> Solution:
    """A level the time limit left unsolved: the best plan below it, if any, without a bound."""
    return Solution(
        status=UNKNOWN if plan is None else FEASIBLE,
        objective=value,
        bound=None,
        gap=None,
        selected=plan or [],
        usage=usage_of(problem, plan or []),
    )


def _carried(problem: Problem, below: Solution, bound: float | None) -> Solution:
    """A level whose own solve ended below a smaller budget's plan: that plan, with the
    level's own proven bound."""
    bound = None if bound is None else max(bound, below.objective)
    gap = None if bound is None else (bound - below.objective) / max(abs(below.objective), 1e-9)
    return Solution(
        status=FEASIBLE,
        objective=below.objective,
        bound=bound,
        gap=gap,
        selected=below.selected,
        usage=usage_of(problem, below.selected),
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
