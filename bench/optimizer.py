"""Benchmarks of the portfolio optimiser on seeded random portfolios (bench/portfolios.py).

    make bench-optimizer    # this, then bench/mkp.py (Styr beside plain HiGHS)
    .venv/bin/python bench/optimizer.py [--sizes 100 150 300 1000] [--seeds 1 2 3]
                                        [--frontier 20] [--promise 5000]

Per size and seed: the time to the first solution, the time to proven optimality or the gap
at the time limit, and the value gained over the greedy baseline. Then a 20-point frontier
for n = 300 under a 20 s limit for the whole frontier (monotone in the budget?), and the time
limit's promise on a 5,000-initiative problem (10 s and 5 s limits: when did the call end?).
No database: the optimiser is a plain module. Aims (issue 19, 2-core machine): n <= 150
proven optimal within 5 s; n = 300 within 0.1 % of the best plan known in 30 s; n = 1000
within 0.2 % in 60 s; the frontier within 20 s; every call within its limit plus 1 s.
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

LIMITS = {100: 5, 150: 5, 300: 30, 1000: 60, 5000: 60}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 150, 300, 1000])
    parser.add_argument("--seeds", type=int, nargs="*", default=[1, 2, 3])
    parser.add_argument("--frontier", type=int, default=20)
    parser.add_argument("--promise", type=int, default=5000)
    args = parser.parse_args()
    print(
        f"# {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, load {os.getloadavg()[0]:.2f}"
    )
    print(
        "| n | seed | columns | time limit | first solution | finished | status | objective "
        "| gap | greedy gain |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for n in args.sizes:
        for seed in args.seeds:
            problem = optimizer.parse_problem(generate(n, seed))
            limit = LIMITS.get(n, 60)
            began = time.monotonic()
            sol = optimizer.solve(problem, time_limit=limit, explain=True)
            took = time.monotonic() - began
            assert optimizer.check(problem, sol.selected) == []
            columns = sum(
                len(i.variants) * len(i.starts(len(problem.periods))) for i in problem.initiatives
            )
            gain = (sol.objective - sol.greedy.objective) / sol.greedy.objective * 100
            print(
                f"| {n} | {seed} | {columns} | {limit} s | {sol.first_solution_time:.2f} s "
                f"| {took:.2f} s | {sol.status} | {sol.objective:.0f} | {sol.gap * 100:.3f} % "
                f"| +{gain:.1f} % |",
                flush=True,
            )
    if args.frontier:
        problem = optimizer.parse_problem(generate(300, 1))
        began = time.monotonic()
        front = optimizer.frontier(
            problem, budget="investment", points=args.frontier, time_limit=20
        )
        took = time.monotonic() - began
        values = [p["objective"] for p in front["points"]]
        gaps = [p["gap"] for p in front["points"] if p["gap"] is not None]
        statuses = sorted({p["status"] for p in front["points"]})
        print(
            f"\nFrontier, n = 300, {args.frontier} points, limit 20 s for the whole frontier: "
            f"{took:.1f} s; statuses {', '.join(statuses)}; rising with the budget: "
            f"{'yes' if values == sorted(values) else 'no'}; median gap "
            f"{sorted(gaps)[len(gaps) // 2] * 100:.2f} %, largest {max(gaps) * 100:.2f} %"
        )
    if args.promise:
        problem = optimizer.parse_problem(generate(args.promise, 1))
        for limit in (10, 5):
            began = time.monotonic()
            sol = optimizer.solve(problem, time_limit=limit, explain=False)
            took = time.monotonic() - began
            print(
                f"Time limit {limit} s on n = {args.promise}: ended after {took:.1f} s "
                f"({sol.status}, gap {sol.gap * 100:.2f} %)",
                flush=True,
            )


if __name__ == "__main__":
    main()
