"""Numbers and dates in the active language's format, for pages, charts and documents
alike (core.numbers does the work for numbers; this module only asks Django which language
is active)."""

from __future__ import annotations

import datetime
from functools import lru_cache

from django.utils.formats import date_format, get_format
from django.utils.translation import get_language

from core.numbers import format_number, format_whole


def separators() -> dict[str, str]:
    """The active language's decimal separator and thousands grouping."""
    return dict(_separators(get_language()))


@lru_cache(maxsize=16)
def _separators(_language: str | None) -> tuple[tuple[str, str], ...]:
    # Looked up once per language: a table of 300 rows formats thousands of numbers.
    return (
        ("decimal", get_format("DECIMAL_SEPARATOR")),
        ("grouping", get_format("THOUSAND_SEPARATOR")),
    )


def whole(value: float) -> str:
    """A whole amount grouped the reader's way: 1.250.000 (da), 1 250 000 (nb), 1,250,000."""
    return format_whole(value, grouping=separators()["grouping"])


def decimal(value: float, places: int = 1) -> str:
    if isinstance(value, float):
        # A float is formatted from its repr (core.numbers), so the text is a function of
        # the repr: tables repeat the same averages hundreds of times.
        return _decimal_of_repr(repr(value), places, get_language())
    return format_number(value, decimals=places, **separators())


@lru_cache(maxsize=4096)
def _decimal_of_repr(text: str, places: int, language: str | None) -> str:
    return format_number(float(text), decimals=places, **dict(_separators(language)))


def short_date(day: datetime.date | None) -> str:
    """A date as {{ day|date:"SHORT_DATE_FORMAT" }} writes it ("" for none), cached per day
    and language: a table of hundreds of rows repeats a few dates."""
    return "" if day is None else _short_date(day, get_language())


@lru_cache(maxsize=4096)
def _short_date(day: datetime.date, _language: str | None) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")
