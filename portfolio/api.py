"""Scenarios and scores over the API: read scenarios and their latest result, queue a solve."""

from __future__ import annotations

from typing import Any

from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import paginate

from core.api import Pagination
from initiatives.models import Initiative
from organisations.api_auth import AUTH, api_membership
from organisations.permissions import Perm

from .formulation import weighted_scores
from .models import RunKind, Scenario
from .services import queue_run

router = Router(tags=["portfolio"], auth=AUTH)


class RunOut(Schema):
    id: int
    kind: str
    status: str
    progress: dict[str, Any]
    result: dict[str, Any] | None
    problem: dict[str, Any]


class ScenarioOut(Schema):
    id: int
    name: str
    strategy: int
    first_year: int
    periods: int
    objective: str
    score_share: int
    status: str
    version: int
    latest_run: RunOut | None

    @staticmethod
    def resolve_strategy(obj) -> int:
        return obj.strategy_id

    @staticmethod
    def resolve_latest_run(obj):
        return obj.latest_run(RunKind.SOLVE)


class ScoreOut(Schema):
    initiative: int
    weighted_score: float | None
    scorers: int


@router.get("/organisations/{org_slug}/scenarios", response=list[ScenarioOut])
@paginate(Pagination)
def list_scenarios(request, org_slug: str):
    membership = api_membership(request, org_slug, Perm.VIEW)
    return Scenario.objects.for_org(membership.organisation)


@router.get("/organisations/{org_slug}/scenarios/{scenario_id}", response=ScenarioOut)
def get_scenario(request, org_slug: str, scenario_id: int):
    membership = api_membership(request, org_slug, Perm.VIEW)
    return get_object_or_404(Scenario.objects.for_org(membership.organisation), pk=scenario_id)


@router.post("/organisations/{org_slug}/scenarios/{scenario_id}/solve", response={202: RunOut})
def solve_scenario(request, org_slug: str, scenario_id: int):
    """Queue a solve for the worker; poll the scenario for its result."""
    membership = api_membership(request, org_slug, Perm.PLAN_PORTFOLIO, write=True)
    scenario = get_object_or_404(Scenario.objects.for_org(membership.organisation), pk=scenario_id)
    return 202, queue_run(scenario=scenario, user=request.user)


@router.get("/organisations/{org_slug}/scores", response=list[ScoreOut])
@paginate(Pagination)
def list_scores(request, org_slug: str):
    """Every scored initiative's weighted score (1–5), by initiative number."""
    membership = api_membership(request, org_slug, Perm.VIEW)

    numbers = dict(Initiative.objects.for_org(membership.organisation).values_list("pk", "number"))
    return sorted(
        (
            {"initiative": numbers[pk], "weighted_score": w.score, "scorers": w.scorers}
            for pk, w in weighted_scores(membership.organisation).items()
            if pk in numbers
        ),
        key=lambda row: row["initiative"],
    )
