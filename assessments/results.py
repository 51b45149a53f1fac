"""A round's results, from the tallies the database keeps, with the anonymity threshold
applied once here for every output (page, API, report, benchmark).

The database sums; `scoring` turns the sums into figures. Nothing here reads an answer row,
so the work is flat in the number of answers.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count, Sum

from organisations.models import Department

from . import scoring
from .models import (
    Dimension,
    Invitation,
    RespondentGroup,
    Response,
    Round,
    Statement,
    Tally,
    TextAnswer,
)
from .scoring import Summary

BENCHMARK_SECONDS = 600


@dataclass
class Part:
    """A department or group of the round: how many answered, and whether it is shown."""

    obj: Department | RespondentGroup
    responses: int
    invited: int
    shown: bool

    @property
    def rate(self) -> float | None:
        return scoring.response_rate(self.responses, self.invited)


@dataclass
class DimensionResult:
    dimension: Dimension
    overall: Summary
    statements: list[tuple[Statement, Summary]]
    by_department: list[tuple[Department, Summary]]
    by_group: list[tuple[RespondentGroup, Summary]]
    leaders: Summary | None = None
    employees: Summary | None = None
    previous: float | None = None
    benchmark: tuple[float, float, float] | None = None

    @property
    def gap(self) -> float | None:
        """Leaders' mean minus employees' (seed 004: does ownership reach the staff?)."""
        return scoring.difference(
            self.leaders.mean if self.leaders else None,
            self.employees.mean if self.employees else None,
        )

    @property
    def change(self) -> float | None:
        return scoring.difference(self.overall.mean, self.previous)


@dataclass
class Results:
    round: Round
    responses: int
    invited: int
    shown: bool  # enough responses in all for anything to be shown
    departments: list[Part]
    groups: list[Part]
    dimensions: list[DimensionResult] = field(default_factory=list)
    previous_round: Round | None = None
    benchmark_size: int = 0
    overall: Summary | None = None  # every statement together

    @property
    def rate(self) -> float | None:
        return scoring.response_rate(self.responses, self.invited)

    def weakest_first(self) -> list[DimensionResult]:
        order = scoring.weakest_first({i: d.overall.mean for i, d in enumerate(self.dimensions)})
        return [self.dimensions[i] for i in order]

    @property
    def leader_gap_shown(self) -> bool:
        return any(d.leaders and d.employees for d in self.dimensions)


def _sums(tallies, *keys: str) -> dict:
    """Counts per level under `keys`, summed in the database: {key: {level: n}}."""
    out: dict = defaultdict(dict)
    for *key, level, n in tallies.values_list(*keys, "level").annotate(n=Sum("count")):
        out[key[0] if len(key) == 1 else tuple(key)][level] = n
    return out


def _count(rows, key: str) -> dict[int, int]:
    """How many rows per value of `key`, counted in the database."""
    return dict(rows.values_list(key).annotate(n=Count("pk")).order_by())


def results(round: Round, *, compare: bool = True) -> Results:
    """The round's results as far as the threshold allows."""
    threshold = round.min_answers
    per_department = _count(Response.objects.filter(round=round), "department_id")
    per_group = _count(Response.objects.filter(round=round), "group_id")
    invited_department = _count(Invitation.objects.filter(round=round), "department_id")
    invited_group = _count(Invitation.objects.filter(round=round), "group_id")
    total = sum(per_department.values())
    shown = total >= threshold
    hidden_departments = scoring.hidden(per_department, threshold)
    hidden_groups = scoring.hidden(per_group, threshold)
    department_ids = set(per_department) | set(invited_department)
    departments = [
        Part(
            d,
            per_department.get(d.pk, 0),
            invited_department.get(d.pk, 0),
            shown and d.pk in per_department and d.pk not in hidden_departments,
        )
        for d in Department.objects.filter(pk__in=department_ids).order_by("name")
    ]
    groups = [
        Part(
            g,
            per_group.get(g.pk, 0),
            invited_group.get(g.pk, 0),
            shown and g.pk in per_group and g.pk not in hidden_groups,
        )
        for g in RespondentGroup.objects.filter(pk__in=set(per_group) | set(invited_group))
    ]
    out = Results(
        round=round,
        responses=total,
        invited=sum(invited_department.values()),
        shown=shown,
        departments=departments,
        groups=groups,
    )
    if not shown:
        return out
    # The database sums the tallies three ways; a few hundred rows come back, whatever
    # the number of answers.
    tallies = Tally.objects.filter(round=round).order_by()
    by_statement = _sums(tallies, "statement_id")
    by_department: dict = defaultdict(dict)
    by_group: dict = defaultdict(dict)
    for (dimension_id, department_id, group_id), counts in _sums(
        tallies, "statement__dimension_id", "department_id", "group_id"
    ).items():
        for level, n in counts.items():
            for key, into in (
                ((dimension_id, department_id), by_department),
                ((dimension_id, group_id), by_group),
            ):
                into[key][level] = into[key].get(level, 0) + n
    out.overall = scoring.summarise(scoring.merge(*by_statement.values()))
    shown_departments = [p.obj for p in departments if p.shown]
    shown_groups = [p.obj for p in groups if p.shown]
    leader_ids = {p.obj.pk for p in groups if p.obj.leader}
    leader_total = sum(n for g, n in per_group.items() if g in leader_ids)
    employee_total = total - leader_total
    gap_shown = leader_total >= threshold and employee_total >= threshold
    dimensions = list(
        Dimension.objects.filter(framework_id=round.framework_id).prefetch_related("statements")
    )
    for dimension in dimensions:
        statements = list(dimension.statements.all())
        ids = [s.pk for s in statements]
        result = DimensionResult(
            dimension=dimension,
            overall=scoring.summarise(scoring.merge(*(by_statement.get(i, {}) for i in ids))),
            statements=[(s, scoring.summarise(by_statement.get(s.pk, {}))) for s in statements],
            by_department=[
                (d, scoring.summarise(by_department.get((dimension.pk, d.pk), {})))
                for d in shown_departments
            ],
            by_group=[
                (g, scoring.summarise(by_group.get((dimension.pk, g.pk), {}))) for g in shown_groups
            ],
        )
        if gap_shown:
            per = {g: by_group.get((dimension.pk, g), {}) for g in per_group}
            result.leaders = scoring.summarise(
                scoring.merge(*(c for g, c in per.items() if g in leader_ids))
            )
            result.employees = scoring.summarise(
                scoring.merge(*(c for g, c in per.items() if g not in leader_ids))
            )
        out.dimensions.append(result)
    if compare:
        _compare(out)
    return out


def _dimension_means(rounds: list[Round]) -> dict[int, dict[str, float | None]]:
    """Per round and dimension key, the mean of all its answers, summed in the database."""
    sums: dict[int, dict[str, dict[int, int]]] = defaultdict(lambda: defaultdict(dict))
    for round_id, key, level, n in (
        Tally.objects.filter(round__in=rounds)
        .values_list("round_id", "statement__dimension__key", "level")
        .annotate(n=Sum("count"))
        .order_by()
    ):
        sums[round_id][key][level] = n
    return {
        r: {key: scoring.summarise(counts).mean for key, counts in per_key.items()}
        for r, per_key in sums.items()
    }


def _enough(rounds: list[Round]) -> list[Round]:
    """The rounds with at least their threshold of responses (others show nothing)."""
    totals = dict(
        Response.objects.filter(round__in=rounds)
        .values_list("round_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return [r for r in rounds if totals.get(r.pk, 0) >= r.min_answers]


def previous_round(round: Round) -> Round | None:
    """The organisation's previous round of the same framework (any version of it)."""
    return (
        Round.objects.for_org(round.organisation)
        .filter(framework__lineage=round.framework.lineage, opens_on__lt=round.opens_on)
        .exclude(pk=round.pk)
        .order_by("-opens_on", "-pk")
        .first()
    )


def benchmark_rounds(round: Round) -> list[Round]:
    """Across municipalities, deliberately: each sharing organisation's latest round of
    the same shipped framework and version with enough responses."""
    framework = round.framework
    if not framework.shipped:
        return []
    candidates = _enough(
        list(
            Round.objects.filter(
                shared=True, framework__key=framework.key, framework__version=framework.version
            )
            .only("pk", "organisation_id", "threshold", "opens_on")
            .order_by("organisation_id", "-opens_on", "-pk")
        )
    )
    latest: dict[int, Round] = {}
    for r in candidates:
        latest.setdefault(r.organisation_id, r)
    return list(latest.values())


def benchmark(round: Round) -> tuple[int, dict[str, tuple[float, float, float]]]:
    """(organisations, quartiles per dimension key) — empty below five organisations.
    Computed at most every BENCHMARK_SECONDS per framework version: it moves with every
    answer in every sharing municipality, and no one needs it fresher than that."""
    framework = round.framework
    if not framework.shipped:
        return 0, {}
    key = f"assessments:benchmark:{framework.key}:{framework.version}"
    cached = cache.get(key)
    if cached is None:
        cached = _benchmark(round)
        cache.set(key, cached, BENCHMARK_SECONDS)
    return cached


def _benchmark(round: Round) -> tuple[int, dict[str, tuple[float, float, float]]]:
    rounds = benchmark_rounds(round)
    if len(rounds) < scoring.BENCHMARK_MIN_ORGANISATIONS:
        return len(rounds), {}
    means = _dimension_means(rounds)
    keys = {k for per_key in means.values() for k in per_key}
    out = {}
    for key in keys:
        quartiles = scoring.benchmark({r.pk: means.get(r.pk, {}).get(key) for r in rounds})
        if quartiles is not None:
            out[key] = quartiles
    return len(rounds), out


def _compare(out: Results) -> None:
    previous = previous_round(out.round)
    if previous is not None and _enough([previous]):
        out.previous_round = previous
        means = _dimension_means([previous]).get(previous.pk, {})
        for d in out.dimensions:
            d.previous = means.get(d.dimension.key)
    size, quartiles = benchmark(out.round)
    out.benchmark_size = size if quartiles else 0
    for d in out.dimensions:
        d.benchmark = quartiles.get(d.dimension.key)


def free_texts(out: Results) -> list[tuple[RespondentGroup, list[tuple[str, list[str]]]]]:
    """Free-text answers per group, only for groups shown (above the threshold), in
    alphabetical order (never the order they came in)."""
    shown = [p.obj for p in out.groups if p.shown]
    if not out.shown or not shown:
        return []
    by_group: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for group_id, question, text in (
        TextAnswer.objects.filter(response__round=out.round, response__group__in=shown)
        .values_list("response__group_id", "question__text", "text")
        .order_by("question__position", "text")
    ):
        by_group[group_id][question].append(text)
    return [(g, list(by_group[g.pk].items())) for g in shown if by_group.get(g.pk)]
