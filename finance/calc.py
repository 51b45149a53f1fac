"""Business-case arithmetic: the key figures of a case, with no Django import.

The conventions follow the Danish state business case model (Digitaliseringsstyrelsen,
version 4) and the Norwegian Prosjektveiviseren:

* The case compares doing nothing (scenario 0) with doing the initiative (scenario 1); every
  line is the *difference* between the two, per year. Year 0 is the first year of the case
  and is not discounted.
* Amounts are positive; a cost line reduces the net, a benefit line adds to it.
* An uncertain line is a three-point estimate: its yearly amounts are the most likely ones
  and `minimum_pct` / `maximum_pct` scale them to the minimum and maximum (100 % means no
  uncertainty). The expected value is the PERT mean (min + 4 × most likely + max) / 6, the
  weighting the state model's guide uses; the interval runs from the worst combination
  (maximum costs, minimum benefits) to the best (minimum costs, maximum benefits).
* A risk (an event that may or may not happen) adds probability × consequence to the costs
  of its year: the risk pool.
* Net present value: NPV = Σ_t net_t / (1 + r)^t, with the organisation's discount rate r
  (3.5 % for Danish municipalities, the Ministry of Finance's rate since 2021; 4 % in Norway,
  circular R-109).
* Payback year: the first year in which the accumulated (undiscounted) net benefit is zero
  or more and stays so to the end of the horizon; None when it never pays back.
* Sensitivity: benefits −20 %, costs +20 %, and one year of delay (the benefits arrive one
  year later while the costs stay where they are; what is pushed past the horizon is lost).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field

# Benefit categories (Danish state model / Prosjektveiviseren).
BUDGET = "budget"  # economic, budget-releasing in the municipality itself
ECONOMIC = "economic"  # economic, not budget-releasing (time freed for other use)
SOCIETAL = "societal"  # the rest of the public sector or society
NON_PRICED = "non_priced"  # quality for citizens, employee wellbeing, satisfaction
CATEGORIES = (BUDGET, ECONOMIC, SOCIETAL, NON_PRICED)

COST = "cost"
BENEFIT = "benefit"


def pert_factor(minimum_pct: float, maximum_pct: float) -> float:
    """The PERT mean as a share of the most likely amount, from the minimum and maximum
    given in per cent of it: (min + 4 × 100 + max) / 600."""
    return (float(minimum_pct) + 400.0 + float(maximum_pct)) / 600.0


@dataclass(frozen=True)
class Line:
    """One cost or benefit line: the most likely amount per year, from year 0."""

    side: str  # COST or BENEFIT
    amounts: tuple[float, ...]
    minimum_pct: float = 100.0
    maximum_pct: float = 100.0
    category: str = ""  # for benefits: one of CATEGORIES
    kind: str = ""  # for costs: "investment" or "running"
    label: str = ""

    def scaled(self, pct: float) -> tuple[float, ...]:
        return tuple(a * pct / 100.0 for a in self.amounts)

    def expected(self) -> tuple[float, ...]:
        """PERT mean per year: (min + 4 × most likely + max) / 6."""
        factor = pert_factor(self.minimum_pct, self.maximum_pct)
        return tuple(a * factor for a in self.amounts)


@dataclass(frozen=True)
class Risk:
    probability: float  # 0..1
    consequence: float  # amount if it happens
    year: int = 0
    label: str = ""

    @property
    def pooled(self) -> float:
        return self.probability * self.consequence


@dataclass(frozen=True)
class Case:
    """The input of the computation: a horizon, a discount rate, lines and risks."""

    horizon: int
    rate: float  # e.g. 0.035
    lines: tuple[Line, ...] = ()
    risks: tuple[Risk, ...] = ()
    first_year: int = 0  # the calendar year of year 0, for labels only


@dataclass(frozen=True)
class Scenario:
    """The figures of one set of yearly flows."""

    costs: tuple[float, ...]
    benefits: tuple[float, ...]
    net: tuple[float, ...]
    cumulative: tuple[float, ...]
    npv: float
    total_cost: float
    total_benefit: float
    payback_year: int | None  # index into the horizon


@dataclass(frozen=True)
class Figures:
    """The key figures of a case (expected values) and its sensitivity and interval."""

    expected: Scenario
    most_likely: Scenario
    low_npv: float
    high_npv: float
    risk_pool: float
    benefits_by_category: dict[str, float]
    budget_npv: float  # NPV counting only budget-releasing benefits
    sensitivity: dict[str, Scenario] = field(default_factory=dict)
    years: tuple[int, ...] = ()

    def to_json(self) -> dict | None:
        """The figures as JSON data to store with a case's version; None when a figure is
        not a finite number (JSON columns refuse NaN and infinity: compute those live)."""
        data = asdict(self)
        if not all(math.isfinite(v) for v in _numbers(data)):
            return None
        return data

    @classmethod
    def from_json(cls, data: dict) -> Figures:
        """The figures stored by to_json, with their tuples and scenarios back."""

        def scenario(d: dict) -> Scenario:
            return Scenario(
                **{k: tuple(v) if isinstance(v, list) else v for k, v in d.items()},
            )

        return cls(
            expected=scenario(data["expected"]),
            most_likely=scenario(data["most_likely"]),
            low_npv=data["low_npv"],
            high_npv=data["high_npv"],
            risk_pool=data["risk_pool"],
            benefits_by_category=dict(data["benefits_by_category"]),
            budget_npv=data["budget_npv"],
            sensitivity={k: scenario(v) for k, v in data["sensitivity"].items()},
            years=tuple(data["years"]),
        )


def _numbers(value) -> Iterable[float]:
    if isinstance(value, dict):
        for v in value.values():
            yield from _numbers(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _numbers(v)
    elif isinstance(value, float):
        yield value


def _fit(values: Iterable[float], horizon: int) -> list[float]:
    out = list(values)[:horizon]
    return out + [0.0] * (horizon - len(out))


def npv(flows: Sequence[float], rate: float) -> float:
    """Net present value of yearly flows, year 0 undiscounted."""
    if rate <= -1:
        raise ValueError("The discount rate must be above -100 %.")
    return sum(f / (1.0 + rate) ** t for t, f in enumerate(flows))


def cumulative(flows: Sequence[float]) -> tuple[float, ...]:
    total = 0.0
    out = []
    for f in flows:
        total += f
        out.append(total)
    return tuple(out)


def payback_year(flows: Sequence[float]) -> int | None:
    """The first year from which the accumulated net stays at zero or above.

    Returns None when the accumulated net ends below zero. A case with no costs at all pays
    back in year 0. Tiny negative rounding noise (under 1e-9) counts as zero.
    """
    acc = cumulative(flows)
    if not acc or acc[-1] < -1e-9:
        return None
    year = len(acc)
    for t in range(len(acc) - 1, -1, -1):
        if acc[t] < -1e-9:
            break
        year = t
    return year


def scenario(costs: Sequence[float], benefits: Sequence[float], rate: float) -> Scenario:
    net = tuple(b - c for c, b in zip(costs, benefits, strict=True))
    return Scenario(
        costs=tuple(costs),
        benefits=tuple(benefits),
        net=net,
        cumulative=cumulative(net),
        npv=npv(net, rate),
        total_cost=sum(costs),
        total_benefit=sum(benefits),
        payback_year=payback_year(net),
    )


def _sum_lines(lines: Iterable[Line], horizon: int, how) -> list[float]:
    total = [0.0] * horizon
    for line in lines:
        for t, amount in enumerate(_fit(how(line), horizon)):
            total[t] += amount
    return total


def risk_flows(risks: Iterable[Risk], horizon: int) -> list[float]:
    pool = [0.0] * horizon
    for risk in risks:
        if 0 <= risk.year < horizon:
            pool[risk.year] += risk.pooled
    return pool


def compute(case: Case) -> Figures:
    """All key figures of a case. Pure: the same case always gives the same figures."""
    if case.horizon < 1:
        raise ValueError("The horizon must be at least one year.")
    h = case.horizon
    costs = [ln for ln in case.lines if ln.side == COST]
    benefits = [ln for ln in case.lines if ln.side == BENEFIT]
    priced = [ln for ln in benefits if ln.category != NON_PRICED]
    pool = risk_flows(case.risks, h)

    def with_pool(values: list[float]) -> list[float]:
        return [v + p for v, p in zip(values, pool, strict=True)]

    exp_costs = with_pool(_sum_lines(costs, h, Line.expected))
    exp_benefits = _sum_lines(priced, h, Line.expected)
    likely_costs = with_pool(_sum_lines(costs, h, lambda ln: ln.amounts))
    likely_benefits = _sum_lines(priced, h, lambda ln: ln.amounts)

    worst = scenario(
        with_pool(_sum_lines(costs, h, lambda ln: ln.scaled(ln.maximum_pct))),
        _sum_lines(priced, h, lambda ln: ln.scaled(ln.minimum_pct)),
        case.rate,
    )
    best = scenario(
        with_pool(_sum_lines(costs, h, lambda ln: ln.scaled(ln.minimum_pct))),
        _sum_lines(priced, h, lambda ln: ln.scaled(ln.maximum_pct)),
        case.rate,
    )
    by_category = {c: 0.0 for c in CATEGORIES if c != NON_PRICED}
    for line in priced:
        by_category[line.category] = by_category.get(line.category, 0.0) + sum(
            _fit(line.expected(), h)
        )
    budget_benefits = _sum_lines([ln for ln in priced if ln.category == BUDGET], h, Line.expected)
    delayed = [0.0] + exp_benefits[:-1]
    return Figures(
        expected=scenario(exp_costs, exp_benefits, case.rate),
        most_likely=scenario(likely_costs, likely_benefits, case.rate),
        low_npv=worst.npv,
        high_npv=best.npv,
        risk_pool=sum(pool),
        benefits_by_category=by_category,
        budget_npv=npv([b - c for c, b in zip(exp_costs, budget_benefits, strict=True)], case.rate),
        sensitivity={
            "benefits_minus_20": scenario(exp_costs, [b * 0.8 for b in exp_benefits], case.rate),
            "costs_plus_20": scenario([c * 1.2 for c in exp_costs], exp_benefits, case.rate),
            "delay_one_year": scenario(exp_costs, delayed, case.rate),
        },
        years=tuple(case.first_year + t for t in range(h)),
    )
