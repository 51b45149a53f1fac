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
most "started by p" of the prerequisite), which is tighter than one row per start. A limit's
row is divided by its largest number when it holds money (coefficients above 10,000: budgets
in millions beside 0-1 rows slowed HiGHS's proofs); rows of hours or counts stay as written,
so a problem that is a textbook knapsack reaches HiGHS as the textbook model.

The solution (see `Solution.to_dict`) reports `status` (`optimal`, `feasible`, `infeasible`,
or `unknown` when the time limit came before any solution), `objective`, `bound` (the proven
upper bound), `gap` (relative, 0.001 = 0.1 %), `selected` as `{"id", "variant", "start"}`, the
use of every budget and pool per period, the greedy baseline, and for an infeasible problem
an `explanation`: the limits that conflict, the smallest increase of limits that makes the
problem feasible, and the fewest mandatory initiatives to force out instead.

How a solve runs (`milp.solve`): the greedy plan (or a given `start` that keeps every rule)
is HiGHS's first incumbent; HiGHS runs in a forked child process whose clock the caller
keeps (`runner`: a time limit ends the call within the limit plus about a second, whatever
HiGHS is doing); beside it, at the lowest CPU priority, a large neighbourhood search
(`lns`) improves the best plan by exact sub-problems around the LP relaxation's core. The
answer is the best plan of both with HiGHS's proven bound; "optimal" only with proof.
"""

from .explain import describe, explain_infeasible
from .frontier import frontier
from .greedy import greedy
from .milp import solve
from .problem import (
    DEFAULT_GAP,
    FEASIBLE,
    INFEASIBLE,
    OPTIMAL,
    TOLERANCE,
    UNKNOWN,
    Choice,
    Initiative,
    Problem,
    ProblemError,
    Variant,
    check,
    parse_problem,
    usage_of,
)
from .solution import Greedy, Progress, Solution

__all__ = [
    "DEFAULT_GAP",
    "FEASIBLE",
    "INFEASIBLE",
    "OPTIMAL",
    "TOLERANCE",
    "UNKNOWN",
    "Choice",
    "Greedy",
    "Initiative",
    "Problem",
    "ProblemError",
    "Progress",
    "Solution",
    "Variant",
    "check",
    "describe",
    "explain_infeasible",
    "frontier",
    "greedy",
    "parse_problem",
    "solve",
    "usage_of",
]
