"""The business-case arithmetic against hand-computed cases and general properties."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from finance import calc
from finance.calc import (
    BENEFIT,
    BUDGET,
    COST,
    ECONOMIC,
    NON_PRICED,
    Case,
    Line,
    Risk,
    compute,
    npv,
    payback_year,
)


def simple_case(rate=0.05):
    # Year 0 invests 1000; years 1-3 cost 100 to run and release 500 from the budget.
    return Case(
        horizon=4,
        rate=rate,
        lines=(
            Line(COST, (1000, 0, 0, 0), kind="investment"),
            Line(COST, (0, 100, 100, 100), kind="running"),
            Line(BENEFIT, (0, 500, 500, 500), category=BUDGET),
        ),
        first_year=2027,
    )


def test_it_computes_the_npv_of_a_hand_case():
    f = compute(simple_case())
    # net = -1000, 400, 400, 400
    # NPV = -1000 + 400/1.05 + 400/1.05² + 400/1.05³
    #     = -1000 + 380.952381 + 362.811791 + 345.535039 = 89.299211
    assert f.expected.net == (-1000, 400, 400, 400)
    assert f.expected.npv == pytest.approx(89.299211, abs=1e-6)
    assert f.expected.total_cost == 1300
    assert f.expected.total_benefit == 1500
    assert f.years == (2027, 2028, 2029, 2030)


def test_it_finds_the_payback_year():
    f = compute(simple_case())
    # accumulated: -1000, -600, -200, 200 -> zero or above from year 3 on
    assert f.expected.cumulative == (-1000, -600, -200, 200)
    assert f.expected.payback_year == 3


def test_a_case_that_never_pays_back_has_no_payback_year():
    assert payback_year([-1000, 100, 100]) is None


def test_payback_counts_only_when_the_net_stays_positive():
    # positive in year 0, negative after a reinvestment in year 1, positive again in year 3
    assert payback_year([100, -300, 100, 200]) == 3


def test_it_uses_the_pert_mean_and_the_interval_of_three_point_estimates():
    case = Case(
        horizon=2,
        rate=0.0,
        lines=(
            Line(COST, (1000, 0), minimum_pct=90, maximum_pct=150),
            Line(BENEFIT, (0, 600), minimum_pct=50, maximum_pct=110, category=ECONOMIC),
        ),
    )
    f = compute(case)
    # cost expected  = 1000 × (90 + 400 + 150) / 600 = 1066.67
    # benefit expected = 600 × (50 + 400 + 110) / 600 = 560
    assert f.expected.total_cost == pytest.approx(1066.6667, abs=1e-3)
    assert f.expected.total_benefit == pytest.approx(560)
    assert f.expected.npv == pytest.approx(560 - 1066.6667, abs=1e-3)
    # worst: max costs 1500, min benefits 300; best: min costs 900, max benefits 660
    assert f.low_npv == pytest.approx(300 - 1500)
    assert f.high_npv == pytest.approx(660 - 900)
    # most likely: 600 - 1000
    assert f.most_likely.npv == pytest.approx(-400)


def test_risks_go_into_the_risk_pool_in_their_year():
    case = Case(
        horizon=2,
        rate=0.0,
        lines=(Line(COST, (1000, 0)),),
        risks=(Risk(0.25, 400, year=1), Risk(0.5, 100, year=0), Risk(0.9, 10, year=7)),
    )
    f = compute(case)
    # 0.25 × 400 = 100 in year 1; 0.5 × 100 = 50 in year 0; year 7 is outside the horizon
    assert f.risk_pool == pytest.approx(150)
    assert f.expected.costs == pytest.approx((1050, 100))


def test_sensitivity_moves_benefits_costs_and_time():
    f = compute(simple_case(rate=0.0))
    # benefits -20 %: 1200 - 1300 = -100; costs +20 %: 1500 - 1560 = -60
    assert f.sensitivity["benefits_minus_20"].npv == pytest.approx(-100)
    assert f.sensitivity["costs_plus_20"].npv == pytest.approx(-60)
    # delay: benefits 0, 0, 500, 500 -> 1000 - 1300 = -300
    assert f.sensitivity["delay_one_year"].benefits == (0, 0, 500, 500)
    assert f.sensitivity["delay_one_year"].npv == pytest.approx(-300)


def test_non_priced_benefits_count_in_no_figure():
    case = Case(
        horizon=2,
        rate=0.0,
        lines=(Line(BENEFIT, (10, 10), category=NON_PRICED), Line(COST, (5, 0))),
    )
    f = compute(case)
    assert f.expected.total_benefit == 0
    assert NON_PRICED not in f.benefits_by_category


def test_budget_npv_counts_only_budget_releasing_benefits():
    case = Case(
        horizon=2,
        rate=0.0,
        lines=(
            Line(COST, (100, 0)),
            Line(BENEFIT, (0, 80), category=BUDGET),
            Line(BENEFIT, (0, 50), category=ECONOMIC),
        ),
    )
    f = compute(case)
    assert f.expected.npv == pytest.approx(30)
    assert f.budget_npv == pytest.approx(-20)
    assert f.benefits_by_category[BUDGET] == pytest.approx(80)
    assert f.benefits_by_category[ECONOMIC] == pytest.approx(50)


def test_lines_longer_than_the_horizon_are_cut_and_shorter_are_padded():
    case = Case(horizon=2, rate=0.0, lines=(Line(COST, (1, 2, 3)), Line(BENEFIT, (5,))))
    f = compute(case)
    assert f.expected.costs == (1, 2)
    assert f.expected.benefits == (5, 0)


def test_it_refuses_an_empty_horizon_and_an_impossible_rate():
    with pytest.raises(ValueError):
        compute(Case(horizon=0, rate=0.0))
    with pytest.raises(ValueError):
        npv([1, 2], -1.0)


amounts = st.floats(min_value=0, max_value=1e7, allow_nan=False, allow_infinity=False)
flows = st.lists(amounts, min_size=1, max_size=15)


@given(flows, st.floats(min_value=0.0, max_value=0.5))
def test_zero_rate_equals_the_plain_sum(values, _unused):
    assert npv(values, 0.0) == pytest.approx(sum(values), rel=1e-9, abs=1e-6)


@given(
    st.floats(min_value=0, max_value=1e7),
    flows,
    st.floats(min_value=0.0, max_value=0.3),
    st.floats(min_value=0.001, max_value=0.3),
)
def test_npv_falls_as_the_rate_rises_when_later_flows_are_positive(investment, later, rate, step):
    values = [-investment, *later]
    lower = npv(values, rate)
    higher = npv(values, rate + step)
    assert higher <= lower + 1e-6 * max(1.0, abs(lower))


@given(flows, st.floats(min_value=0.0, max_value=0.2))
def test_npv_is_linear_in_the_flows(values, rate):
    doubled = [2 * v for v in values]
    assert npv(doubled, rate) == pytest.approx(2 * npv(values, rate), rel=1e-9, abs=1e-6)


three_point = st.tuples(
    st.floats(min_value=0, max_value=100), st.floats(min_value=100, max_value=300)
)


@given(
    st.lists(st.tuples(amounts, three_point, st.booleans()), min_size=1, max_size=6),
    st.floats(min_value=0.0, max_value=0.2),
)
def test_the_expected_npv_lies_in_the_interval(lines, rate):
    case = Case(
        horizon=3,
        rate=rate,
        lines=tuple(
            Line(
                COST if is_cost else BENEFIT,
                (amount, amount / 2, amount / 3),
                minimum_pct=low,
                maximum_pct=high,
                category="" if is_cost else BUDGET,
            )
            for amount, (low, high), is_cost in lines
        ),
    )
    f = compute(case)
    slack = 1e-6 * max(1.0, abs(f.low_npv), abs(f.high_npv))
    assert f.low_npv - slack <= f.expected.npv <= f.high_npv + slack
    assert f.low_npv - slack <= f.most_likely.npv <= f.high_npv + slack


@given(flows)
def test_the_cumulative_net_ends_in_the_plain_sum(values):
    case = Case(
        horizon=len(values), rate=0.04, lines=(Line(BENEFIT, tuple(values), category=BUDGET),)
    )
    f = compute(case)
    assert math.isclose(f.expected.cumulative[-1], sum(values), rel_tol=1e-9, abs_tol=1e-6)
    assert f.expected.payback_year == 0


def test_figures_survive_being_stored_as_json():
    import json

    case = calc.Case(
        horizon=3,
        rate=0.035,
        first_year=2027,
        lines=(
            calc.Line(side="cost", amounts=(1000.0, 100.0), minimum_pct=90, maximum_pct=130),
            calc.Line(side="benefit", amounts=(0.0, 600.0, 700.0), category="budget"),
        ),
        risks=(calc.Risk(probability=0.2, consequence=500.0, year=1),),
    )
    figures = calc.compute(case)
    stored = json.loads(json.dumps(figures.to_json(), allow_nan=False))
    assert calc.Figures.from_json(stored) == figures


def test_figures_with_a_number_json_cannot_hold_are_not_stored():
    figures = calc.compute(calc.Case(horizon=1, rate=0.0))
    broken = calc.Figures(**{**figures.__dict__, "low_npv": float("nan")})
    assert figures.to_json() is not None and broken.to_json() is None
