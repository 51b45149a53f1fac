"""core.numbers: numbers as Danish, Norwegian and English users type them."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.numbers import format_number, parse_number


@pytest.mark.parametrize(
    ("text", "decimal", "expected"),
    [
        ("40.000", ",", "40000"),
        ("1.500,50", ",", "1500.50"),
        ("2.500.000", ",", "2500000"),
        ("3,5", ",", "3.5"),
        ("3.5", ",", "3.5"),
        ("40 000", ",", "40000"),
        ("40\u00a0000,25", ",", "40000.25"),
        ("−1.200", ",", "-1200"),
        ("40,000", ".", "40000"),
        ("1,500.50", ".", "1500.50"),
        ("3.5", ".", "3.5"),
        ("0,125", ".", "0.125"),
        ("1,5", ".", "1.5"),
        ("12", ",", "12"),
        ("-7", ",", "-7"),
    ],
)
def test_it_reads_numbers_the_way_each_language_writes_them(text, decimal, expected):
    assert parse_number(text, decimal=decimal) == Decimal(expected)


@pytest.mark.parametrize("text", ["", "abc", "1.2.3,4,5", "1e5", "Infinity", "NaN", "--1", "1-"])
def test_it_refuses_what_is_not_a_number(text):
    with pytest.raises(ValueError):
        parse_number(text, decimal=",")


def test_it_formats_with_grouping_and_the_decimal_separator():
    assert format_number(Decimal("40000"), decimals=0, decimal=",", grouping=".") == "40.000"
    assert format_number(Decimal("1500.5"), decimals=2, decimal=",", grouping=".") == "1.500,50"
    assert format_number(Decimal("3.50"), decimals=None, decimal=",", grouping=".") == "3,5"
    assert format_number(Decimal("-1234567"), decimals=0, decimal=".", grouping=",") == "-1,234,567"
    assert format_number(Decimal("1E+12"), decimals=None, decimal=",", grouping=".") == (
        "1.000.000.000.000"
    )


@given(
    st.decimals(min_value=-(10**12), max_value=10**12, places=2, allow_nan=False),
    st.sampled_from([(",", "."), (",", "\u00a0"), (".", ",")]),
)
def test_what_is_formatted_reads_back_the_same(value, separators):
    decimal, grouping = separators
    text = format_number(value, decimals=2, decimal=decimal, grouping=grouping)
    assert parse_number(text, decimal=decimal) == value
