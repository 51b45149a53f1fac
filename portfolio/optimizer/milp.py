"""The exact solve with HiGHS: proven optimal or the best plan within the time limit."""

from __future__ import annotations

import math
import time
from collections.abc import Callable

import highspy
import numpy as np

from .explain import explain_infeasible
from .greedy import greedy
from .model import Model, add_binaries, add_rows, highs
from .problem import (
    DEFAULT_GAP,
    FEASIBLE,
    INFEASIBLE,
    OPTIMAL,
    TOLERANCE,
    UNKNOWN,
    Problem,
    usage_of,
)
from .solution import Progress, Solution


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
) -> Solution:
    """Solve to proven optimality or until the time limit (seconds).

    `progress` is called with each improving solution and about once a second; when it
    returns True the solve stops and the best solution so far is returned (`stopped`).
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
    # The time limit covers the whole call: building the model and the greedy count too.
    remaining = None if time_limit is None else max(0.1, time_limit - (time.monotonic() - began))
    h = highs(remaining, gap, log, threads)
    add_binaries(h, cols, model.values())
    add_rows(h, model.rows)
    state = {"first": None, "last_report": 0.0, "stopped": False, "best": None}

    def improving(event):
        elapsed = time.monotonic() - began
        if state["first"] is None:
            state["first"] = elapsed
        state["best"] = np.array(event.data_out.mip_solution, dtype=np.float64)
        if progress is not None:
            out = event.data_out
            best = model.selected(state["best"])
            report = Progress(
                elapsed,
                _finite(out.mip_primal_bound),
                _finite(out.mip_dual_bound),
                _finite(out.mip_gap),
                best,
            )
            if progress(report):
                state["stopped"] = True

    def interrupt(event):
        if state["stopped"]:
            event.interrupt()
            return
        elapsed = time.monotonic() - began
        if progress is not None and elapsed - state["last_report"] >= 1.0:
            state["last_report"] = elapsed
            out = event.data_out
            has_best = state["best"] is not None
            primal = _finite(out.mip_primal_bound) if has_best else None
            best = model.selected(state["best"]) if has_best else None
            report = Progress(
                elapsed, primal, _finite(out.mip_dual_bound), _finite(out.mip_gap), best
            )
            if progress(report):
                state["stopped"] = True
                event.interrupt()

    if baseline is not None and baseline.complete and baseline.selected:
        # The greedy selection keeps every rule: hand it to HiGHS as its first incumbent.
        column = {(c.initiative, c.variant, c.start): k for k, c in enumerate(model.choices)}
        position = {ini.id: i for i, ini in enumerate(problem.initiatives)}
        start = np.zeros(cols)
        for sel in baseline.selected:
            i = position[sel["id"]]
            v = next(
                j
                for j, var in enumerate(problem.initiatives[i].variants)
                if var.id == sel["variant"]
            )
            start[column[(i, v, sel["start"])]] = 1.0
        warm = highspy.HighsSolution()
        warm.col_value = list(start)
        warm.value_valid = True
        h.setSolution(warm)
    h.cbMipImprovingSolution.subscribe(improving)
    if progress is not None:
        h.cbMipInterrupt.subscribe(interrupt)
    h.run()
    ms = h.getModelStatus()
    info = h.getInfo()
    x = None
    has_solution = info.primal_solution_status == 2  # kSolutionStatusFeasible
    if has_solution:
        x = np.array(h.getSolution().col_value)
    elif state["best"] is not None:
        x = state["best"]
    elapsed = time.monotonic() - began
    if ms == highspy.HighsModelStatus.kInfeasible:
        return Solution(
            status=INFEASIBLE,
            objective=None,
            bound=None,
            gap=None,
            selected=[],
            usage=usage_of(problem, []),
            time=elapsed,
            greedy=baseline,
            explanation=explain_infeasible(problem, time_limit=time_limit) if explain else None,
        )
    if x is None:
        return Solution(
            status=UNKNOWN,
            objective=None,
            bound=_finite(info.mip_dual_bound),
            gap=None,
            selected=[],
            usage=usage_of(problem, []),
            time=elapsed,
            stopped=state["stopped"],
            greedy=baseline,
        )
    selected = model.selected(x)
    objective = float(sum(model.values()[x > 0.5]))
    bound = _finite(info.mip_dual_bound)
    optimal = ms == highspy.HighsModelStatus.kOptimal
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
        first_solution_time=state["first"] if state["first"] is not None else elapsed,
        stopped=state["stopped"],
        greedy=baseline,
    )
    return sol


def _finite(value) -> float | None:
    return (
        float(value) if value is not None and math.isfinite(value) and abs(value) < 1e29 else None
    )


def _gap(objective: float, bound: float | None) -> float | None:
    if bound is None:
        return None
    diff = max(0.0, bound - objective)
    if diff <= TOLERANCE * max(1.0, abs(objective)):
        return 0.0
    return diff / max(abs(objective), 1e-9)
