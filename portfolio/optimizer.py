"""The portfolio optimiser: the best set of initiatives under budgets and capacities.

A pure module with no Django import, so a problem can be solved, shared and reproduced
outside the web application (`styr optimize problem.json`). The web builds the same JSON from
a scenario; this module never sees the database.

The problem format (JSON; `parse_problem` checks it and names the field that is wrong)::

    {
      "periods": ["2027", "2028", "2029", "2030"],
      "budgets": {"investment": [5000000, 5000000, 4000000, 4000000]},
      "capacities": {"project_managers": [3000, 3000, 3000, 3000]},
      "initiatives": [
        {"id": "A", "mandatory": true, "excluded": false,
         "earliest_start": 0, "latest_start": 1,
         "requires": ["B"], "excludes": ["C"],
         "variants": [
           {"id": "low", "value": 12.5,
            "budgets": {"investment": [800000, 200000]},
            "capacities": {"project_managers": [400, 100]}}]}
      ]
    }

Semantics:

* At most one variant of an initiative is selected (exactly one when `mandatory`, none when
  `excluded`), with one start period in its window `earliest_start`..`latest_start`
  (indices into `periods`; defaults: the whole horizon).
* A variant's `budgets` and `capacities` arrays are amounts per period counted from its start;
  amounts that fall after the last period are outside the plan.
* In every period the selected amounts must not exceed the limit of that budget or pool. A
  name with no limit is unconstrained (its use is still reported); a `null` limit leaves that
  one period unconstrained.
* `requires`: the initiative is selected only if every named initiative is selected and
  starts in the same or an earlier period. `excludes`: never both.
* The objective is the sum of the selected variants' `value`.

The model is a 0-1 programme with one variable per (initiative, variant, start). Each
`requires` is written cumulatively (for every period p: "started by p" of the dependant is at
most "started by p" of the prerequisite), which is tighter than one row per start.

The solution (see `Solution.to_dict`) reports `status` (`optimal`, `feasible`, `infeasible`,
or `unknown` when the time limit came before any solution), `objective`, `bound` (the proven
upper bound), `gap` (relative, 0.001 = 0.1 %), `selected` as `{"id", "variant", "start"}`, the
use of every budget and pool per period, the greedy baseline, and for an infeasible problem
an `explanation`: the limits that conflict, the smallest increase of limits that makes the
problem feasible, and the fewest mandatory initiatives to force out instead.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

OPTIMAL = "optimal"
FEASIBLE = "feasible"
INFEASIBLE = "infeasible"
UNKNOWN = "unknown"

# HiGHS stops at a relative gap of 1e-4 by default; "proven optimal" should mean more.
DEFAULT_GAP = 1e-6
TOLERANCE = 1e-6


class ProblemError(ValueError):
    """A malformed problem: `field` names where, e.g. `initiatives[2].variants[0].value`."""

    def __init__(self, field_path: str, message: str):
        self.field = field_path
        self.message = message
        super().__init__(f"{field_path}: {message}")


@dataclass(frozen=True)
class Variant:
    id: str
    value: float
    budgets: dict[str, tuple[float, ...]] = field(default_factory=dict)
    capacities: dict[str, tuple[float, ...]] = field(default_factory=dict)

    def amounts(self) -> dict[tuple[str, str], tuple[float, ...]]:
        """Every profile keyed by (kind, name), kind "budget" or "capacity"."""
        out = {("budget", n): a for n, a in self.budgets.items()}
        out.update({("capacity", n): a for n, a in self.capacities.items()})
        return out

    def total(self) -> float:
        return sum(sum(a) for a in self.budgets.values())


@dataclass(frozen=True)
class Initiative:
    id: str
    variants: tuple[Variant, ...]
    mandatory: bool = False
    excluded: bool = False
    earliest_start: int = 0
    latest_start: int | None = None
    requires: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    name: str = ""

    def starts(self, n_periods: int) -> range:
        last = n_periods - 1 if self.latest_start is None else self.latest_start
        return range(self.earliest_start, last + 1)


@dataclass(frozen=True)
class Problem:
    periods: tuple[str, ...]
    initiatives: tuple[Initiative, ...]
    budgets: dict[str, tuple[float | None, ...]] = field(default_factory=dict)
    capacities: dict[str, tuple[float | None, ...]] = field(default_factory=dict)

    def limits(self) -> dict[tuple[str, str], tuple[float | None, ...]]:
        out = {("budget", n): a for n, a in self.budgets.items()}
        out.update({("capacity", n): a for n, a in self.capacities.items()})
        return out

    def resource_names(self) -> list[tuple[str, str]]:
        """Every budget and pool named anywhere, limits first, in a stable order."""
        names = list(self.limits())
        for ini in self.initiatives:
            for var in ini.variants:
                for key in var.amounts():
                    if key not in names:
                        names.append(key)
        return names

    def with_limits(self, kind: str, name: str, amounts) -> Problem:
        """A copy with one budget's or pool's limits replaced."""
        budgets, capacities = dict(self.budgets), dict(self.capacities)
        (budgets if kind == "budget" else capacities)[name] = tuple(amounts)
        return Problem(self.periods, self.initiatives, budgets, capacities)

    def to_dict(self) -> dict:
        return {
            "periods": list(self.periods),
            "budgets": {n: list(a) for n, a in self.budgets.items()},
            "capacities": {n: list(a) for n, a in self.capacities.items()},
            "initiatives": [
                {
                    "id": i.id,
                    **({"name": i.name} if i.name else {}),
                    "mandatory": i.mandatory,
                    "excluded": i.excluded,
                    "earliest_start": i.earliest_start,
                    "latest_start": i.starts(len(self.periods)).stop - 1,
                    "requires": list(i.requires),
                    "excludes": list(i.excludes),
                    "variants": [
                        {
                            "id": v.id,
                            "value": v.value,
                            "budgets": {n: list(a) for n, a in v.budgets.items()},
                            "capacities": {n: list(a) for n, a in v.capacities.items()},
                        }
                        for v in i.variants
                    ],
                }
                for i in self.initiatives
            ],
        }


# --------------------------------------------------------------------------- parsing


def _number(value, path: str, *, allow_none: bool = False) -> float | None:
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ProblemError(path, "must be a number")
    if not math.isfinite(value):
        raise ProblemError(path, "must be a finite number")
    return float(value)


def _amounts(value, path: str, *, length: int | None, allow_none: bool) -> tuple:
    if not isinstance(value, list):
        raise ProblemError(path, "must be a list of numbers")
    if length is not None and len(value) != length:
        raise ProblemError(path, f"must have one amount per period ({length}), not {len(value)}")
    return tuple(_number(v, f"{path}[{k}]", allow_none=allow_none) for k, v in enumerate(value))


def _named_amounts(value, path: str, *, length: int | None, allow_none: bool) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ProblemError(path, "must be an object of name: [amounts]")
    out = {}
    for name, amounts in value.items():
        if not isinstance(name, str) or not name:
            raise ProblemError(path, "names must be non-empty strings")
        out[name] = _amounts(amounts, f"{path}.{name}", length=length, allow_none=allow_none)
    return out


def _flag(data: dict, key: str, path: str) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise ProblemError(f"{path}.{key}", "must be true or false")
    return value


def _ids(data: dict, key: str, path: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ProblemError(f"{path}.{key}", "must be a list of initiative ids")
    return tuple(value)


def _index(data: dict, key: str, path: str, n: int, default: int | None) -> int | None:
    value = data.get(key, default)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int):
        raise ProblemError(f"{path}.{key}", "must be a period index (an integer)")
    if not 0 <= value < n:
        raise ProblemError(f"{path}.{key}", f"must be between 0 and {n - 1}")
    return value


def parse_problem(data) -> Problem:
    """Check a problem (as loaded from JSON) and build it; raises ProblemError naming the field."""
    if not isinstance(data, dict):
        raise ProblemError("(root)", "must be a JSON object")
    periods = data.get("periods")
    if not isinstance(periods, list) or not periods:
        raise ProblemError("periods", "must be a non-empty list of period names")
    if not all(isinstance(p, str | int) and not isinstance(p, bool) for p in periods):
        raise ProblemError("periods", "period names must be strings")
    n = len(periods)
    budgets = _named_amounts(data.get("budgets"), "budgets", length=n, allow_none=True)
    capacities = _named_amounts(data.get("capacities"), "capacities", length=n, allow_none=True)
    raw = data.get("initiatives")
    if not isinstance(raw, list):
        raise ProblemError("initiatives", "must be a list")
    initiatives, seen = [], set()
    for k, item in enumerate(raw):
        path = f"initiatives[{k}]"
        if not isinstance(item, dict):
            raise ProblemError(path, "must be an object")
        ident = item.get("id")
        if not isinstance(ident, str) or not ident:
            raise ProblemError(f"{path}.id", "must be a non-empty string")
        if ident in seen:
            raise ProblemError(f"{path}.id", f"“{ident}” is used twice")
        seen.add(ident)
        earliest = _index(item, "earliest_start", path, n, 0)
        latest = _index(item, "latest_start", path, n, None)
        if latest is not None and latest < earliest:
            raise ProblemError(f"{path}.latest_start", "must not come before earliest_start")
        raw_variants = item.get("variants")
        if not isinstance(raw_variants, list) or not raw_variants:
            raise ProblemError(f"{path}.variants", "must be a non-empty list")
        variants, variant_ids = [], set()
        for j, var in enumerate(raw_variants):
            vpath = f"{path}.variants[{j}]"
            if not isinstance(var, dict):
                raise ProblemError(vpath, "must be an object")
            vid = var.get("id", str(j))
            if not isinstance(vid, str) or not vid:
                raise ProblemError(f"{vpath}.id", "must be a non-empty string")
            if vid in variant_ids:
                raise ProblemError(f"{vpath}.id", f"“{vid}” is used twice")
            variant_ids.add(vid)
            if "value" not in var:
                raise ProblemError(f"{vpath}.value", "is missing")
            variants.append(
                Variant(
                    id=vid,
                    value=_number(var["value"], f"{vpath}.value"),
                    budgets=_named_amounts(
                        var.get("budgets"), f"{vpath}.budgets", length=None, allow_none=False
                    ),
                    capacities=_named_amounts(
                        var.get("capacities"), f"{vpath}.capacities", length=None, allow_none=False
                    ),
                )
            )
        name = item.get("name", "")
        if not isinstance(name, str):
            raise ProblemError(f"{path}.name", "must be a string")
        initiatives.append(
            Initiative(
                id=ident,
                name=name,
                variants=tuple(variants),
                mandatory=_flag(item, "mandatory", path),
                excluded=_flag(item, "excluded", path),
                earliest_start=earliest,
                latest_start=latest,
                requires=_ids(item, "requires", path),
                excludes=_ids(item, "excludes", path),
            )
        )
    for k, ini in enumerate(initiatives):
        for key in ("requires", "excludes"):
            for other in getattr(ini, key):
                if other not in seen:
                    raise ProblemError(f"initiatives[{k}].{key}", f"names unknown id “{other}”")
                if other == ini.id:
                    raise ProblemError(f"initiatives[{k}].{key}", "names the initiative itself")
    return Problem(tuple(str(p) for p in periods), tuple(initiatives), budgets, capacities)


# --------------------------------------------------------------------------- the model


@dataclass
class Choice:
    initiative: int
    variant: int
    start: int


@dataclass
class Progress:
    """What a running solve has reached; handed to the progress callback."""

    elapsed: float
    objective: float | None
    bound: float | None
    gap: float | None
    selected: list[dict] | None = None


@dataclass
class Solution:
    status: str
    objective: float | None
    bound: float | None
    gap: float | None
    selected: list[dict]
    usage: dict
    time: float = 0.0
    first_solution_time: float | None = None
    stopped: bool = False
    explanation: dict | None = None
    greedy: dict | None = None

    def to_dict(self) -> dict:
        out = {
            "status": self.status,
            "objective": self.objective,
            "bound": self.bound,
            "gap": self.gap,
            "selected": self.selected,
            "usage": self.usage,
            "time": round(self.time, 3),
            "first_solution_time": (
                None if self.first_solution_time is None else round(self.first_solution_time, 3)
            ),
            "stopped": self.stopped,
        }
        if self.greedy is not None:
            out["greedy"] = self.greedy
        if self.explanation is not None:
            out["explanation"] = self.explanation
        return out


def _choices(problem: Problem) -> list[Choice]:
    n = len(problem.periods)
    return [
        Choice(i, v, s)
        for i, ini in enumerate(problem.initiatives)
        if not ini.excluded
        for v in range(len(ini.variants))
        for s in ini.starts(n)
    ]


def _profile(amounts: tuple[float, ...], start: int, n: int):
    """(period, amount) pairs of a profile that starts in `start`, cut at the horizon."""
    return [(start + k, a) for k, a in enumerate(amounts) if start + k < n and a]


def usage_of(problem: Problem, selected: list[dict]) -> dict:
    """Use per period of every budget and pool by a selection, beside its limits."""
    n = len(problem.periods)
    by_id = {ini.id: ini for ini in problem.initiatives}
    limits = problem.limits()
    out: dict = {"budgets": {}, "capacities": {}}
    for kind, name in problem.resource_names():
        used = [0.0] * n
        for sel in selected:
            var = next(v for v in by_id[sel["id"]].variants if v.id == sel["variant"])
            for t, a in _profile(var.amounts().get((kind, name), ()), sel["start"], n):
                used[t] += a
        limit = limits.get((kind, name))
        out["budgets" if kind == "budget" else "capacities"][name] = {
            "used": used,
            "limit": None if limit is None else list(limit),
        }
    return out


def check(problem: Problem, selected: list[dict], tol: float = 1e-6) -> list[str]:
    """Every rule a selection breaks, in words; empty when it satisfies all of them."""
    n = len(problem.periods)
    by_id = {ini.id: ini for ini in problem.initiatives}
    starts: dict[str, int] = {}
    broken = []
    for sel in selected:
        ini = by_id.get(sel["id"])
        if ini is None:
            broken.append(f"unknown initiative {sel['id']}")
            continue
        if sel["id"] in starts:
            broken.append(f"{ini.id} selected twice")
        starts[sel["id"]] = sel["start"]
        if ini.excluded:
            broken.append(f"{ini.id} is excluded")
        if sel["start"] not in ini.starts(n):
            broken.append(f"{ini.id} starts outside its window")
        if not any(v.id == sel["variant"] for v in ini.variants):
            broken.append(f"{ini.id} has no variant {sel['variant']}")
    for ini in problem.initiatives:
        if ini.mandatory and ini.id not in starts:
            broken.append(f"{ini.id} is mandatory")
        if ini.id not in starts:
            continue
        for req in ini.requires:
            if req not in starts or starts[req] > starts[ini.id]:
                broken.append(f"{ini.id} requires {req}")
        for exc in ini.excludes:
            if exc in starts:
                broken.append(f"{ini.id} excludes {exc}")
    if broken:
        return broken
    use = usage_of(problem, selected)
    for (kind, name), limit in problem.limits().items():
        used = use["budgets" if kind == "budget" else "capacities"][name]["used"]
        for t in range(n):
            if limit[t] is not None and used[t] > limit[t] + tol * max(1.0, abs(limit[t])):
                broken.append(f"{name} {problem.periods[t]}: {used[t]} > {limit[t]}")
    return broken


class _Model:
    """The 0-1 programme as sparse rows, ready for HiGHS; shared by solve and explain."""

    def __init__(self, problem: Problem):
        self.problem = problem
        self.n = len(problem.periods)
        self.choices = _choices(problem)
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
                    for t, a in _profile(profile, ch.start, n):
                        per_key[key][t][0].append(c)
                        per_key[key][t][1].append(a)
        for (kind, name), limit in limits.items():
            per_period = per_key[(kind, name)]
            for t in range(n):
                if limit[t] is None:
                    continue
                # Scale the row to about 1: budgets in millions beside 0-1 rows slow HiGHS.
                cols, amounts = per_period[t]
                scale = max([abs(limit[t]), *map(abs, amounts)]) or 1.0
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


def _highs(time_limit: float | None, gap: float, log: bool, threads: int | None = None):
    import highspy

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


def _add_rows(h, rows, n_cols_offset: int = 0) -> None:
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


def _binaries(h, count: int, cost: np.ndarray) -> None:
    import highspy

    if count == 0:
        return
    h.addVars(count, np.zeros(count), np.ones(count))
    idx = np.arange(count, dtype=np.int32)
    h.changeColsIntegrality(count, idx, np.ones(count, dtype=np.uint8))
    h.changeColsCost(count, idx, cost)
    h.changeObjectiveSense(highspy.ObjSense.kMaximize)


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
    import highspy

    began = time.monotonic()
    model = _Model(problem)
    model.build()
    greedy_dict = greedy(problem) if greedy_baseline else None
    cols = len(model.choices)
    # A model with no columns has only constant rows: feasible unless a mandatory row says 1.
    if cols == 0:
        ok = not any(ini.mandatory for ini in problem.initiatives)
        status = OPTIMAL if ok else INFEASIBLE
        sol = Solution(
            status,
            0.0 if ok else None,
            0.0 if ok else None,
            0.0 if ok else None,
            [],
            usage_of(problem, []),
            time.monotonic() - began,
            0.0 if ok else None,
        )
        sol.greedy = greedy_dict
        if not ok and explain:
            sol.explanation = explain_infeasible(problem, time_limit=time_limit)
        return sol
    # The time limit covers the whole call: building the model and the greedy count too.
    remaining = None if time_limit is None else max(0.1, time_limit - (time.monotonic() - began))
    h = _highs(remaining, gap, log, threads)
    _binaries(h, cols, model.values())
    _add_rows(h, model.rows)
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

    if greedy_dict is not None and greedy_dict["complete"] and greedy_dict["selected"]:
        # The greedy selection keeps every rule: hand it to HiGHS as its first incumbent.
        column = {(c.initiative, c.variant, c.start): k for k, c in enumerate(model.choices)}
        position = {ini.id: i for i, ini in enumerate(problem.initiatives)}
        start = np.zeros(cols)
        for sel in greedy_dict["selected"]:
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
        sol = Solution(INFEASIBLE, None, None, None, [], usage_of(problem, []), elapsed)
        if explain:
            sol.explanation = explain_infeasible(problem, time_limit=time_limit)
        sol.greedy = greedy_dict
        return sol
    if x is None:
        sol = Solution(
            UNKNOWN,
            None,
            _finite(info.mip_dual_bound),
            None,
            [],
            usage_of(problem, []),
            elapsed,
            stopped=state["stopped"],
        )
        sol.greedy = greedy_dict
        return sol
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
    )
    sol.greedy = greedy_dict
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


# --------------------------------------------------------------------------- greedy


def greedy(problem: Problem) -> dict:
    """The baseline most tools give: take initiatives by value per cost while they fit.

    Mandatory initiatives go first (cheapest variant, earliest start that fits); the rest in
    falling order of value per unit of resource, each limit weighing by its share of the
    total limit. A rule that cannot be kept (a prerequisite not yet in) skips the initiative;
    the pass repeats until nothing more fits. `complete` is False when a mandatory initiative
    did not fit.
    """
    n = len(problem.periods)
    limits = problem.limits()
    remaining = {key: [math.inf if v is None else v for v in lim] for key, lim in limits.items()}
    scale = {
        key: max(1e-9, sum(v for v in lim if v is not None) or 1.0) for key, lim in limits.items()
    }

    def cost(var: Variant) -> float:
        return sum(sum(a) / scale[key] for key, a in var.amounts().items() if key in scale)

    starts: dict[str, int] = {}
    selected: list[dict] = []
    index = {ini.id: ini for ini in problem.initiatives}
    excluded_by: dict[str, set[str]] = {ini.id: set(ini.excludes) for ini in problem.initiatives}
    for ini in problem.initiatives:
        for other in ini.excludes:
            excluded_by[other].add(ini.id)

    def fits(var: Variant, s: int) -> bool:
        for key, a in var.amounts().items():
            if key in remaining:
                for t, amount in _profile(a, s, n):
                    if amount > remaining[key][t] + TOLERANCE:
                        return False
        return True

    def place(ini: Initiative, order: list[Variant]) -> bool:
        if ini.excluded or ini.id in starts:
            return False
        if any(e in starts for e in excluded_by[ini.id]):
            return False
        for var in order:
            for s in ini.starts(n):
                if any(starts.get(r, n) > s for r in ini.requires):
                    continue
                if fits(var, s):
                    for key, a in var.amounts().items():
                        if key in remaining:
                            for t, amount in _profile(a, s, n):
                                remaining[key][t] -= amount
                    starts[ini.id] = s
                    selected.append({"id": ini.id, "variant": var.id, "start": s})
                    return True
        return False

    def ratio(var: Variant) -> float:
        c = cost(var)
        return var.value / c if c > 1e-12 else math.inf * (1 if var.value > 0 else -1)

    def place_with_prerequisites(ini: Initiative, seen: frozenset = frozenset()) -> bool:
        if ini.id in starts:
            return True
        if ini.id in seen:
            return False
        for req in ini.requires:
            place_with_prerequisites(index[req], seen | {ini.id})
        return place(ini, sorted(ini.variants, key=cost))

    mandatory = [ini for ini in problem.initiatives if ini.mandatory and not ini.excluded]
    for ini in mandatory:
        place_with_prerequisites(ini)
    ranked = sorted(
        (
            (ratio(v), ini, v)
            for ini in problem.initiatives
            if not ini.mandatory
            for v in ini.variants
            if v.value > 0
        ),
        key=lambda item: -item[0],
    )
    changed = True
    while changed:
        changed = False
        for _, ini, var in ranked:
            if ini.id not in starts and place(ini, [var]):
                changed = True
    complete = all(ini.id in starts for ini in problem.initiatives if ini.mandatory)
    objective = 0.0
    for sel in selected:
        var = next(v for v in index[sel["id"]].variants if v.id == sel["variant"])
        objective += var.value
    return {"objective": objective, "selected": selected, "complete": complete}


# --------------------------------------------------------------------------- infeasibility


def explain_infeasible(problem: Problem, *, time_limit: float | None = None) -> dict:
    """Why a problem has no solution, and the smallest changes that give it one.

    Two repairs are sought, each as its own small MILP:

    * raise limits: every budget and pool row gets a slack variable; the sum of the slacks,
      each relative to its limit, is minimised. The rows with slack are the limits that
      conflict, and the slacks are the increases that suffice.
    * force out: every mandatory initiative may be dropped at a cost of one; the fewest to drop
      with the limits as they are.
    """
    explanation: dict = {"conflicts": [], "limit_increases": [], "force_out": [], "rules": []}
    for ini in problem.initiatives:
        if ini.mandatory and ini.excluded:
            explanation["rules"].append(
                {"rule": "mandatory_excluded", "id": ini.id, "name": ini.name}
            )
    # Repair 1: raise limits.
    model = _Model(problem)
    model.build()
    cols = len(model.choices)
    h = _highs(time_limit, 1e-6, False)
    _binaries(h, cols, np.zeros(cols))
    slack_rows = model.limit_rows
    rows = list(model.rows)
    weights = []
    for s, (_kind, _name, _t, r, scale) in enumerate(slack_rows):
        lower, upper, idx, val = rows[r]
        rows[r] = (lower, upper, idx + [cols + s], val + [-1.0])
        # The slack is in the row's scale; weigh the increase relative to the limit.
        weights.append(scale / max(abs(upper * scale), 1.0))
    if slack_rows:
        h.addVars(len(slack_rows), np.zeros(len(slack_rows)), np.full(len(slack_rows), 1e30))
        idx = np.arange(cols, cols + len(slack_rows), dtype=np.int32)
        h.changeColsCost(len(slack_rows), idx, -np.array(weights))
    _add_rows(h, rows)
    if cols:
        h.run()
    limits_help = False
    if cols and h.getInfo().primal_solution_status == 2:
        x = h.getSolution().col_value
        limits_help = True
        for s, (kind, name, t, _r, scale) in enumerate(slack_rows):
            increase = x[cols + s] * scale
            if increase > TOLERANCE * max(1.0, scale):
                limit = problem.limits()[(kind, name)][t]
                item = {
                    "kind": kind,
                    "name": name,
                    "period": problem.periods[t],
                    "period_index": t,
                    "limit": limit,
                    "required": limit + increase,
                    "increase": increase,
                }
                explanation["conflicts"].append(item)
                explanation["limit_increases"].append(item)
    # Repair 2: force out the fewest mandatory initiatives (the same model, fresh rows).
    mandatory = list(model.mandatory_rows.items())
    h = _highs(time_limit, 1e-6, False)
    _binaries(h, cols, np.zeros(cols))
    rows = list(model.rows)
    if mandatory:
        h.addVars(len(mandatory), np.zeros(len(mandatory)), np.ones(len(mandatory)))
        idx = np.arange(cols, cols + len(mandatory), dtype=np.int32)
        h.changeColsIntegrality(len(mandatory), idx, np.ones(len(mandatory), dtype=np.uint8))
        h.changeColsCost(len(mandatory), idx, -np.ones(len(mandatory)))
        for k, (_i, r) in enumerate(mandatory):
            lower, upper, cidx, val = rows[r]
            # sum x + drop >= 1: dropping it makes it optional.
            rows[r] = (lower, upper + 1.0, cidx + [cols + k], val + [1.0])
    _add_rows(h, rows)
    h.run()
    if h.getInfo().primal_solution_status == 2:
        x = h.getSolution().col_value
        for k, (i, _r) in enumerate(mandatory):
            if x[cols + k] > 0.5:
                ini = problem.initiatives[i]
                explanation["force_out"].append({"id": ini.id, "name": ini.name})
    if not limits_help and not explanation["force_out"]:
        explanation["rules"].append({"rule": "structure"})
    explanation["limits_suffice"] = limits_help
    explanation["message"] = describe(problem, explanation)
    return explanation


def describe(problem: Problem, explanation: dict) -> str:
    """The explanation in plain (English) words, for the command line; the web translates."""
    parts = []
    for rule in explanation["rules"]:
        if rule["rule"] == "mandatory_excluded":
            parts.append(f"{rule['id']} is both mandatory and excluded.")
    if explanation["limit_increases"]:
        changes = ", ".join(
            f"{c['period']} {c['name']} +{c['increase']:,.0f}"
            for c in explanation["limit_increases"]
        )
        parts.append(f"The limits conflict with what must be in; raising them suffices: {changes}.")
    elif not explanation.get("limits_suffice"):
        parts.append(
            "No increase of the limits helps: the rules of the mandatory initiatives conflict."
        )
    if explanation["force_out"]:
        ids = ", ".join(i["id"] for i in explanation["force_out"])
        parts.append(f"Or force out: {ids}.")
    return " ".join(parts) or "The problem is infeasible."


# --------------------------------------------------------------------------- frontier


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
    model = _Model(problem)
    model.build()
    cols = len(model.choices)
    if cols == 0:
        return 0.0
    h = _highs(time_limit, 1e-4, False)
    _binaries(h, cols, np.zeros(cols))
    h.addVars(1, np.zeros(1), np.array([1e6]))
    h.changeColsCost(1, np.array([cols], dtype=np.int32), np.array([-1.0]))
    rows = list(model.rows)
    for kind, name, _t, r, _scale in model.limit_rows:
        if (kind, name) == key:
            lower, upper, idx, val = rows[r]
            rows[r] = (lower, 0.0, idx + [cols], val + [-upper])
    _add_rows(h, rows)
    h.run()
    if h.getInfo().primal_solution_status != 2:
        return 0.0
    return max(0.0, float(h.getSolution().col_value[cols]))
