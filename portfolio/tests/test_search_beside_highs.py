"""The large neighbourhood search beside HiGHS (lns.py): better plans, every rule kept."""

import time

import numpy as np

from bench.portfolios import generate
from portfolio import optimizer as opt
from portfolio.optimizer import lns, milp, runner
from portfolio.optimizer.model import Model


def knapsack() -> tuple[np.ndarray, list]:
    """A 0-1 knapsack of 40 items in two rows, solvable exactly in a blink."""
    rng = np.random.default_rng(7)
    weights = rng.integers(10, 100, size=(2, 40)).astype(float)
    values = weights.sum(axis=0) / 2 + rng.integers(0, 50, size=40)
    capacity = weights.sum(axis=1) / 3
    rows = [(-np.inf, float(capacity[i]), list(range(40)), list(weights[i])) for i in range(2)]
    return values, rows


def run_search(conn, values, rows, start, deadline):
    lns.search(conn, values, rows, start, deadline)


def test_the_search_improves_a_poor_plan_and_keeps_every_row():
    values, rows = knapsack()
    start = np.zeros(40)  # nothing selected: a poor but feasible centre
    ours, theirs = runner._CONTEXT.Pipe()
    child = runner._CONTEXT.Process(
        target=run_search, args=(theirs, values, rows, start, time.monotonic() + 3)
    )
    child.start()
    theirs.close()
    plans = []
    while True:
        try:
            plans.append(ours.recv()[1])
        except EOFError:
            break
    child.join()
    assert plans, "the search found nothing better than the empty plan"
    worth = [float(values @ p) for p in plans]
    assert worth == sorted(worth) and worth[0] > 0
    for plan in plans:
        assert set(np.unique(plan)) <= {0.0, 1.0}
        for _lo, up, cols, coefs in rows:
            assert float(np.dot(plan[cols], coefs)) <= up + 1e-6


def test_the_search_stops_when_asked():
    values, rows = knapsack()
    ours, theirs = runner._CONTEXT.Pipe()
    child = runner._CONTEXT.Process(
        target=run_search, args=(theirs, values, rows, np.zeros(40), time.monotonic() + 60)
    )
    child.start()
    theirs.close()
    ours.send("stop")
    child.join(timeout=10)
    assert child.exitcode == 0


def test_a_solve_with_the_search_beside_it_keeps_every_rule():
    problem = opt.parse_problem(generate(150, 3))
    model = Model(problem)
    model.build()
    assert len(model.choices) >= milp.HELPER_FROM  # the search runs beside HiGHS
    sol = opt.solve(problem, time_limit=3, explain=False)
    assert opt.check(problem, sol.selected) == []
    assert sol.objective >= sol.greedy.objective
    assert sol.bound >= sol.objective
