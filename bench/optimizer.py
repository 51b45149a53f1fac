"""Benchmarks of the portfolio optimiser on seeded random portfolios (bench/portfolios.py).

    make bench-optimizer    # or: .venv/bin/python bench/optimizer.py [--sizes 100 300]

Per size: the time to the first solution, the time to proven optimality or the gap at the
time limit, and the value gained over the greedy baseline; then a 20-point frontier for
n = 300. No database: the optimiser is a plain module. Aims (issue 5, 2-core machine):
n <= 300 proven optimal within 5 s; n = 1000 within 0.1 % in 10 s; n = 5000 within 0.5 %
in 60 s; a 20-point frontier for n = 300 within 30 s.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.portfolios import generate  # noqa: E402
from portfolio import optimizer  # noqa: E402

LIMITS = {100: 5, 300: 5, 1000: 10, 5000: 60}
AIMS = {100: 0.0, 300: 0.0, 1000: 0.001, 5000: 0.005}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 300, 1000, 5000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--frontier", type=int, default=20)
    args = parser.parse_args()
    print(
        f"# {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )
    print(
        "| n | columns | time limit | first solution | finished | status | gap | greedy gain | aim met |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for n in args.sizes:
        problem = optimizer.parse_problem(generate(n, args.seed))
        limit = LIMITS.get(n, 60)
        sol = optimizer.solve(problem, time_limit=limit, explain=True)
        columns = sum(
            len(i.variants) * len(i.starts(len(problem.periods))) for i in problem.initiatives
        )
        gain = (sol.objective - sol.greedy.objective) / sol.greedy.objective * 100
        aim = AIMS.get(n, 0.005)
        met = (sol.status == "optimal") if aim == 0 else (sol.gap is not None and sol.gap <= aim)
        print(
            f"| {n} | {columns} | {limit} s | {sol.first_solution_time:.2f} s | {sol.time:.2f} s "
            f"| {sol.status} | {sol.gap * 100:.3f} % | +{gain:.1f} % | {'yes' if met else 'no'} |",
            flush=True,
        )
    if args.frontier:
        problem = optimizer.parse_problem(generate(300, args.seed))
        began = time.monotonic()
        front = optimizer.frontier(
            problem, budget="investment", points=args.frontier, time_limit=30
        )
        took = time.monotonic() - began
        statuses = {p["status"] for p in front["points"]}
        print(
            f"\nFrontier, n = 300, {args.frontier} points: {took:.1f} s (statuses: {', '.join(sorted(statuses))})"
        )


if __name__ == "__main__":
    main()
