"""Figures of ideas and hassles, with no Django import: the hours a hassle steals a year,
and the share of items answered on time per month and department."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

# How many times a period fits in a year (a working year: 220 days, 46 weeks, 12 months).
PER_YEAR = {"day": 220, "week": 46, "month": 12, "year": 1}


def hours_per_year(minutes: int, times: int, per: str, people: int) -> float:
    """Hours lost a year: minutes each time × times per period × periods a year × people.
    A hassle of 5 minutes, 3 times a week, for 20 people: 5 × 3 × 46 × 20 / 60 = 230 h."""
    if per not in PER_YEAR:
        raise ValueError(f"unknown period {per!r}")
    return max(minutes, 0) * max(times, 0) * PER_YEAR[per] * max(people, 0) / 60


@dataclass(frozen=True)
class Answered:
    """One item for the on-time share: when it was due, when (if) it was answered, and the
    key it is counted under (its department)."""

    due: datetime.date
    answered: datetime.date | None
    key: Hashable = None


def on_time_share(
    items: Iterable[Answered], *, today: datetime.date
) -> dict[tuple[int, int], dict[Hashable, tuple[int, int]]]:
    """Per month of the due date, and per key: (answered on time, due), counting only items
    whose due date has passed or that were answered. An item is on time when answered on
    or before its due date; one still open after its due date is late."""
    out: dict[tuple[int, int], dict[Hashable, list[int]]] = defaultdict(
        lambda: defaultdict(lambda: [0, 0])
    )
    for item in items:
        if item.answered is None and item.due >= today:
            continue  # not due yet, not answered: it counts when it is
        cell = out[(item.due.year, item.due.month)][item.key]
        cell[1] += 1
        if item.answered is not None and item.answered <= item.due:
            cell[0] += 1
    return {month: {k: (v[0], v[1]) for k, v in keys.items()} for month, keys in out.items()}


def share(on_time: int, due: int) -> float | None:
    return on_time / due if due else None
