"""From the database to the optimiser's JSON: weighted scores and a scenario's problem.

The rules that come from the domain (seed 002) are applied here, so the optimiser stays a
plain 0-1 programme:

* a mandatory solution is forced in unless the scenario forces it out; its business cases'
  ambition variants (low / medium / high) are the optimiser's variants, so it chooses the
  ambition the budget affords;
* an initiative's prerequisites (`depends_on`) become `requires`; one already in operation
  or closed is done and needs no place in the plan;
* mutually exclusive initiatives (`alternatives`) become `excludes`;
* an initiative already in implementation or operation has started: its start is fixed at
  its business case's first year (or the first period), and only the rest of its profile
  counts;
* budgets are the business cases' expected (PERT) costs per year, investment and running
  separately; capacities are the hours of internal cost lines that name a resource pool.

Values: the weighted score is put on 0–100 points (score 1 = 0 points, 5 = 100); under
the score objective an ambition variant gets the initiative's points scaled by its benefits
against the initiative's richest variant. NPV values are in millions. A blend weighs both,
each normalised to 100 for the best initiative.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Avg, Count

from finance import calc
from finance.models import BusinessCase, CostKind, Side, Unit
from initiatives.models import Initiative, reference
from initiatives.tracks import Stage, Track

from .models import Criterion, EntryDecision, LimitKind, Objective, Scenario, Score

UNDERWAY = (Stage.IMPLEMENTATION, Stage.OPERATION)
OUT_OF_SCOPE = (Stage.CLOSED, Stage.STOPPED)


@dataclass
class Weighted:
    """An initiative's weighted score (1–5) and the averages per criterion behind it."""

    score: float | None
    by_criterion: dict[int, float]
    scorers: int

    @property
    def points(self) -> float:
        return 0.0 if self.score is None else (self.score - 1.0) * 25.0


def weighted_scores(organisation, initiative_ids=None) -> dict[int, Weighted]:
    """Every scored initiative's weighted score, in two queries.

    Each criterion's score is the average over the people who scored it; the weighted score
    is the weight-weighted mean over the criteria that have a score.
    """
    criteria = {c.pk: float(c.weight) for c in Criterion.objects.for_org(organisation)}
    rows = Score.objects.for_org(organisation)
    if initiative_ids is not None:
        rows = rows.filter(initiative_id__in=initiative_ids)
    rows = rows.values("initiative_id", "criterion_id").annotate(
        avg=Avg("value"), n=Count("scorer_id")
    )
    by: dict[int, dict[int, float]] = defaultdict(dict)
    scorers: dict[int, int] = defaultdict(int)
    for row in rows:
        by[row["initiative_id"]][row["criterion_id"]] = float(row["avg"])
        scorers[row["initiative_id"]] = max(scorers[row["initiative_id"]], row["n"])
    out = {}
    for initiative_id, averages in by.items():
        total = sum(criteria.get(c, 0.0) for c in averages)
        score = (
            sum(criteria.get(c, 0.0) * v for c, v in averages.items()) / total if total else None
        )
        out[initiative_id] = Weighted(score, averages, scorers[initiative_id])
    return out


def _profiles(
    case: BusinessCase,
) -> tuple[dict[str, list[float]], dict[str, list[float]], float, float]:
    """Expected costs per budget line, hours per pool, NPV and total benefits of a case."""
    figures = case.figures(lines=case.lines.all())
    budgets: dict[str, list[float]] = {}
    capacities: dict[str, list[float]] = {}
    benefits = 0.0
    for line in case.lines.all():
        factor = calc.pert_factor(line.minimum_pct, line.maximum_pct)
        if line.side == Side.BENEFIT:
            benefits += sum(float(a) for a in line.amounts) * factor
            continue
        money = [float(m) * factor for m in line.money(case.hourly_rate)]
        kind = line.cost_kind or CostKind.RUNNING
        _add(budgets, kind, money)
        if line.unit == Unit.HOURS and line.pool_id:
            _add(capacities, line.pool.name, [float(a) * factor for a in line.amounts])
    return budgets, capacities, figures.expected.npv, benefits


def _add(target: dict[str, list[float]], key: str, values: list[float]) -> None:
    have = target.setdefault(key, [])
    for k, v in enumerate(values):
        if k < len(have):
            have[k] += v
        else:
            have.append(v)


def _trimmed(profile: dict[str, list[float]]) -> dict[str, list[float]]:
    """Rounded profiles without trailing zero years (they change nothing)."""
    out = {}
    for key, values in profile.items():
        rounded = [round(x, 2) for x in values]
        while rounded and not rounded[-1]:
            rounded.pop()
        if rounded:
            out[key] = rounded
    return out


def _cut(profile: dict[str, list[float]], skip: int) -> dict[str, list[float]]:
    return {k: [round(x, 2) for x in v[skip:]] for k, v in profile.items() if any(v[skip:])}


def build(scenario: Scenario) -> tuple[dict, dict]:
    """The optimiser's problem for a scenario, and labels for its ids (reference, title)."""
    org = scenario.organisation
    years = scenario.years
    n = len(years)
    initiatives = list(
        Initiative.objects.for_org(org)
        .exclude(stage__in=OUT_OF_SCOPE)
        .prefetch_related("depends_on", "alternatives")
        .order_by("number")
    )
    in_scope = {i.pk: i for i in initiatives}
    cases: dict[int, list[BusinessCase]] = defaultdict(list)
    for case in (
        BusinessCase.objects.for_org(org)
        .filter(initiative_id__in=in_scope)
        .prefetch_related("lines__pool", "risks")
        .order_by("variant")
    ):
        cases[case.initiative_id].append(case)
    entries = {e.initiative_id: e for e in scenario.entries.all()}
    scores = weighted_scores(org, list(in_scope))

    raw = []  # (initiative, [(variant id, budgets, capacities, npv, benefits)], first index)
    for ini in initiatives:
        variants = []
        first_index = None
        for case in cases.get(ini.pk, []):
            budgets, capacities, npv, benefits = _profiles(case)
            offset = case.first_year - scenario.first_year
            if ini.stage in UNDERWAY:
                skip = max(0, -offset)
                first_index = max(0, offset)
                budgets, capacities = _cut(budgets, skip), _cut(capacities, skip)
            variants.append((case.variant or "base", budgets, capacities, npv, benefits))
        if not variants:
            variants.append(("base", {}, {}, 0.0, 0.0))
        raw.append((ini, variants, first_index))

    best_points = max([scores[i.pk].points for i, _v, _f in raw if i.pk in scores] or [0.0])
    best_npv = max([abs(v[3]) for _i, vs, _f in raw for v in vs] or [0.0])
    share = scenario.score_share / 100.0
    items, labels = [], {}
    for ini, variants, first_index in raw:
        points = scores[ini.pk].points if ini.pk in scores else 0.0
        richest = max(v[4] for v in variants)
        entry = entries.get(ini.pk)
        decision = entry.decision if entry else EntryDecision.AUTO
        out_variants = []
        for vid, budgets, capacities, npv, benefits in variants:
            ambition = benefits / richest if richest > 0 else 1.0
            if scenario.objective == Objective.SCORE:
                value = points * ambition
            elif scenario.objective == Objective.NPV:
                value = npv / 1_000_000
            else:
                s = points / best_points * 100 if best_points else 0.0
                m = npv / best_npv * 100 if best_npv else 0.0
                value = share * s * ambition + (1 - share) * m
            out_variants.append(
                {
                    "id": vid,
                    "value": round(value, 4),
                    "budgets": _trimmed(budgets),
                    "capacities": _trimmed(capacities),
                }
            )
        earliest, latest = 0, n - 1
        if first_index is not None:
            earliest = latest = min(first_index, n - 1)
        if entry is not None:
            if entry.earliest_year:
                earliest = min(max(0, entry.earliest_year - scenario.first_year), n - 1)
            if entry.latest_year:
                latest = min(max(0, entry.latest_year - scenario.first_year), n - 1)
            latest = max(latest, earliest)
        requires = [
            reference(d.number)
            for d in ini.depends_on.all()
            if d.pk in in_scope and d.stage not in UNDERWAY
        ]
        excludes = [reference(a.number) for a in ini.alternatives.all() if a.pk in in_scope]
        items.append(
            {
                "id": ini.reference,
                "name": ini.title,
                "mandatory": decision == EntryDecision.IN
                or (decision == EntryDecision.AUTO and ini.track == Track.MANDATORY),
                "excluded": decision == EntryDecision.OUT,
                "earliest_start": earliest,
                "latest_start": latest,
                "requires": requires,
                "excludes": excludes,
                "variants": out_variants,
            }
        )
        labels[ini.reference] = {"number": ini.number, "title": ini.title, "track": ini.track}
    budgets, capacities = {}, {}
    for limit in scenario.limits.select_related("pool"):
        amounts = [None if a in (None, "") else float(a) for a in limit.amounts][:n]
        amounts += [None] * (n - len(amounts))
        if all(a is None for a in amounts):
            continue
        if limit.kind == LimitKind.BUDGET:
            budgets[limit.budget] = amounts
        else:
            capacities[limit.pool.name] = amounts
    problem = {
        "periods": [str(y) for y in years],
        "budgets": budgets,
        "capacities": capacities,
        "initiatives": items,
    }
    return problem, labels
