"""The baseline most tools give: initiatives by value per cost while they fit."""

from __future__ import annotations

import math

from .problem import TOLERANCE, Initiative, Problem, Variant, in_periods
from .solution import Greedy


def greedy(problem: Problem) -> Greedy:
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
                for t, amount in in_periods(a, s, n):
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
                            for t, amount in in_periods(a, s, n):
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
    return Greedy(objective=objective, selected=selected, complete=complete)
