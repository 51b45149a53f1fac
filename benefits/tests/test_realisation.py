"""The realisation arithmetic, checked by hand."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from benefits import realisation as r


def test_periods_follow_the_frequency():
    assert r.period_start(dt.date(2027, 5, 17), 3) == dt.date(2027, 4, 1)
    assert r.period_start(dt.date(2027, 5, 17), 12) == dt.date(2027, 1, 1)
    assert r.periods_between(dt.date(2026, 12, 15), dt.date(2027, 12, 31), 3) == [
        dt.date(2027, 1, 1),
        dt.date(2027, 4, 1),
        dt.date(2027, 7, 1),
        dt.date(2027, 10, 1),
    ]


def test_a_linear_plan_runs_from_baseline_to_target():
    plan = r.linear_plan(
        baseline=1000, target=600, start=dt.date(2026, 12, 1), end=dt.date(2027, 12, 31), months=3
    )
    assert [v for _p, v in plan] == [900, 800, 700, 600]


def test_lag_is_measured_on_progress_in_the_good_direction():
    plan = [(dt.date(2027, 1, 1), 900), (dt.date(2027, 4, 1), 800)]
    # lower is better: planned progress 200 by Q2, actual 1000 - 880 = 120 -> 40 % short
    st = r.status(
        baseline=1000,
        baseline_date=dt.date(2026, 12, 1),
        direction=r.DECREASE,
        months=3,
        plan=plan,
        measurements=[(dt.date(2027, 5, 2), 880)],
        threshold=0.1,
    )
    assert st.lagging
    assert round(st.shortfall, 6) == 0.4
    # within the threshold: 190 of 200 is 5 % short
    st = r.status(
        baseline=1000,
        baseline_date=dt.date(2026, 12, 1),
        direction=r.DECREASE,
        months=3,
        plan=plan,
        measurements=[(dt.date(2027, 5, 2), 810)],
        threshold=0.1,
    )
    assert not st.lagging


def test_the_latest_measurement_in_a_period_counts():
    actual = r.actuals_by_period([(dt.date(2027, 1, 5), 1), (dt.date(2027, 3, 30), 2)], 3)
    assert actual == {dt.date(2027, 1, 1): 2}


def test_the_next_measurement_is_due_when_the_next_period_has_ended():
    st = r.status(
        baseline=0,
        baseline_date=dt.date(2026, 12, 1),
        direction=r.INCREASE,
        months=3,
        plan=[],
        measurements=[(dt.date(2027, 2, 1), 5)],
        threshold=0.1,
    )
    # measured Q1 2027; Q2 ends 30 June, so the next is due 1 July
    assert st.next_due == dt.date(2027, 7, 1)


def test_money_per_year_scales_with_progress():
    values = [(dt.date(2027, 1, 1), 900), (dt.date(2027, 7, 1), 800)]
    # likely target 600 from 1000 is worth 400.000 a year; quarterly periods are 1/4 year
    money = r.yearly_value(
        values, baseline=1000, likely=600, direction=r.DECREASE, annual_value=400000, months=3
    )
    # 100000 × 0.25 + 100000 × 0.5 = 75000
    assert money == {2027: 75000}


def test_nothing_is_due_after_the_period_following_the_target():
    kwargs = dict(
        baseline=0,
        baseline_date=dt.date(2026, 12, 1),
        direction=r.INCREASE,
        months=3,
        plan=[],
        threshold=0.1,
        target_date=dt.date(2027, 3, 31),
    )
    # Q2 2027, the period after the target's, is not measured yet: it is still due
    st = r.status(measurements=[(dt.date(2027, 3, 1), 5)], **kwargs)
    assert st.next_due == dt.date(2027, 7, 1)
    st = r.status(measurements=[(dt.date(2027, 6, 1), 5)], **kwargs)
    assert st.next_due is None


def test_a_realisation_outside_0_to_200_percent_is_flagged_for_a_check_not_shown_as_success():
    plan = [(dt.date(2027, 1, 1), 900), (dt.date(2027, 4, 1), 800)]
    common = dict(
        baseline=1000,
        baseline_date=dt.date(2026, 12, 1),
        direction=r.DECREASE,
        months=3,
        plan=plan,
        threshold=0.1,
    )
    # 1000 → -5 is 1005 of a planned 200: 502 % — a sign or unit error, not a triumph.
    st = r.status(**common, measurements=[(dt.date(2027, 5, 2), -5)])
    assert st.to_check and st.rows[-1].implausible
    st = r.status(**common, measurements=[(dt.date(2027, 5, 2), 1100)])  # worse: -50 %
    assert st.to_check
    st = r.status(**common, measurements=[(dt.date(2027, 5, 2), 700)])  # 150 %: plausible
    assert not st.to_check


_days = st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2029, 12, 31))
_values = st.floats(min_value=-100, max_value=200, allow_nan=False)


@given(
    plan=st.lists(st.tuples(_days, _values), max_size=12),
    measurements=st.lists(st.tuples(_days, _values), max_size=12),
    baseline=st.one_of(st.none(), _values),
    direction=st.sampled_from([r.INCREASE, r.DECREASE]),
    months=st.sampled_from([1, 3, 6, 12]),
    threshold=st.floats(min_value=0, max_value=1),
)
def test_a_list_without_the_period_table_sees_the_same_status(
    plan, measurements, baseline, direction, months, threshold
):
    kwargs = {
        "baseline": baseline,
        "baseline_date": dt.date(2025, 1, 1),
        "direction": direction,
        "months": months,
        "plan": plan,
        "measurements": measurements,
        "threshold": threshold,
        "target_date": dt.date(2028, 12, 31),
    }
    whole, brief = r.status(**kwargs), r.status(**kwargs, rows=False)
    assert brief.rows == ()
    assert (brief.lagging, brief.shortfall, brief.last_period, brief.next_due) == (
        whole.lagging,
        whole.shortfall,
        whole.last_period,
        whole.next_due,
    )
    assert brief.to_check == whole.to_check
    measured = [row for row in whole.rows if row.ratio is not None]
    assert whole.to_check == (bool(measured) and measured[-1].implausible)
