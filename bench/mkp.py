"""Styr's optimiser beside plain HiGHS on Chu–Beasley multidimensional knapsack instances.

    .venv/bin/python bench/mkp.py [--limit 30] [--m 5 10 30] [--n 100 250 500]
                                  [--alpha 0.25 0.5 0.75] [--reference 600]
    .venv/bin/python bench/mkp.py --references-only 600 [--m ...] [--n ...] [--alpha ...]

Instances as Chu and Beasley (1998) generate them: r_ij uniform integers in [0, 1000],
b_i = alpha * sum_j r_ij, p_j = sum_i r_ij / m + 500 q_j with q_j uniform in (0, 1), seeded.
Each instance is solved by plain HiGHS on the textbook model (max p x, R x <= b, x binary;
default settings) and by `styr optimize` on the same instance in Styr's problem format (one
period, m budget lines, one variant per initiative), alternately (plain first on even
instances, Styr first on odd ones) so that the machine's load falls on both alike. With
--reference S, plain HiGHS also runs S seconds per instance for a reference plan.

References take long (27 instances x 10 minutes), so they are kept: every reference plan is
written to bench/mkp_references.json as soon as it is found, keyed by instance and seconds,
and `--references-only S` computes only the missing ones (stop it any time, run it again
later to go on). The comparison table then shows, for every instance with a stored
reference of at least the seconds asked for by --reference (600 when not given), how far
Styr's plan is below the best plan known (the reference, or either 30 s plan if better).

Each run is its own child process (a fresh HiGHS, both cores), as `styr optimize` is.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import highspy  # noqa: E402
import numpy as np  # noqa: E402

from portfolio import optimizer  # noqa: E402

REFERENCES = Path(__file__).resolve().parent / "mkp_references.json"
# The aim: Styr's 30 s plan within this share of the best plan known.
WITHIN_PERCENT = 0.05


def instance(m: int, n: int, alpha: float, seed: int = 1):
    rng = random.Random(seed * 1_000_003 + m * 1009 + n * 7 + int(alpha * 100))
    r = [[rng.randint(0, 1000) for _ in range(n)] for _ in range(m)]
    b = [alpha * sum(row) for row in r]
    p = [sum(r[i][j] for i in range(m)) / m + 500 * rng.random() for j in range(n)]
    return r, b, p


def as_problem(r, b, p) -> dict:
    """The instance in Styr's format: one period, a budget line per constraint."""
    m, n = len(r), len(p)
    return {
        "periods": ["1"],
        "budgets": {f"b{i}": [b[i]] for i in range(m)},
        "initiatives": [
            {
                "id": f"x{j}",
                "variants": [
                    {"id": "v", "value": p[j], "budgets": {f"b{i}": [r[i][j]] for i in range(m)}}
                ],
            }
            for j in range(n)
        ],
    }


def plain(r, b, p, limit: float) -> tuple[float, float]:
    """The textbook model handed to HiGHS with its default settings."""
    m, n = len(r), len(p)
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", float(limit))
    h.addVars(n, np.zeros(n), np.ones(n))
    idx = np.arange(n, dtype=np.int32)
    h.changeColsIntegrality(n, idx, np.ones(n, dtype=np.uint8))
    h.changeColsCost(n, idx, np.array(p, dtype=float))
    h.changeObjectiveSense(highspy.ObjSense.kMaximize)
    for i in range(m):
        h.addRow(-highspy.kHighsInf, b[i], n, idx, np.array(r[i], dtype=float))
    h.run()
    info = h.getInfo()
    x = np.round(np.array(h.getSolution().col_value))
    assert np.all(np.array(r) @ x <= np.array(b) + 1e-6)
    return float(np.array(p) @ x), float(info.mip_dual_bound)


def styr(r, b, p, limit: float) -> tuple[float, float]:
    problem = optimizer.parse_problem(as_problem(r, b, p))
    sol = optimizer.solve(problem, time_limit=limit, explain=False)
    assert optimizer.check(problem, sol.selected) == []
    return sol.objective, sol.bound


def _in_child(conn, which: str, args, limit: float) -> None:
    # HiGHS prints its banner from its constructor, before output_flag is set: keep it off
    # the table this script prints (the answer goes through the pipe).
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.close(devnull)
    conn.send((which, *(plain if which == "plain" else styr)(*args, limit)))


def run(which: str, args, limit: float) -> tuple[float, float]:
    """One solve in a fresh process, so neither side inherits the other's HiGHS threads."""
    ctx = multiprocessing.get_context("fork")
    ours, theirs = ctx.Pipe()
    child = ctx.Process(target=_in_child, args=(theirs, which, args, limit))
    child.start()
    _which, value, bound = ours.recv()
    child.join()
    return value, bound


def _key(m: int, n: int, alpha: float) -> str:
    return f"{m}/{n}/{alpha:g}"


def stored_references() -> dict:
    """{"m/n/alpha": {"seconds": S, "value": plan, "bound": bound}} as far as computed."""
    if not REFERENCES.exists():
        return {}
    return json.loads(REFERENCES.read_text())


def _store_reference(key: str, seconds: float, value: float, bound: float) -> None:
    known = stored_references()
    known[key] = {"seconds": seconds, "value": value, "bound": bound}
    # Written whole after every instance, through a temporary file, so an interrupted run
    # never leaves half a file.
    tmp = REFERENCES.with_suffix(".tmp")
    tmp.write_text(json.dumps(known, indent=1, sort_keys=True) + "\n")
    tmp.replace(REFERENCES)


def references_only(args) -> None:
    """Plain HiGHS for args.references_only seconds on every instance that has none yet."""
    known = stored_references()
    print(
        f"# {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}, references of "
        f"{args.references_only:g} s"
    )
    print("| m | n | α | reference plan | its bound | proven |")
    print("|---|---|---|---:|---:|---|")
    for m in args.m:
        for n in args.n:
            for alpha in args.alpha:
                key = _key(m, n, alpha)
                have = known.get(key)
                if have and have["seconds"] >= args.references_only:
                    value, bound = have["value"], have["bound"]
                else:
                    value, bound = run("plain", instance(m, n, alpha), args.references_only)
                    _store_reference(key, args.references_only, value, bound)
                proven = "yes" if bound - value <= 1e-4 * max(1.0, abs(value)) else "no"
                print(
                    f"| {m} | {n} | {alpha:g} | {value:.1f} | {bound:.1f} | {proven} |", flush=True
                )
    print(f"\nload {os.getloadavg()[0]:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=float, default=30)
    parser.add_argument("--m", type=int, nargs="*", default=[5, 10, 30])
    parser.add_argument("--n", type=int, nargs="*", default=[100, 250, 500])
    parser.add_argument("--alpha", type=float, nargs="*", default=[0.25, 0.5, 0.75])
    parser.add_argument("--reference", type=float, default=0)
    parser.add_argument("--references-only", type=float, default=0)
    args = parser.parse_args()
    if args.references_only:
        references_only(args)
        return
    known = stored_references()
    wanted = args.reference or 600
    print(f"# {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}, limit {args.limit:g} s")
    head = "| m | n | α | plain HiGHS | Styr | Styr − plain | best bound |"
    head += f" best known (plain {wanted:g} s) | Styr below it |"
    print(head)
    print("|" + "---|" * (head.count("|") - 1))
    diffs, below, within = [], [], []
    k = 0
    for m in args.m:
        for n in args.n:
            for alpha in args.alpha:
                data = instance(m, n, alpha)
                order = ("plain", "styr") if k % 2 == 0 else ("styr", "plain")
                got = {w: run(w, data, args.limit) for w in order}
                k += 1
                (pv, pb), (sv, sb) = got["plain"], got["styr"]
                # A run cut very short may end without a bound (None).
                bound = min(b for b in (pb, sb, float("inf")) if b is not None)
                diff = (sv - pv) / pv * 100
                diff = 0.0 if abs(diff) < 1e-9 else diff
                diffs.append(diff)
                line = (
                    f"| {m} | {n} | {alpha:g} | {pv:.1f} | {sv:.1f} | {diff:+.3f} % | {bound:.1f} |"
                )
                stored = known.get(_key(m, n, alpha))
                if args.reference:
                    rv, rb = run("plain", data, args.reference)
                    _store_reference(_key(m, n, alpha), args.reference, rv, rb)
                elif stored and stored["seconds"] >= wanted:
                    rv = stored["value"]
                else:
                    rv = None
                # How far below the best plan Styr is: known from a reference, or at most
                # its distance to the best bound (no plan can be above the bound).
                by_bound = (bound - sv) / bound * 100
                if rv is None:
                    line += f" – | ≤ {by_bound:.3f} % (by the bound) |"
                    within.append(by_bound <= WITHIN_PERCENT or None)
                else:
                    best = max(rv, sv, pv)
                    gap = (best - sv) / best * 100
                    below.append(gap)
                    within.append(gap <= WITHIN_PERCENT)
                    line += f" {best:.1f} | {gap:.3f} % |"
                print(line, flush=True)
    worse = sum(1 for d in diffs if d < -1e-9)
    print(
        f"\nStyr − plain: mean {sum(diffs) / len(diffs):+.4f} %, "
        f"worse in {worse} of {len(diffs)}, better in {sum(1 for d in diffs if d > 1e-9)}; "
        f"load {os.getloadavg()[0]:.2f}"
    )
    if below:
        print(
            f"Styr below the best plan known: at most {max(below):.3f} % "
            f"({len(below)} of {len(diffs)} instances have a reference)"
        )
    print(
        f"Within {WITHIN_PERCENT} % of the best plan known: {within.count(True)} of "
        f"{len(within)}, not within: {within.count(False)}, not known yet (no reference, "
        f"the bound too far): {within.count(None)}"
    )


if __name__ == "__main__":
    main()
