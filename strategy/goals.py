"""Progress of a measurable goal, with no Django import (unit-tested on its own).

A goal runs from a baseline to a target; either may be the larger (fewer MWh is better
than more). Progress is the share of that distance covered by a measured value: 0 at the
baseline, 1 at the target, below 0 when it went the wrong way, above 1 past the target.
"""

from __future__ import annotations


def progress(baseline: float | None, target: float, value: float | None) -> float | None:
    """The share of the way from baseline to target that `value` has covered; None when
    there is no value, no baseline, or baseline and target are the same."""
    if value is None or baseline is None or baseline == target:
        return None
    return (value - baseline) / (target - baseline)
