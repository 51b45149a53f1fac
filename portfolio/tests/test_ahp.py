"""AHP weights and consistency, against worked examples."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portfolio import ahp


def test_a_consistent_matrix_gives_its_exact_weights_and_cr_zero():
    # Weights 4:2:1 written as ratios: a_12 = 2, a_13 = 4, a_23 = 2.
    result = ahp.weigh(ahp.matrix(3, {(0, 1): 2, (0, 2): 4, (1, 2): 2}))
    assert result.weights == pytest.approx((4 / 7, 2 / 7, 1 / 7))
    assert result.lambda_max == pytest.approx(3)
    assert result.cr == pytest.approx(0, abs=1e-9)
    assert result.consistent


def test_saatys_inconsistent_example_is_flagged():
    # A prefers B strongly, B prefers C strongly, yet C is preferred to A: a cycle.
    result = ahp.weigh(ahp.matrix(3, {(0, 1): 5, (1, 2): 5, (0, 2): 1 / 5}))
    assert result.cr > ahp.THRESHOLD
    assert not result.consistent


def test_a_known_matrix_matches_published_figures():
    # Saaty's 3x3 example: [[1, 3, 5], [1/3, 1, 3], [1/5, 1/3, 1]]; weights .637 .258 .105,
    # lambda_max 3.039, CR 0.033.
    result = ahp.weigh(ahp.matrix(3, {(0, 1): 3, (0, 2): 5, (1, 2): 3}))
    assert result.weights == pytest.approx((0.637, 0.258, 0.105), abs=1e-3)
    assert result.lambda_max == pytest.approx(3.039, abs=1e-3)
    assert result.cr == pytest.approx(0.033, abs=2e-3)


@given(st.lists(st.sampled_from(ahp.SCALE), min_size=6, max_size=6))
def test_weights_are_positive_and_sum_to_one(values):
    pairs = [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)]
    result = ahp.weigh(ahp.matrix(4, dict(zip(pairs, values, strict=True))))
    assert sum(result.weights) == pytest.approx(1)
    assert all(w > 0 for w in result.weights)
    assert result.lambda_max >= 4 - 1e-9
