"""Workflows that touch several models: scores, scenario parts, solves and the commit."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from core.models import Change, record_change
from governance.models import DecisionKind
from governance.services import record_approval

from . import formulation
from .models import (
    Budget,
    Criterion,
    EntryDecision,
    Judgement,
    RunKind,
    RunStatus,
    Scenario,
    ScenarioEntry,
    ScenarioLimit,
    ScenarioStatus,
    Score,
    SolveRun,
)
from .worker import solve_run


def _bump(scenario: Scenario, expected_version: int) -> None:
    """Claim the scenario's version: a part saved from an old page is refused."""
    scenario.claim(expected_version)


def save_scores(*, initiative, user, values: dict[int, int | None]) -> None:
    """Replace one person's scores of one initiative (None removes a score)."""
    with transaction.atomic():
        for criterion_id, value in values.items():
            if value is None:
                Score.objects.filter(
                    initiative=initiative, criterion_id=criterion_id, scorer=user
                ).delete()
            else:
                Score.objects.update_or_create(
                    initiative=initiative,
                    criterion_id=criterion_id,
                    scorer=user,
                    defaults={"value": value, "organisation_id": initiative.organisation_id},
                )


def save_weights(*, organisation, weights: dict[int, object], judgements=None) -> None:
    """Set every criterion's weight; with AHP also keep the judgements behind them."""
    with transaction.atomic():
        for criterion in Criterion.objects.for_org(organisation).select_for_update():
            if criterion.pk in weights:
                criterion.weight = weights[criterion.pk]
                criterion.save(update_fields=["weight"])
        if judgements is not None:
            Judgement.objects.for_org(organisation).delete()
            Judgement.objects.bulk_create(
                Judgement(organisation=organisation, first_id=a, second_id=b, value=v)
                for (a, b), v in judgements.items()
            )


def _limit_label(budget: str, pool) -> str:
    return pool.name if pool else str(Budget(budget).label)


def save_limits(*, scenario: Scenario, user, expected_version: int, limits) -> None:
    with transaction.atomic():
        _bump(scenario, expected_version)
        scenario.limits.all().delete()
        ScenarioLimit.objects.bulk_create(
            ScenarioLimit(
                organisation_id=scenario.organisation_id,
                scenario=scenario,
                kind=kind,
                budget=budget,
                pool=pool,
                amounts=amounts,
            )
            for kind, budget, pool, amounts in limits
        )
        record_change(
            obj=scenario,
            user=user,
            action=Change.Action.UPDATED,
            before=None,
            # Each limit by its name (in the recorder's language) and its amounts per year.
            after={"limits": [[_limit_label(b, p), a] for _k, b, p, a in limits]},
        )


def save_entries(*, scenario: Scenario, user, expected_version: int, entries) -> None:
    """Set the given initiatives' entries (one page of them); the others' stay."""
    with transaction.atomic():
        _bump(scenario, expected_version)
        scenario.entries.filter(initiative__in=[ini for ini, *_rest in entries]).delete()
        ScenarioEntry.objects.bulk_create(
            ScenarioEntry(
                organisation_id=scenario.organisation_id,
                scenario=scenario,
                initiative=ini,
                decision=decision,
                earliest_year=first,
                latest_year=last,
            )
            for ini, decision, first, last in entries
            if decision != "auto" or first or last
        )
        record_change(
            obj=scenario,
            user=user,
            action=Change.Action.UPDATED,
            before=None,
            after={
                "entries": [
                    [str(ini), str(EntryDecision(d).label), f, la]
                    for ini, d, f, la in entries
                    if d != "auto" or f or la
                ]
            },
        )


def queue_run(
    *, scenario: Scenario, user, kind: str = RunKind.SOLVE, budget: str = "", points: int = 0
) -> SolveRun:
    """Snapshot the scenario's problem and queue it for the worker, in one transaction."""
    data, labels = formulation.build(scenario)
    with transaction.atomic():
        run = SolveRun.objects.create(
            organisation_id=scenario.organisation_id,
            scenario=scenario,
            kind=kind,
            problem=data,
            labels=labels,
            budget=budget,
            points=points,
            time_limit=scenario.time_limit,
            requested_by=user,
        )
        solve_run.enqueue(run.pk)
    return run


def request_stop(run: SolveRun) -> None:
    SolveRun.objects.filter(pk=run.pk).update(stop_requested=True)
    # A run the worker has not picked up yet simply never starts.
    SolveRun.objects.filter(pk=run.pk, status=RunStatus.QUEUED).update(
        status=RunStatus.STOPPED, finished=timezone.now()
    )


def commit_scenario(
    *, scenario: Scenario, run: SolveRun, user, expected_version: int, body=None
) -> None:
    """Make a solved scenario the strategy's action plan; the previous plan is superseded.
    With a body, the commit is logged as its decision (refused outside its mandate)."""
    with transaction.atomic():
        _bump(scenario, expected_version)
        if body is not None:
            record_approval(
                body=body,
                kind=DecisionKind.COMMIT_SCENARIO,
                user=user,
                title=str(scenario),
            )
        Scenario.objects.filter(
            strategy_id=scenario.strategy_id, status=ScenarioStatus.COMMITTED
        ).exclude(pk=scenario.pk).update(status=ScenarioStatus.SUPERSEDED)
        scenario.status = ScenarioStatus.COMMITTED
        scenario.committed_at = timezone.now()
        scenario.committed_by = user
        scenario.committed_run = run
        scenario.save(update_fields=["status", "committed_at", "committed_by", "committed_run"])
        record_change(
            obj=scenario,
            user=user,
            action=Change.Action.UPDATED,
            before={"status": ScenarioStatus.DRAFT.value},
            after={"status": ScenarioStatus.COMMITTED.value, "run": run.pk},
        )
