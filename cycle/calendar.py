"""Dated work of higher apps on the yearly cycle and in the calendar feeds: a registry they
fill when they start (AppConfig.ready), so the cycle, a lower layer, shows what it cannot
import (e.g. publication's communication activities)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Dated:
    """One dated thing: shown on the wheel in the ring named `kind`, in the month's list,
    and in the feed of the person `owner_id`."""

    uid: str
    date: datetime.date
    title: str
    kind: str
    url: str
    owner_id: int | None = None
    description: str = ""


PROVIDERS: list[Callable] = []


def register(provider: Callable) -> None:
    """`provider(organisation, start, end)` returns the Dated things between the days."""
    if provider not in PROVIDERS:
        PROVIDERS.append(provider)


def dated(organisation, start: datetime.date, end: datetime.date) -> list[Dated]:
    return [d for provider in PROVIDERS for d in provider(organisation, start, end)]
