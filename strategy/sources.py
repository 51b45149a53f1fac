"""Where a measurable goal's current value can come from besides a person: a registry that
higher apps fill when they start (AppConfig.ready), so the strategy, a lower layer, shows
figures it cannot import (e.g. involvement's share of hassles answered on time)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Source:
    key: str
    label: object  # a lazy translation
    compute: Callable  # organisation -> float | None, in the goal's unit


SOURCES: dict[str, Source] = {}


def register(key: str, label, compute: Callable) -> None:
    SOURCES[key] = Source(key, label, compute)


def choices() -> list[tuple[str, object]]:
    return [("", _("Entered by hand"))] + [(s.key, s.label) for s in SOURCES.values()]


def current(goal) -> float | None:
    """The goal's value now, computed from Styr's own data, or None."""
    source = SOURCES.get(goal.source)
    return source.compute(goal.organisation) if source else None
