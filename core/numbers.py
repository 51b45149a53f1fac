"""Numbers as people in Denmark, Norway and elsewhere type them.

No Django import: `parse_number("1.500,50", decimal=",")` → Decimal("1500.50"). One parser
serves every number field (core.forms.DecimalField) and every spreadsheet upload
(core.uploads), so "40.000" means forty thousand wherever a Danish user types it.

The rules, in order:
1. Spaces (also no-break and thin spaces) and apostrophes group thousands and are dropped.
2. When both "." and "," occur, the later one is the decimal separator.
3. One separator occurring more than once groups thousands ("2.500.000", "2,500,000").
4. A single separator is the decimal separator of the user's language ("," in Danish and
   Norwegian, "." in English) — unless it is the other one and exactly three digits follow,
   after a whole number not starting with 0, when it groups thousands ("40.000" in Danish);
   otherwise it is a decimal point ("3.5", "0.125").
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

GROUPING = re.compile(r"[\s\u00a0\u202f\u2009']")
NUMBER = re.compile(r"^[+-]?\d*\.?\d*$")


def parse_number(text: str, *, decimal: str = ",") -> Decimal:
    """The number in `text`; raises ValueError when it is not one (or not finite)."""
    value = GROUPING.sub("", text.strip()).replace("\u2212", "-")
    if not value:
        raise ValueError("empty")
    dots, commas = value.count("."), value.count(",")
    if dots and commas:
        point = "." if value.rfind(".") > value.rfind(",") else ","
        grouping = "," if point == "." else "."
        value = value.replace(grouping, "").replace(point, ".")
    elif dots > 1 or commas > 1:
        value = value.replace(".", "").replace(",", "")
    elif dots or commas:
        separator = "." if dots else ","
        integer, fraction = value.split(separator)
        digits = integer.lstrip("+-")
        groups_thousands = (
            separator != decimal
            and len(fraction) == 3
            and digits.isdigit()
            and not digits.startswith("0")
        )
        value = integer + fraction if groups_thousands else f"{integer}.{fraction}"
    if not NUMBER.match(value) or value in {"", ".", "+", "-", "+.", "-."}:
        raise ValueError(text)
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise ValueError(text) from None
    if not number.is_finite():
        raise ValueError(text)
    return number


def format_whole(value, *, grouping: str) -> str:
    """`value` rounded (half to even, as format_number) to a whole number with thousands
    grouped: the fast path for amounts, which pages show by the hundred."""
    return f"{round(value):,}".replace(",", grouping)


def format_number(value, *, decimals: int | None, decimal: str, grouping: str) -> str:
    """`value` with thousands grouped and the language's decimal separator; `decimals`
    None keeps the value's own decimals without trailing zeros."""
    # Decimal(value) copies a Decimal (or a subclass) without asking its str().
    number = Decimal(value) if isinstance(value, Decimal | int) else Decimal(str(value))
    if decimals is None:
        text = format(number.normalize(), "f") if number == number.to_integral() else None
        if text is None:
            text = format(number, "f").rstrip("0").rstrip(".")
    else:
        text = format(number.quantize(Decimal(1).scaleb(-decimals)), "f")
    sign = "-" if text.startswith("-") else ""
    integer, _, fraction = text.lstrip("-").partition(".")
    groups = []
    while len(integer) > 3:
        groups.insert(0, integer[-3:])
        integer = integer[:-3]
    groups.insert(0, integer)
    out = sign + grouping.join(groups)
    return out + (decimal + fraction if fraction else "")
