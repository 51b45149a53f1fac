"""The pure recurrence arithmetic and the wheel drawing (no database)."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cycle import wheel

D = datetime.date


def test_a_day_past_the_month_end_falls_on_its_last_day():
    assert wheel.occurrences(3, 31, 3, D(2027, 1, 1), D(2027, 12, 31)) == [
        D(2027, 3, 31),
        D(2027, 6, 30),
        D(2027, 9, 30),
        D(2027, 12, 31),
    ]
    assert wheel.occurrences(2, 30, 12, D(2028, 1, 1), D(2028, 12, 31)) == [D(2028, 2, 29)]


def test_occurrences_span_years_and_respect_the_window():
    got = wheel.occurrences(11, 15, 6, D(2026, 11, 20), D(2027, 11, 20))
    assert got == [D(2027, 5, 15), D(2027, 11, 15)]


def test_a_bad_repeat_is_refused():
    with pytest.raises(ValueError):
        wheel.months_of(1, 5)


@given(
    month=st.integers(1, 12),
    day=st.integers(1, 31),
    repeat=st.sampled_from([1, 3, 6, 12]),
    year=st.integers(2020, 2040),
)
def test_an_event_falls_12_over_repeat_times_a_year(month, day, repeat, year):
    dates = wheel.occurrences(month, day, repeat, D(year, 1, 1), D(year, 12, 31))
    assert len(dates) == 12 // repeat
    assert dates == sorted(dates)
    assert all(d.day == min(day, 28) or d.day >= 28 for d in dates)


def test_the_wheel_escapes_titles_and_has_a_dot_per_occurrence():
    marks = [wheel.Mark("<Budget & mål>", 0, [2, 9], 15), wheel.Mark("Status", 1, [3, 6], 31)]
    svg = wheel.wheel_svg(marks, [f"M{m}" for m in range(12)], ["a", "b"], "Årshjul")
    assert "&lt;Budget &amp; mål&gt;" in svg and "<Budget" not in svg
    assert svg.count('r="5"') == 4
    assert svg.startswith("<svg") and 'role="img"' in svg
