"""The problem: its JSON format parsed and checked, the (initiative, variant, start)
choices, and the use and rules of a plan checked independently of any model."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

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


def choices(problem: Problem) -> list[Choice]:
    n = len(problem.periods)
    return [
        Choice(i, v, s)
        for i, ini in enumerate(problem.initiatives)
        if not ini.excluded
        for v in range(len(ini.variants))
        for s in ini.starts(n)
    ]


def in_periods(amounts: tuple[float, ...], start: int, n: int):
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
            for t, a in in_periods(var.amounts().get((kind, name), ()), sel["start"], n):
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
