"""A large neighbourhood search beside HiGHS: a primal side that does not wait for the tree.

HiGHS's tree search proves bounds and finds plans, but on hard knapsack-like portfolios its
plan improves slowly once the root is done. Beside it, in a child process of its own, this
search repeatedly frees a small set of columns, fixes every other column at the best plan
known, and solves that sub-problem exactly with HiGHS (one thread, a short limit). The
columns it frees are those the LP relaxation finds hardest to decide (the smallest reduced
costs: the "core" of a knapsack), at first the core itself, then random draws from around it;
the size adapts (larger after a quick proof, smaller after a timeout).

It runs at the lowest CPU priority (`os.nice(19)`, set by `runner`): HiGHS's parallel search
keeps about 1.65 of 2 cores busy, and the search takes what is left without slowing HiGHS.
Plans flow both ways through the pipe: every plan HiGHS improves to is a new centre here, and
every plan found here goes to the caller, which answers with the best of both. The search
knows columns and rows only (no initiatives), so every plan it returns keeps every row
exactly as HiGHS's own plans do.
"""

from __future__ import annotations

import time

import highspy
import numpy as np

from .model import add_columns, add_rows, highs, warm_start

# Seconds one sub-problem may take, and the share of columns freed at first.
SUB_LIMIT = 2.0
FIRST_SHARE = 0.1
MIN_FREE = 12


def search(conn, cost: np.ndarray, rows, start: np.ndarray | None, deadline: float) -> None:
    """The search loop (in the helper child); ends at `deadline` (a monotonic time) or "stop".

    `conn` brings plans to search around (arrays) or "stop", and takes ("improving", plan).
    """
    rng = np.random.default_rng(1)
    cols = len(cost)
    order = _core_order(cost, rows, deadline)
    centre = None if start is None else np.round(start)
    value = -np.inf if centre is None else float(cost @ centre)
    size = max(MIN_FREE, int(FIRST_SHARE * cols))
    first = True
    while time.monotonic() < deadline:
        # Every plan HiGHS reported since the last round: the best is the new centre.
        while conn.poll():
            message = conn.recv()
            if isinstance(message, str):  # "stop"
                return
            plan = np.round(message)
            if float(cost @ plan) > value:
                centre, value = plan, float(cost @ plan)
        if centre is None:
            time.sleep(0.05)
            continue
        size = min(size, cols)
        if first or size >= cols:
            free = order[:size]
        else:
            window = order[: min(cols, 2 * size)]
            free = rng.choice(window, size=size, replace=False)
        first = False
        limit = min(SUB_LIMIT, deadline - time.monotonic())
        if limit <= 0.05:
            break
        began = time.monotonic()
        plan, proven = _solve_around(cost, rows, centre, free, limit)
        took = time.monotonic() - began
        if plan is not None and float(cost @ plan) > value + 1e-9 * max(1.0, abs(value)):
            centre, value = plan, float(cost @ plan)
            conn.send(("improving", centre))
        # A quick proof: free more next time; a timeout: fewer.
        if proven and took < 0.3 * limit:
            size = int(size * 1.25) + 1
        elif not proven:
            size = max(MIN_FREE, int(size * 0.8))


def _core_order(cost: np.ndarray, rows, deadline: float) -> np.ndarray:
    """Columns from the hardest to decide to the easiest: fractional in the LP relaxation
    first, then by the size of their reduced cost."""
    cols = len(cost)
    h = highs(max(0.05, deadline - time.monotonic()), 1e-6, False, 1)
    add_columns(h, cost, integer=np.zeros(cols))  # the LP relaxation
    add_rows(h, rows)
    h.run()
    solution = h.getSolution()
    if not solution.value_valid:
        return np.arange(cols)
    x = np.array(solution.col_value)
    reduced = np.abs(np.array(solution.col_dual)) if solution.dual_valid else np.zeros(cols)
    fractional = np.abs(x - np.round(x)) > 1e-6
    return np.lexsort((reduced, ~fractional))


def _solve_around(cost, rows, centre, free, limit: float) -> tuple[np.ndarray | None, bool]:
    """The best plan that agrees with `centre` outside `free`, within `limit` seconds."""
    lower, upper = centre.copy(), centre.copy()
    lower[free], upper[free] = 0.0, 1.0
    h = highs(limit, 1e-9, False, 1)
    add_columns(h, cost, lower=lower, upper=upper)
    add_rows(h, rows)
    h.setSolution(warm_start(centre))
    h.run()
    if h.getInfo().primal_solution_status != 2:  # kSolutionStatusFeasible
        return None, False
    proven = h.getModelStatus() == highspy.HighsModelStatus.kOptimal
    return np.round(np.array(h.getSolution().col_value)), proven
