"""Why a problem has no plan, and the smallest changes that give it one."""

from __future__ import annotations

import numpy as np

from .model import Model, add_binaries, add_rows, highs
from .problem import TOLERANCE, Problem


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
    model = Model(problem)
    model.build()
    cols = len(model.choices)
    h = highs(time_limit, 1e-6, False)
    add_binaries(h, cols, np.zeros(cols))
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
    add_rows(h, rows)
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
    h = highs(time_limit, 1e-6, False)
    add_binaries(h, cols, np.zeros(cols))
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
    add_rows(h, rows)
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
