"""The exact solve with HiGHS: proven optimal or the best plan within the time limit."""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np

from . import runner
from .explain import explain_infeasible
from .greedy import greedy
from .model import Model
from .problem import (
    DEFAULT_GAP,
    FEASIBLE,
    INFEASIBLE,
    OPTIMAL,
    TOLERANCE,
    UNKNOWN,
    Problem,
    check,
    usage_of,
)
from .runner import Spec
from .solution import Progress, Solution

# Columns from which a large neighbourhood search runs beside HiGHS (lns.py).
HELPER_FROM = 100
# Seconds of the time limit kept back for reading the plan (selection, use of every limit).
READING_TIME = 0.25


def solve(
    problem: Problem,
    *,
    time_limit: float | None = None,
    gap: float = DEFAULT_GAP,
    progress: Callable[[Progress], bool] | None = None,
    explain: bool = True,
    greedy_baseline: bool = True,
    log: bool = False,
    threads: int | None = None,
    start: list[dict] | None = None,
) -> Solution:
    """Solve to proven optimality or until the time limit (seconds).

    `progress` is called with each improving solution and about once a second; when it
    returns True the solve stops and the best solution so far is returned (`stopped`).
    `start` is a plan to begin from (e.g. the frontier's previous point); it is used only if
    it keeps every rule, and the answer is never worse than it or the greedy baseline.
    """
    began = time.monotonic()
    model = Model(problem)
    model.build()
    baseline = greedy(problem) if greedy_baseline else None
    cols = len(model.choices)
    # A model with no columns has only constant rows: feasible unless a mandatory row says 1.
    if cols == 0:
        ok = not any(ini.mandatory for ini in problem.initiatives)
        status = OPTIMAL if ok else INFEASIBLE
        return Solution(
            status=status,
            objective=0.0 if ok else None,
            bound=0.0 if ok else None,
            gap=0.0 if ok else None,
            selected=[],
            usage=usage_of(problem, []),
            time=time.monotonic() - began,
            first_solution_time=0.0 if ok else None,
            greedy=baseline,
            explanation=(
                explain_infeasible(problem, time_limit=time_limit) if not ok and explain else None
            ),
        )
    plans = [start] if start and not check(problem, start) else []
    if baseline is not None and baseline.complete and baseline.selected:
        plans.append(baseline.selected)
    values = model.values()  # the value of each column, once
    first = max((_columns(problem, model, p) for p in plans), key=values.dot, default=None)
    # The time limit covers the whole call: building the model and the greedy count too, and
    # READING_TIME is kept back for turning the plan into the answer.
    remaining = (
        None
        if time_limit is None
        else max(0.1, time_limit - READING_TIME - (time.monotonic() - began))
    )
    spec = Spec(
        cost=values,
        rows=model.rows,
        start=first,
        gap=gap,
        threads=threads,
        log=log,
    )

    best: dict = {"selected": None}

    def improving(elapsed, x, primal, dual, mip_gap) -> bool:
        if progress is None:
            return False
        best["selected"] = model.selected(x)
        since = time.monotonic() - began
        return progress(Progress(since, primal, dual, mip_gap, best["selected"]))

    def tick(elapsed, primal, dual, mip_gap) -> bool:
        if progress is None:
            return False
        since = time.monotonic() - began
        return progress(Progress(since, primal, dual, mip_gap, best["selected"]))

    # The search beside HiGHS pays for its second process only on problems of some size.
    helper = cols >= HELPER_FROM and time_limit is not None
    outcome = runner.run(spec, time_limit=remaining, improving=improving, tick=tick, helper=helper)
    x = outcome.x
    if first is not None and (x is None or values.dot(first) > values.dot(x)):
        x = first  # stopped or killed before HiGHS reported the plan it started from
    elapsed = time.monotonic() - began
    if outcome.status == runner.INFEASIBLE:
        left = None if time_limit is None else max(0.1, time_limit - elapsed)
        return Solution(
            status=INFEASIBLE,
            objective=None,
            bound=None,
            gap=None,
            selected=[],
            usage=usage_of(problem, []),
            time=elapsed,
            greedy=baseline,
            explanation=explain_infeasible(problem, time_limit=left) if explain else None,
        )
    if x is None:
        return Solution(
            status=UNKNOWN,
            objective=None,
            bound=outcome.bound,
            gap=None,
            selected=[],
            usage=usage_of(problem, []),
            time=elapsed,
            stopped=outcome.stopped,
            greedy=baseline,
        )
    selected = model.selected(x)
    objective = float(sum(values[x > 0.5]))
    bound = outcome.bound
    optimal = outcome.status == runner.OPTIMAL
    if bound is None or optimal and bound < objective:
        bound = objective if optimal else bound
    sol = Solution(
        status=OPTIMAL if optimal else FEASIBLE,
        objective=objective,
        bound=bound,
        gap=_gap(objective, bound),
        selected=selected,
        usage=usage_of(problem, selected),
        time=elapsed,
        first_solution_time=outcome.first if outcome.first is not None else elapsed,
        stopped=outcome.stopped,
        greedy=baseline,
    )
    return sol


def _columns(problem: Problem, model: Model, plan: list[dict]) -> np.ndarray:
    """A plan (`{"id", "variant", "start"}` items) as the model's 0-1 column vector."""
    column = {(c.initiative, c.variant, c.start): k for k, c in enumerate(model.choices)}
    position = {ini.id: i for i, ini in enumerate(problem.initiatives)}
    x = np.zeros(len(model.choices))
    for sel in plan:
        i = position[sel["id"]]
        v = next(
            j for j, var in enumerate(problem.initiatives[i].variants) if var.id == sel["variant"]
        )
        x[column[(i, v, sel["start"])]] = 1.0
    return x


def _gap(objective: float, bound: float | None) -> float | None:
    if bound is None:
        return None
    diff = max(0.0, bound - objective)
    if diff <= TOLERANCE * max(1.0, abs(objective)):
        return 0.0
    return diff / max(abs(objective), 1e-9)
