"""The optimiser against exhaustive enumeration, and its properties under hypothesis."""

import itertools
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portfolio import optimizer as opt
from portfolio.optimizer.model import Model

EXAMPLE = {
    "periods": ["2027", "2028", "2029", "2030"],
    "budgets": {"investment": [5000000, 5000000, 4000000, 4000000]},
    "capacities": {"project_managers": [3000, 3000, 3000, 3000]},
    "initiatives": [
        {
            "id": "A",
            "mandatory": True,
            "excluded": False,
            "earliest_start": 0,
            "latest_start": 1,
            "requires": ["B"],
            "excludes": ["C"],
            "variants": [
                {
                    "id": "low",
                    "value": 12.5,
                    "budgets": {"investment": [800000, 200000]},
                    "capacities": {"project_managers": [400, 100]},
                },
                {
                    "id": "high",
                    "value": 30.0,
                    "budgets": {"investment": [2000000, 900000, 300000]},
                    "capacities": {"project_managers": [900, 600, 200]},
                },
            ],
        },
        {"id": "B", "variants": [{"id": "x", "value": 5, "budgets": {"investment": [4000000]}}]},
        {"id": "C", "variants": [{"id": "x", "value": 50, "budgets": {"investment": [1000000]}}]},
    ],
}


def enumerate_best(problem: opt.Problem) -> float | None:
    """The optimum by trying every combination; None when nothing satisfies the rules."""
    n = len(problem.periods)
    options = []
    for ini in problem.initiatives:
        choices = [None]
        if not ini.excluded:
            choices += [(v.id, s) for v in ini.variants for s in ini.starts(n)]
        options.append(choices)
    best = None
    for combo in itertools.product(*options):
        selected = [
            {"id": ini.id, "variant": c[0], "start": c[1]}
            for ini, c in zip(problem.initiatives, combo, strict=True)
            if c is not None
        ]
        if opt.check(problem, selected):
            continue
        value = sum(
            next(v.value for v in ini.variants if v.id == c[0])
            for ini, c in zip(problem.initiatives, combo, strict=True)
            if c is not None
        )
        best = value if best is None else max(best, value)
    return best


def test_it_solves_the_example_from_the_issue():
    problem = opt.parse_problem(EXAMPLE)
    sol = opt.solve(problem)
    assert sol.status == "optimal"
    # A is mandatory and excludes C, so C (value 50) cannot come in. A needs B started no
    # later: B takes 4 mio. in 2027, so A "high" (2 mio. in its first year) must start in 2028.
    assert sol.objective == pytest.approx(35.0)
    assert sorted((s["id"], s["variant"], s["start"]) for s in sol.selected) == [
        ("A", "high", 1),
        ("B", "x", 0),
    ]
    assert sol.usage["budgets"]["investment"]["used"] == [4000000, 2000000, 900000, 300000]
    assert sol.usage["capacities"]["project_managers"]["used"] == [0, 900, 600, 200]
    assert sol.gap == 0 and sol.bound == pytest.approx(35.0)
    assert opt.check(problem, sol.selected) == []


def test_money_rows_are_scaled_to_about_one_and_rows_of_hours_are_left_as_written():
    model = Model(opt.parse_problem(EXAMPLE))
    model.build()
    rows = {(kind, name, t): model.rows[row] for kind, name, t, row, _scale in model.limit_rows}
    scales = {(kind, name, t): scale for kind, name, t, _row, scale in model.limit_rows}
    money = rows[("budget", "investment", 0)]
    assert money[1] == 1.0  # 5,000,000 of 5,000,000
    assert max(money[3]) == 4_000_000 / 5_000_000  # B costs 4,000,000
    assert scales[("budget", "investment", 0)] == 5_000_000
    # Hours (and a knapsack's weights) are small numbers HiGHS scales well itself; scaling
    # them sent it down a worse path than plain HiGHS on Chu-Beasley instances.
    hours = rows[("capacity", "project_managers", 0)]
    assert hours[1] == 3000
    assert sorted(hours[3]) == [400, 900]
    assert scales[("capacity", "project_managers", 0)] == 1.0


def test_it_reports_the_greedy_baseline_beside_the_optimum():
    sol = opt.solve(opt.parse_problem(EXAMPLE))
    # Greedy takes the mandatory A with its cheapest variant and its prerequisite first.
    assert sol.greedy.complete is True
    assert sol.greedy.objective == pytest.approx(17.5)
    assert sol.objective >= sol.greedy.objective


def test_amounts_after_the_last_period_are_outside_the_plan():
    problem = opt.parse_problem(
        {
            "periods": ["2027", "2028"],
            "budgets": {"inv": [10, 10]},
            "initiatives": [
                {
                    "id": "A",
                    "earliest_start": 1,
                    "variants": [{"id": "v", "value": 1, "budgets": {"inv": [10, 999]}}],
                }
            ],
        }
    )
    sol = opt.solve(problem)
    assert sol.selected == [{"id": "A", "variant": "v", "start": 1}]
    assert sol.usage["budgets"]["inv"]["used"] == [0, 10]


def test_a_name_with_no_limit_is_unconstrained_but_reported():
    problem = opt.parse_problem(
        {
            "periods": ["1"],
            "initiatives": [
                {"id": "A", "variants": [{"value": 1, "budgets": {"running": [10**9]}}]}
            ],
        }
    )
    sol = opt.solve(problem)
    assert sol.objective == 1
    assert sol.usage["budgets"]["running"] == {"used": [10**9], "limit": None}


def test_it_explains_an_infeasible_problem_with_the_smallest_increase():
    data = json.loads(json.dumps(EXAMPLE))
    data["budgets"]["investment"] = [1000000, 1000000, 1000000, 1000000]
    problem = opt.parse_problem(data)
    sol = opt.solve(problem)
    assert sol.status == "infeasible"
    explanation = sol.explanation
    # A must be in, and needs B (4 mio. in one year) no later than itself: B needs +3 mio. in
    # its year and A "low" fits beside it only if that year has 0.8 mio. more, or A starts a
    # year later where 1 mio. suffices. The cheapest repair raises one year by 3 mio.
    increases = explanation["limit_increases"]
    assert sum(c["increase"] for c in increases) == pytest.approx(3000000)
    assert increases[0]["name"] == "investment"
    assert explanation["force_out"] == [{"id": "A", "name": ""}]
    assert "investment +3,000,000" in explanation["message"]


def test_it_says_when_no_limit_helps():
    data = json.loads(json.dumps(EXAMPLE))
    data["initiatives"][1]["excluded"] = True  # A's prerequisite is forced out
    sol = opt.solve(opt.parse_problem(data))
    assert sol.status == "infeasible"
    assert sol.explanation["limits_suffice"] is False
    assert sol.explanation["force_out"] == [{"id": "A", "name": ""}]


def test_a_mandatory_and_excluded_initiative_is_infeasible_and_named():
    data = json.loads(json.dumps(EXAMPLE))
    data["initiatives"][2]["mandatory"] = True
    data["initiatives"][2]["excluded"] = True
    sol = opt.solve(opt.parse_problem(data))
    assert sol.status == "infeasible"
    assert {"rule": "mandatory_excluded", "id": "C", "name": ""} in sol.explanation["rules"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d.pop("periods"), "periods"),
        (lambda d: d["budgets"].update(investment=[1, 2]), "budgets.investment"),
        (lambda d: d["initiatives"][0].update(id=""), "initiatives[0].id"),
        (lambda d: d["initiatives"][1].update(id="A"), "initiatives[1].id"),
        (lambda d: d["initiatives"][0].update(latest_start=9), "initiatives[0].latest_start"),
        (
            lambda d: d["initiatives"][0].update(earliest_start=2, latest_start=1),
            "initiatives[0].latest_start",
        ),
        (lambda d: d["initiatives"][0].update(requires=["Z"]), "initiatives[0].requires"),
        (lambda d: d["initiatives"][0].update(excludes=["A"]), "initiatives[0].excludes"),
        (lambda d: d["initiatives"][0].update(mandatory="yes"), "initiatives[0].mandatory"),
        (
            lambda d: d["initiatives"][0]["variants"][1].update(value=None),
            "initiatives[0].variants[1].value",
        ),
        (
            lambda d: d["initiatives"][0]["variants"][0]["budgets"].update(investment=[1, "x"]),
            "initiatives[0].variants[0].budgets.investment[1]",
        ),
        (lambda d: d["initiatives"][2].update(variants=[]), "initiatives[2].variants"),
    ],
)
def test_a_malformed_problem_names_the_field(change, field):
    data = json.loads(json.dumps(EXAMPLE))
    change(data)
    with pytest.raises(opt.ProblemError) as exc:
        opt.parse_problem(data)
    assert exc.value.field == field


def test_the_problem_survives_a_round_trip_through_its_json():
    problem = opt.parse_problem(EXAMPLE)
    again = opt.parse_problem(json.loads(json.dumps(problem.to_dict())))
    assert again.to_dict() == problem.to_dict()


def test_the_frontier_rises_with_the_budget_and_starts_where_the_mandatory_fit():
    problem = opt.parse_problem(EXAMPLE)
    front = opt.frontier(problem, budget="investment", points=5)
    values = [p["objective"] for p in front["points"]]
    assert all(p["status"] == "optimal" for p in front["points"])
    assert values == sorted(values)
    # B's 4 mio. in one year is 0.8 of the 5 mio. limit: the least factor that admits A.
    assert front["points"][0]["factor"] == pytest.approx(0.8)
    assert front["current_total"] == 18000000


def test_a_progress_callback_can_stop_the_solve():
    calls = []

    def stop(progress):
        calls.append(progress)
        return True

    sol = opt.solve(opt.parse_problem(_random_problem(seed=3, size=60)), progress=stop)
    assert calls
    assert sol.status in {"feasible", "optimal"}
    assert opt.check(opt.parse_problem(_random_problem(seed=3, size=60)), sol.selected) == []


def test_the_optimum_is_returned_even_when_highs_hands_back_the_starting_plan():
    # HiGHS 1.16 solved this in presolve, reported the value 4 and returned the greedy start
    # (value 3) as its plan; found by the enumeration test below.
    problem = opt.parse_problem(
        {
            "periods": ["P0", "P1", "P2"],
            "budgets": {"inv": [0, 2, 3]},
            "capacities": {"pm": [0, 1, 3]},
            "initiatives": [
                {"id": "I0", "variants": [{"id": "v0", "value": 1, "budgets": {"inv": [3]}}]},
                {
                    "id": "I1",
                    "variants": [
                        {
                            "id": "v0",
                            "value": 2,
                            "budgets": {"inv": [1]},
                            "capacities": {"pm": [1]},
                        },
                        {
                            "id": "v1",
                            "value": 3,
                            "budgets": {"inv": [2]},
                            "capacities": {"pm": [0, 3]},
                        },
                    ],
                },
            ],
        }
    )
    sol = opt.solve(problem, explain=False)
    assert sol.greedy.objective == 3
    assert (sol.status, sol.objective) == ("optimal", 4)
    assert opt.check(problem, sol.selected) == []


def _random_problem(seed: int, size: int) -> dict:
    import random

    rng = random.Random(seed)
    periods = 3
    items = []
    for k in range(size):
        variants = [
            {
                "id": f"v{j}",
                "value": rng.randint(1, 30),
                "budgets": {"inv": [rng.randint(0, 9) for _ in range(rng.randint(1, 2))]},
                "capacities": {"pm": [rng.randint(0, 5)]},
            }
            for j in range(rng.randint(1, 2))
        ]
        items.append({"id": f"I{k}", "variants": variants})
    return {
        "periods": [str(p) for p in range(periods)],
        "budgets": {"inv": [size, size, size]},
        "capacities": {"pm": [size, size, size]},
        "initiatives": items,
    }


# ------------------------------------------------------------------ hypothesis


@st.composite
def problems(draw, max_initiatives=4):
    n = draw(st.integers(1, 3))
    count = draw(st.integers(1, max_initiatives))
    ids = [f"I{k}" for k in range(count)]
    amounts = st.lists(st.integers(0, 6), min_size=1, max_size=3)
    items = []
    for k, ident in enumerate(ids):
        earliest = draw(st.integers(0, n - 1))
        latest = draw(st.integers(earliest, n - 1))
        others = ids[:k]  # requires point backwards: no cycles are needed to test the rule
        items.append(
            {
                "id": ident,
                "mandatory": draw(st.booleans()) and draw(st.booleans()),
                "excluded": draw(st.booleans()) and draw(st.booleans()) and draw(st.booleans()),
                "earliest_start": earliest,
                "latest_start": latest,
                "requires": draw(st.lists(st.sampled_from(others), max_size=1, unique=True))
                if others
                else [],
                "excludes": draw(st.lists(st.sampled_from(others), max_size=1, unique=True))
                if others and draw(st.booleans())
                else [],
                "variants": [
                    {
                        "id": f"v{j}",
                        "value": draw(st.integers(0, 20)),
                        "budgets": {"inv": draw(amounts)},
                        "capacities": {"pm": draw(amounts)},
                    }
                    for j in range(draw(st.integers(1, 2)))
                ],
            }
        )
    return {
        "periods": [f"P{t}" for t in range(n)],
        "budgets": {"inv": [draw(st.integers(0, 10)) for _ in range(n)]},
        "capacities": {"pm": [draw(st.integers(0, 10)) for _ in range(n)]},
        "initiatives": items,
    }


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_it_finds_the_optimum_exhaustive_enumeration_finds(data):
    problem = opt.parse_problem(data)
    sol = opt.solve(problem, explain=False)
    best = enumerate_best(problem)
    if best is None:
        assert sol.status == "infeasible"
    else:
        assert sol.status == "optimal"
        assert sol.objective == pytest.approx(best)
        assert opt.check(problem, sol.selected) == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems(max_initiatives=6), st.integers(1, 8))
def test_adding_budget_never_lowers_the_optimum(data, extra):
    problem = opt.parse_problem(data)
    more = json.loads(json.dumps(data))
    more["budgets"]["inv"] = [v + extra for v in more["budgets"]["inv"]]
    first = opt.solve(problem, explain=False, greedy_baseline=False)
    second = opt.solve(opt.parse_problem(more), explain=False, greedy_baseline=False)
    if first.status == "optimal":
        assert second.status == "optimal"
        assert second.objective >= first.objective - 1e-9


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems(max_initiatives=6))
def test_every_returned_solution_and_the_greedy_one_keep_every_rule(data):
    problem = opt.parse_problem(data)
    sol = opt.solve(problem)
    if sol.status in {"optimal", "feasible"}:
        assert opt.check(problem, sol.selected) == []
        assert sol.objective >= sol.greedy.objective - 1e-9 or not sol.greedy.complete
    else:
        assert sol.explanation["message"]
    greedy_broken = opt.check(problem, sol.greedy.selected)
    if sol.greedy.complete:
        assert greedy_broken == []
    else:
        assert all("is mandatory" in b for b in greedy_broken)
