"""The pure figures: hours lost a year and the share answered on time, by hand."""

import datetime as dt

import pytest

from involvement.figures import Answered, hours_per_year, on_time_share, share


def test_hours_lost_a_year_multiply_out():
    assert hours_per_year(5, 3, "week", 20) == pytest.approx(5 * 3 * 46 * 20 / 60)  # 230 h
    assert hours_per_year(30, 1, "day", 1) == pytest.approx(110.0)
    assert hours_per_year(60, 2, "month", 3) == pytest.approx(72.0)
    assert hours_per_year(60, 1, "year", 1) == 1.0
    assert hours_per_year(-5, 3, "week", 2) == 0
    with pytest.raises(ValueError):
        hours_per_year(1, 1, "fortnight", 1)


def test_the_on_time_share_counts_by_month_due_and_department():
    today = dt.date(2027, 3, 15)
    items = [
        Answered(dt.date(2027, 1, 10), dt.date(2027, 1, 9), "A"),  # on time
        Answered(dt.date(2027, 1, 20), dt.date(2027, 1, 20), "A"),  # on the day: on time
        Answered(dt.date(2027, 1, 25), dt.date(2027, 2, 2), "A"),  # late
        Answered(dt.date(2027, 1, 31), None, "B"),  # open past due: late
        Answered(dt.date(2027, 3, 30), None, "B"),  # not due yet: not counted
        Answered(dt.date(2027, 3, 30), dt.date(2027, 3, 1), "B"),  # answered early: counted
    ]
    shares = on_time_share(items, today=today)
    assert shares == {(2027, 1): {"A": (2, 3), "B": (0, 1)}, (2027, 3): {"B": (1, 1)}}
    assert share(2, 3) == pytest.approx(2 / 3) and share(0, 0) is None
