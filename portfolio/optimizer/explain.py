"""Why a problem has no plan, and the smallest changes that give it one."""

from __future__ import annotations

import numpy as np

from . import runner
from .model import Model
from .problem import TOLERANCE, Problem
from .runner import Spec


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
    # Repair 1: raise limits. Each repair gets half the time.
    half = None if time_limit is None else max(0.1, time_limit / 2)
    model = Model(problem)
    model.build()
    cols = len(model.choices)
    slack_rows = model.limit_rows
    rows = list(model.rows)
    weights = []
    for s, (_kind, _name, _t, r, scale) in enumerate(slack_rows):
        lower, upper, idx, val = rows[r]
        rows[r] = (lower, upper, idx + [cols + s], val + [-1.0])
        # The slack is in the row's scale; weigh the increase relative to the limit.
        weights.append(scale / max(abs(upper * scale), 1.0))
    slacks = len(slack_rows)
    limits_help = False
    if cols:
        outcome = runner.run(
            Spec(
                cost=np.concatenate([np.zeros(cols), -np.array(weights, dtype=float)]),
                rows=rows,
                upper=np.concatenate([np.ones(cols), np.full(slacks, 1e30)]),
                integer=np.concatenate([np.ones(cols), np.zeros(slacks)]),
            ),
            time_limit=half,
        )
        if outcome.x is not None:
            x = outcome.x
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
    rows = list(model.rows)
    for k, (_i, r) in enumerate(mandatory):
        lower, upper, cidx, val = rows[r]
        # sum x + drop >= 1: dropping it makes it optional.
        rows[r] = (lower, upper + 1.0, cidx + [cols + k], val + [1.0])
    outcome = runner.run(
        Spec(cost=np.concatenate([np.zeros(cols), -np.ones(len(mandatory))]), rows=rows),
        time_limit=half,
    )
    if outcome.x is not None:
        x = outcome.x
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
