"""The scoring functions against figures computed by hand."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assessments import scoring


def test_the_mean_leaves_dont_know_out_and_counts_it_as_an_answer():
    s = scoring.summarise({1: 1, 3: 2, 5: 1, 0: 4})
    assert s.answers == 8
    assert s.dont_know == 4
    assert s.dont_know_share == 0.5
    assert s.mean == 3.0  # (1 + 3 + 3 + 5) / 4
    assert s.spread == pytest.approx(math.sqrt(2))  # ((4 + 0 + 0 + 4) / 4) ** 0.5
    assert s.counts == (1, 0, 2, 0, 1)
    assert s.shares() == (0.25, 0.0, 0.5, 0.0, 0.25)


def test_no_scored_answers_has_no_mean():
    s = scoring.summarise({0: 3})
    assert s.mean is None and s.spread is None and s.dont_know_share == 1.0
    assert scoring.summarise({}).dont_know_share is None


def test_merge_adds_counts_per_level():
    assert scoring.merge({1: 2, 4: 1}, {4: 3, 0: 1}) == {1: 2, 4: 4, 0: 1}


def test_the_response_rate_is_capped_and_undefined_without_invitations():
    assert scoring.response_rate(3, 4) == 0.75
    assert scoring.response_rate(5, 4) == 1.0  # open links answered on top of named ones
    assert scoring.response_rate(3, 0) is None


def test_gap_and_change_are_differences_and_none_when_a_side_is_missing():
    assert scoring.difference(3.5, 2.75) == 0.75
    assert scoring.difference(None, 2.0) is None


def test_groups_below_the_threshold_are_hidden():
    # b alone is small, and the total minus a would reveal it: a is hidden too.
    assert scoring.hidden({"a": 10, "b": 4, "c": 0}, 5) == {"a", "b"}
    hidden = scoring.hidden({"a": 10, "b": 7, "c": 4, "d": 2}, 5)
    assert hidden == {"c", "d"}  # 4 + 2 = 6 ≥ 5: nothing more needs hiding


def test_a_lone_small_group_takes_the_next_smallest_with_it():
    # The total minus a and b would reveal c's 2 answers; so b is hidden too.
    assert scoring.hidden({"a": 10, "b": 6, "c": 2}, 5) == {"b", "c"}
    assert scoring.hidden({"a": 10, "b": 6}, 5) == set()


def test_the_threshold_is_never_below_three():
    assert scoring.hidden({"a": 2, "b": 9}, 1) == {"a", "b"}


@given(st.dictionaries(st.text(max_size=3), st.integers(0, 30), max_size=8), st.integers(3, 10))
def test_hidden_groups_never_add_up_to_a_small_group(counts, threshold):
    hidden = scoring.hidden(counts, threshold)
    total = sum(counts[k] for k in hidden)
    assert (
        total == 0 or total >= threshold or len(hidden) == len([k for k, n in counts.items() if n])
    )
    assert all(k in hidden for k, n in counts.items() if 0 < n < threshold)


def test_quartiles_interpolate_between_observations():
    assert scoring.quartiles([1, 2, 3, 4, 5]) == (2.0, 3.0, 4.0)
    assert scoring.quartiles([2.0, 4.0]) == (2.5, 3.0, 3.5)
    assert scoring.quartiles([3.0]) is None


def test_a_benchmark_needs_five_organisations():
    four = {i: float(i) for i in range(4)}
    assert scoring.benchmark(four) is None
    assert scoring.benchmark(four | {9: None}) is None  # a missing mean does not count
    assert scoring.benchmark(four | {4: 4.0}) == (1.0, 2.0, 3.0)


def test_weakest_first_puts_unknown_means_last():
    assert scoring.weakest_first({"a": 3.2, "b": None, "c": 2.1, "d": 4.0}) == ["c", "a", "d", "b"]
