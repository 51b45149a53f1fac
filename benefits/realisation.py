"""Benefit realisation arithmetic, with no Django import.

A benefit is followed on an indicator (e.g. "minutes per case", "sick days per employee").
It starts at a baseline (nullpunktsmåling), has a planned value per period (the profile) and
is measured over time. Everything here works on *progress*: how far the indicator has
moved from the baseline in the good direction, so that "lower is better" indicators are
handled the same way as "higher is better" ones.

* Periods follow the benefit's measurement frequency (1, 3, 6 or 12 months) and are named by
  their first day; a measurement belongs to the period its date falls in, and the latest
  measurement in a period is the period's actual value.
* Realisation of a period = actual progress / planned progress.
* A benefit lags when, in the latest period that has both a plan and a measurement, its
  actual progress is more than `threshold` (a fraction) short of the planned progress.
* A measurement is due when a whole period has passed since the period of the last one
  (or since the baseline date, when nothing is measured yet), until the period after the
  target date has been measured.
* Money: a benefit may carry an annual value (what one year at the likely target is worth).
  A period is then worth annual value × months / 12 × progress / likely progress, for the
  plan and for the actuals alike; summed by calendar year this gives the portfolio's
  planned and realised benefits and its benefit curve.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

INCREASE = "increase"
DECREASE = "decrease"


def period_start(day: datetime.date, months: int) -> datetime.date:
    """The first day of the period (of `months` months, aligned on January) holding `day`."""
    month0 = (day.month - 1) // months * months
    return datetime.date(day.year, month0 + 1, 1)


def add_months(day: datetime.date, months: int) -> datetime.date:
    total = day.year * 12 + day.month - 1 + months
    return datetime.date(total // 12, total % 12 + 1, 1)


def periods_between(start: datetime.date, end: datetime.date, months: int) -> list[datetime.date]:
    """The periods after the one holding `start`, up to and including the one holding `end`."""
    current = add_months(period_start(start, months), months)
    last = period_start(end, months)
    out = []
    while current <= last:
        out.append(current)
        current = add_months(current, months)
    return out


def progress(value: float, baseline: float, direction: str) -> float:
    sign = -1.0 if direction == DECREASE else 1.0
    return (value - baseline) * sign


PLAUSIBLE_RATIO = 2.0


@dataclass(frozen=True)
class PeriodRow:
    period: datetime.date
    planned: float | None
    actual: float | None
    ratio: float | None  # actual progress / planned progress

    @property
    def implausible(self) -> bool:
        """Realised below 0 % or above 200 % of the plan: more likely a wrong measurement
        (a sign, a unit, a typing error) than a success; the owner is asked to check it."""
        return self.ratio is not None and not 0.0 <= self.ratio <= PLAUSIBLE_RATIO


@dataclass(frozen=True)
class Status:
    rows: tuple[PeriodRow, ...]  # empty when asked without (lists of many benefits)
    lagging: bool
    shortfall: float | None  # how far behind, as a fraction of the planned progress
    last_period: datetime.date | None
    next_due: datetime.date | None
    last_ratio: float | None = None  # of the latest period measured against a plan

    @property
    def to_check(self) -> bool:
        """The latest measured period's realisation is implausible (PeriodRow)."""
        return self.last_ratio is not None and not 0.0 <= self.last_ratio <= PLAUSIBLE_RATIO


def actuals_by_period(
    measurements: Iterable[tuple[datetime.date, float]], months: int
) -> dict[datetime.date, float]:
    out: dict[datetime.date, tuple[datetime.date, float]] = {}
    for day, value in measurements:
        p = period_start(day, months)
        if p not in out or day >= out[p][0]:
            out[p] = (day, value)
    return {p: v for p, (_, v) in out.items()}


def _ratio(
    planned: float | None, actual: float | None, baseline: float | None, direction: str
) -> float | None:
    """Actual progress over planned progress from the baseline; None without a plan that
    moves away from the baseline, a measurement or a baseline."""
    if baseline is None or planned is None or actual is None:
        return None
    want = progress(planned, baseline, direction)
    if want <= 0:
        return None
    return progress(actual, baseline, direction) / want


def status(
    *,
    baseline: float | None,
    baseline_date: datetime.date | None,
    direction: str,
    months: int,
    plan: Sequence[tuple[datetime.date, float]],
    measurements: Sequence[tuple[datetime.date, float]],
    threshold: float,
    target_date: datetime.date | None = None,
    rows: bool = True,
) -> Status:
    """How a benefit is doing: lagging when the latest period measured against a plan
    fell short by more than `threshold`; the next measurement due. With `rows`, the
    per-period table too; a list of hundreds of benefits leaves it out and looks only at
    the latest such period."""
    actual = actuals_by_period(measurements, months)
    planned = {period_start(p, months): v for p, v in plan}
    table: tuple[PeriodRow, ...] = ()
    last_ratio = None
    if rows:
        table = tuple(
            PeriodRow(
                p,
                planned.get(p),
                actual.get(p),
                _ratio(planned.get(p), actual.get(p), baseline, direction),
            )
            for p in sorted(set(planned) | set(actual))
        )
        last_ratio = next((r.ratio for r in reversed(table) if r.ratio is not None), None)
    else:
        for p in sorted(planned.keys() & actual.keys(), reverse=True):
            last_ratio = _ratio(planned[p], actual[p], baseline, direction)
            if last_ratio is not None:
                break
    shortfall = None if last_ratio is None else max(0.0, 1.0 - last_ratio)
    lagging = shortfall is not None and shortfall > threshold
    last = max(actual) if actual else None
    start = last or (period_start(baseline_date, months) if baseline_date else None)
    # A period's measurement is due once the period has ended: the start of the period after.
    next_due = add_months(start, 2 * months) if start else None
    # Follow-up ends once the period after the target date's period has been measured.
    if next_due and target_date and start > period_start(target_date, months):
        next_due = None
    return Status(table, lagging, shortfall, last, next_due, last_ratio)


def linear_plan(
    *,
    baseline: float,
    target: float,
    start: datetime.date,
    end: datetime.date,
    months: int,
) -> list[tuple[datetime.date, float]]:
    """A straight line from the baseline to the target, one value per period."""
    periods = periods_between(start, end, months)
    n = len(periods)
    return [(p, baseline + (target - baseline) * (i + 1) / n) for i, p in enumerate(periods)]


def yearly_value(
    values: Iterable[tuple[datetime.date, float]],
    *,
    baseline: float,
    likely: float,
    direction: str,
    annual_value: float,
    months: int,
) -> dict[int, float]:
    """Money per calendar year from indicator values per period (see the module doc)."""
    full = progress(likely, baseline, direction)
    out: dict[int, float] = {}
    if full <= 0 or not annual_value:
        return out
    for period, value in values:
        share = progress(value, baseline, direction) / full
        out[period.year] = out.get(period.year, 0.0) + annual_value * months / 12.0 * share
    return out


def running_totals(values: Iterable[float | None]) -> list[float | None]:
    """Accumulated values; a period without a value (not measured yet) stays empty and
    does not reset the total."""
    out: list[float | None] = []
    total = 0.0
    for v in values:
        if v is None:
            out.append(None)
        else:
            total += v
            out.append(total)
    return out


@dataclass(frozen=True)
class Figures:
    """What a list of many benefits shows of one: its status without the per-period table
    (lagging is judged against the organisation's threshold when read) and its money per
    calendar year, planned and realised. Kept with the benefit whenever its plan,
    measurements or fields change, so a list of hundreds reads no plan or measurement."""

    shortfall: float | None
    last_period: datetime.date | None
    next_due: datetime.date | None
    last_ratio: float | None
    planned_by_year: dict[int, float]
    realised_by_year: dict[int, float]

    def status(self, threshold: float) -> Status:
        # The database applies the same rule to stored figures
        # (BenefitQuerySet.lagging_by_stored_figures); a test holds both equal.
        lagging = self.shortfall is not None and self.shortfall > threshold
        return Status((), lagging, self.shortfall, self.last_period, self.next_due, self.last_ratio)

    def to_json(self) -> dict:
        def day(d: datetime.date | None) -> str | None:
            return None if d is None else d.isoformat()

        return {
            "shortfall": self.shortfall,
            "last_period": day(self.last_period),
            "next_due": day(self.next_due),
            "last_ratio": self.last_ratio,
            # JSON keys are text; floats survive the round trip exactly (repr).
            "planned": [[y, v] for y, v in self.planned_by_year.items()],
            "realised": [[y, v] for y, v in self.realised_by_year.items()],
        }

    @classmethod
    def from_json(cls, data: dict) -> Figures:
        def day(text: str | None) -> datetime.date | None:
            return None if text is None else datetime.date.fromisoformat(text)

        return cls(
            data["shortfall"],
            day(data["last_period"]),
            day(data["next_due"]),
            data["last_ratio"],
            {int(y): v for y, v in data["planned"]},
            {int(y): v for y, v in data["realised"]},
        )


def figures(
    *,
    baseline: float | None,
    baseline_date: datetime.date | None,
    direction: str,
    months: int,
    plan: Sequence[tuple[datetime.date, float]],
    measurements: Sequence[tuple[datetime.date, float]],
    target_date: datetime.date | None,
    likely: float | None,
    annual_value: float | None,
) -> Figures:
    """A benefit's Figures from its fields, plan and measurements (as status() and
    yearly_value() compute them one by one)."""
    st = status(
        baseline=baseline,
        baseline_date=baseline_date,
        direction=direction,
        months=months,
        plan=plan,
        measurements=measurements,
        threshold=0.0,
        target_date=target_date,
        rows=False,
    )
    planned: dict[int, float] = {}
    realised: dict[int, float] = {}
    if baseline is not None and likely is not None and annual_value:
        kwargs = {
            "baseline": baseline,
            "likely": likely,
            "direction": direction,
            "annual_value": annual_value,
            "months": months,
        }
        planned = yearly_value(plan, **kwargs)
        actual = actuals_by_period(measurements, months)
        realised = yearly_value(sorted(actual.items()), **kwargs)
    return Figures(st.shortfall, st.last_period, st.next_due, st.last_ratio, planned, realised)
