"""Scoring an assessment: means, spreads, shares, gaps, changes, anonymity and benchmarks.

Plain functions on counts, no Django import: the database counts the answers (tallies per
statement, department, group and level), these turn counts into figures. Level 0 is
"don't know": it counts towards the answers given but never towards a mean.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

LEVELS = (1, 2, 3, 4, 5)
DONT_KNOW = 0
DEFAULT_THRESHOLD = 5
MIN_THRESHOLD = 3  # never fewer: with two answers each knows the other's
BENCHMARK_MIN_ORGANISATIONS = 5


@dataclass(frozen=True)
class Summary:
    """The figures of one set of answers to one or more statements."""

    answers: int  # every answer, "don't know" included
    dont_know: int
    mean: float | None  # over the answers on the scale; None when there are none
    spread: float | None  # population standard deviation of the same
    counts: tuple[int, ...]  # per level 1..5

    @property
    def scored(self) -> int:
        return self.answers - self.dont_know

    @property
    def dont_know_share(self) -> float | None:
        return self.dont_know / self.answers if self.answers else None

    def shares(self) -> tuple[float, ...]:
        """Each level's share of the scored answers (0 when none were scored)."""
        return tuple(c / self.scored if self.scored else 0.0 for c in self.counts)


def summarise(counts: Mapping[int, int]) -> Summary:
    """The summary of counts per level (0 = don't know, 1–5 the scale)."""
    per_level = tuple(int(counts.get(level, 0)) for level in LEVELS)
    scored = sum(per_level)
    dont_know = int(counts.get(DONT_KNOW, 0))
    if not scored:
        return Summary(scored + dont_know, dont_know, None, None, per_level)
    mean = sum(level * n for level, n in zip(LEVELS, per_level, strict=True)) / scored
    variance = (
        sum(n * (level - mean) ** 2 for level, n in zip(LEVELS, per_level, strict=True)) / scored
    )
    return Summary(scored + dont_know, dont_know, mean, math.sqrt(variance), per_level)


def merge(*many: Mapping[int, int]) -> dict[int, int]:
    """Counts per level added together (the statements of one dimension, or groups)."""
    total: dict[int, int] = {}
    for counts in many:
        for level, n in counts.items():
            total[level] = total.get(level, 0) + n
    return total


def response_rate(responses: int, invited: int) -> float | None:
    """Responses as a share of those invited; None when no one was invited by name (an
    open link has no denominator)."""
    if invited <= 0:
        return None
    return min(responses / invited, 1.0)


def difference(a: float | None, b: float | None) -> float | None:
    """a − b, or None when either is missing: the gap between leaders and employees, and
    the change since the previous round."""
    if a is None or b is None:
        return None
    return a - b


def hidden(counts: Mapping[Hashable, int], threshold: int) -> set[Hashable]:
    """The groups whose results may not be shown: those with fewer responses than the
    threshold (but more than none), and, when they alone would add up to fewer than the
    threshold, the next smallest too, so that the total minus the shown groups never
    reveals a small group (secondary suppression)."""
    threshold = max(threshold, MIN_THRESHOLD)
    small = {key for key, n in counts.items() if 0 < n < threshold}
    if not small:
        return small
    hidden_total = sum(counts[key] for key in small)
    rest = sorted((n, str(key), key) for key, n in counts.items() if n >= threshold)
    while 0 < hidden_total < threshold and rest:
        n, _, key = rest.pop(0)
        small.add(key)
        hidden_total += n
    return small


def quartiles(values: Iterable[float]) -> tuple[float, float, float] | None:
    """(lower quartile, median, upper quartile) of the values, interpolated between the
    observations (the 'inclusive' method: for 1, 2, 3, 4, 5 it is 2, 3, 4); None for
    fewer than two values."""
    data = sorted(values)
    if len(data) < 2:
        return None
    q1, q2, q3 = statistics.quantiles(data, n=4, method="inclusive")
    return q1, q2, q3


def benchmark(
    means_per_organisation: Mapping[Hashable, float | None],
    minimum: int = BENCHMARK_MIN_ORGANISATIONS,
) -> tuple[float, float, float] | None:
    """The quartiles of the organisations' means, or None when fewer than `minimum`
    organisations have a mean: a benchmark of four could be traced back to each."""
    values = [m for m in means_per_organisation.values() if m is not None]
    if len(values) < minimum:
        return None
    return quartiles(values)


def weakest_first(means: Mapping[Hashable, float | None]) -> list[Hashable]:
    """The keys by mean, lowest first; those without a mean last, in their given order."""
    known = sorted((m, i, k) for i, (k, m) in enumerate(means.items()) if m is not None)
    unknown = [k for k, m in means.items() if m is None]
    return [k for _, _, k in known] + unknown
