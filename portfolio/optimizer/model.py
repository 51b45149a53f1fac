"""The 0-1 programme as sparse rows and the HiGHS set-up shared by the solve, the
infeasibility explanation and the frontier."""

from __future__ import annotations

import math

import highspy
import numpy as np

from .problem import Problem, choices, in_periods


class Model:
    """The 0-1 programme as sparse rows, ready for HiGHS; shared by solve and explain."""

    def __init__(self, problem: Problem):
        self.problem = problem
        self.n = len(problem.periods)
        self.choices = choices(problem)
        self.by_initiative: dict[int, list[int]] = {}
        for c, ch in enumerate(self.choices):
            self.by_initiative.setdefault(ch.initiative, []).append(c)
        self.rows: list[tuple[float, float, list[int], list[float]]] = []
        self.limit_rows: list[tuple[str, str, int, int, float]] = []  # (kind, name, t, row, scale)
        self.mandatory_rows: dict[int, int] = {}

    def build(self) -> None:
        problem, n = self.problem, self.n
        index = {ini.id: i for i, ini in enumerate(problem.initiatives)}
        for i, ini in enumerate(problem.initiatives):
            cols = self.by_initiative.get(i, [])
            lower = 1.0 if ini.mandatory else 0.0
            if ini.mandatory:
                self.mandatory_rows[i] = len(self.rows)
            self.rows.append((lower, 1.0, cols, [1.0] * len(cols)))
        # Requires, cumulatively: started-by-p(dependant) <= started-by-p(prerequisite).
        for i, ini in enumerate(problem.initiatives):
            mine = self.by_initiative.get(i, [])
            if not mine:
                continue
            for req in ini.requires:
                theirs = self.by_initiative.get(index[req], [])
                for p in range(n):
                    a = [c for c in mine if self.choices[c].start <= p]
                    b = [c for c in theirs if self.choices[c].start <= p]
                    if a:
                        self.rows.append((-math.inf, 0.0, a + b, [1.0] * len(a) + [-1.0] * len(b)))
        done = set()
        for i, ini in enumerate(problem.initiatives):
            for exc in ini.excludes:
                j = index[exc]
                pair = (min(i, j), max(i, j))
                if pair in done:
                    continue
                done.add(pair)
                cols = self.by_initiative.get(i, []) + self.by_initiative.get(j, [])
                if cols:
                    self.rows.append((-math.inf, 1.0, cols, [1.0] * len(cols)))
        limits = problem.limits()
        # One pass over the columns fills every limit's rows (cols, amounts) per period.
        per_key = {key: [([], []) for _ in range(n)] for key in limits}
        for c, ch in enumerate(self.choices):
            var = problem.initiatives[ch.initiative].variants[ch.variant]
            for key, profile in var.amounts().items():
                if key in per_key:
                    for t, a in in_periods(profile, ch.start, n):
                        per_key[key][t][0].append(c)
                        per_key[key][t][1].append(a)
        for (kind, name), limit in limits.items():
            per_period = per_key[(kind, name)]
            for t in range(n):
                if limit[t] is None:
                    continue
                cols, amounts = per_period[t]
                scale = row_scale(limit[t], amounts)
                self.limit_rows.append((kind, name, t, len(self.rows), scale))
                self.rows.append((-math.inf, limit[t] / scale, cols, [a / scale for a in amounts]))

    def values(self) -> np.ndarray:
        return np.array(
            [
                self.problem.initiatives[ch.initiative].variants[ch.variant].value
                for ch in self.choices
            ],
            dtype=np.float64,
        )

    def selected(self, x) -> list[dict]:
        out = []
        for c, ch in enumerate(self.choices):
            if x[c] > 0.5:
                ini = self.problem.initiatives[ch.initiative]
                out.append(
                    {"id": ini.id, "variant": ini.variants[ch.variant].id, "start": ch.start}
                )
        return out


# Coefficients above this are money and their rows are scaled to about 1 (budgets in
# millions beside 0-1 rows slowed HiGHS's proofs); rows of smaller numbers (hours, counts, a
# knapsack's weights) are left as written, because HiGHS scales them well itself: on
# Chu-Beasley instances our scaling sent HiGHS down a different path that ended below plain
# HiGHS on the textbook model (docs/benchmarks.md, issue 19).
SCALE_ABOVE = 10_000.0


def row_scale(limit: float, amounts: list[float]) -> float:
    """What a limit's row is divided by: 1 for rows of small numbers, else its largest."""
    largest = max(map(abs, amounts), default=0.0)
    if largest <= SCALE_ABOVE:
        return 1.0
    return max(abs(limit), largest)


def highs(time_limit: float | None, gap: float, log: bool, threads: int | None = None):

    h = highspy.Highs()
    h.setOptionValue("output_flag", bool(log))
    h.setOptionValue("log_to_console", bool(log))
    h.setOptionValue("mip_rel_gap", gap)
    h.setOptionValue("mip_abs_gap", 1e-9)
    if threads:
        h.setOptionValue("threads", threads)
    if time_limit is not None:
        h.setOptionValue("time_limit", float(time_limit))
    return h


def add_columns(h, cost, *, lower=None, upper=None, integer=None, maximize: bool = True) -> None:
    """The columns of a HiGHS model and its objective: `cost` per column, bounds `lower`
    (0 by default) to `upper` (1 by default), integer unless `integer` says which are."""
    count = len(cost)
    if count:
        h.addVars(
            count,
            np.zeros(count) if lower is None else np.asarray(lower, dtype=float),
            np.ones(count) if upper is None else np.asarray(upper, dtype=float),
        )
        idx = np.arange(count, dtype=np.int32)
        flags = np.ones(count) if integer is None else np.asarray(integer)
        h.changeColsIntegrality(count, idx, flags.astype(np.uint8))
        h.changeColsCost(count, idx, np.asarray(cost, dtype=float))
    h.changeObjectiveSense(highspy.ObjSense.kMaximize if maximize else highspy.ObjSense.kMinimize)


def add_rows(h, rows, n_cols_offset: int = 0) -> None:
    if not rows:
        return
    lower = np.array([r[0] for r in rows], dtype=np.float64)
    upper = np.array([r[1] for r in rows], dtype=np.float64)
    starts, indices, values = [], [], []
    for r in rows:
        starts.append(len(indices))
        indices.extend(r[2])
        values.extend(r[3])
    lower[np.isinf(lower)] = -1e30
    upper[np.isinf(upper)] = 1e30
    h.addRows(
        len(rows),
        lower,
        upper,
        len(indices),
        np.array(starts, dtype=np.int32),
        np.array(indices, dtype=np.int32),
        np.array(values, dtype=np.float64),
    )


def warm_start(x) -> highspy.HighsSolution:
    """A plan as HiGHS's starting solution (`h.setSolution`)."""
    warm = highspy.HighsSolution()
    warm.col_value = list(x)
    warm.value_valid = True
    return warm
