from __future__ import annotations

import datetime

from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from core.api import Pagination, form_data, form_errors
from core.versioning import save_versioned
from organisations.api_auth import AUTH, api_membership
from organisations.permissions import Perm

from .forms import FocusAreaForm, GoalMeasurementForm, StrategyAllForm
from .models import FocusArea, FocusAreaGoal, GoalMeasurement, MeasurementOrigin, Strategy
from .services import record_goal_measurements

router = Router(tags=["strategy"], auth=AUTH)


class StrategyOut(Schema):
    id: int
    title: str
    period_start: int
    period_end: int
    status: str
    vision: str
    governance: str
    it_architecture: str
    for_employees: str
    for_leaders: str
    for_citizens: str
    version: int
    updated: datetime.datetime


class StrategyIn(Schema):
    title: str
    period_start: int
    period_end: int
    vision: str = ""
    governance: str = ""
    it_architecture: str = ""
    for_employees: str = ""
    for_leaders: str = ""
    for_citizens: str = ""


class StrategyPatch(Schema):
    title: str | None = None
    period_start: int | None = None
    period_end: int | None = None
    vision: str | None = None
    governance: str | None = None
    it_architecture: str | None = None
    for_employees: str | None = None
    for_leaders: str | None = None
    for_citizens: str | None = None
    version: int


class GoalOut(Schema):
    id: int
    indicator: str
    unit: str
    baseline: float | None
    target: float
    target_date: datetime.date


class FocusAreaOut(Schema):
    id: int
    strategy: int
    theme: int
    title: str
    description: str
    order: int
    version: int
    goals: list[GoalOut]

    @staticmethod
    def resolve_strategy(obj) -> int:
        return obj.strategy_id

    @staticmethod
    def resolve_theme(obj) -> int:
        return obj.theme_id

    @staticmethod
    def resolve_goals(obj) -> list:
        return list(obj.goals.all())


class FocusAreaIn(Schema):
    strategy: int
    theme: int
    title: str
    description: str = ""
    order: int = 0


class FocusAreaPatch(Schema):
    theme: int | None = None
    title: str | None = None
    description: str | None = None
    order: int | None = None
    version: int


STRATEGY_FIELDS = [
    "title",
    "period_start",
    "period_end",
    "vision",
    "governance",
    "it_architecture",
    "for_employees",
    "for_leaders",
    "for_citizens",
]
FOCUS_FIELDS = ["theme", "title", "description", "order"]


@router.get("/organisations/{org_slug}/strategies", response=list[StrategyOut])
@paginate(Pagination)
def list_strategies(request, org_slug: str, status: str | None = None):
    membership = api_membership(request, org_slug, Perm.VIEW)
    qs = Strategy.objects.for_org(membership.organisation)
    if status:
        qs = qs.filter(status=status)
    return qs


@router.get("/organisations/{org_slug}/strategies/{pk}", response=StrategyOut)
def get_strategy(request, org_slug: str, pk: int):
    membership = api_membership(request, org_slug, Perm.VIEW)
    return get_object_or_404(Strategy.objects.for_org(membership.organisation), pk=pk)


@router.post("/organisations/{org_slug}/strategies", response={201: StrategyOut, 422: dict})
def create_strategy(request, org_slug: str, payload: StrategyIn):
    membership = api_membership(request, org_slug, Perm.EDIT_STRATEGY, write=True)
    form = StrategyAllForm(data=payload.dict())
    if not form.is_valid():
        return 422, form_errors(form)
    strategy = save_versioned(
        form,
        user=request.user,
        expected_version=None,
        via_api=True,
        prepare=lambda s: setattr(s, "organisation", membership.organisation),
    )
    return 201, strategy


@router.patch(
    "/organisations/{org_slug}/strategies/{pk}", response={200: StrategyOut, 409: dict, 422: dict}
)
def update_strategy(request, org_slug: str, pk: int, payload: StrategyPatch):
    membership = api_membership(request, org_slug, Perm.EDIT_STRATEGY, write=True)
    strategy = get_object_or_404(Strategy.objects.for_org(membership.organisation), pk=pk)
    if strategy.is_read_only:
        raise HttpError(403, "An archived strategy is read-only.")
    data = payload.dict(exclude_unset=True)
    version = data["version"]
    form = StrategyAllForm(data=form_data(strategy, data, STRATEGY_FIELDS), instance=strategy)
    if not form.is_valid():
        return 422, form_errors(form)
    strategy = save_versioned(form, user=request.user, expected_version=version, via_api=True)
    return 200, strategy


def _focus_qs(org):
    return FocusArea.objects.for_org(org).prefetch_related("goals")


@router.get("/organisations/{org_slug}/focus-areas", response=list[FocusAreaOut])
@paginate(Pagination)
def list_focus_areas(request, org_slug: str, strategy: int | None = None, theme: int | None = None):
    membership = api_membership(request, org_slug, Perm.VIEW)
    qs = _focus_qs(membership.organisation).order_by("strategy_id", "order", "id")
    if strategy:
        qs = qs.filter(strategy_id=strategy)
    if theme:
        qs = qs.filter(theme_id=theme)
    return qs


@router.get("/organisations/{org_slug}/focus-areas/{pk}", response=FocusAreaOut)
def get_focus_area(request, org_slug: str, pk: int):
    membership = api_membership(request, org_slug, Perm.VIEW)
    return get_object_or_404(_focus_qs(membership.organisation), pk=pk)


@router.post("/organisations/{org_slug}/focus-areas", response={201: FocusAreaOut, 422: dict})
def create_focus_area(request, org_slug: str, payload: FocusAreaIn):
    membership = api_membership(request, org_slug, Perm.EDIT_STRATEGY, write=True)
    org = membership.organisation
    data = payload.dict()
    strategy = get_object_or_404(Strategy.objects.for_org(org), pk=data.pop("strategy"))
    if strategy.is_read_only:
        raise HttpError(403, "An archived strategy is read-only.")
    form = FocusAreaForm(data=data, strategy=strategy)
    if not form.is_valid():
        return 422, form_errors(form)

    def prepare(obj):
        obj.organisation = org
        obj.strategy = strategy

    focus_area = save_versioned(
        form,
        user=request.user,
        expected_version=None,
        parent=strategy,
        via_api=True,
        prepare=prepare,
    )
    return 201, focus_area


@router.patch(
    "/organisations/{org_slug}/focus-areas/{pk}",
    response={200: FocusAreaOut, 409: dict, 422: dict},
)
def update_focus_area(request, org_slug: str, pk: int, payload: FocusAreaPatch):
    membership = api_membership(request, org_slug, Perm.EDIT_STRATEGY, write=True)
    focus_area = get_object_or_404(_focus_qs(membership.organisation), pk=pk)
    strategy = focus_area.strategy
    if strategy.is_read_only:
        raise HttpError(403, "An archived strategy is read-only.")
    data = payload.dict(exclude_unset=True)
    version = data["version"]
    form = FocusAreaForm(
        data=form_data(focus_area, data, FOCUS_FIELDS), instance=focus_area, strategy=strategy
    )
    if not form.is_valid():
        return 422, form_errors(form)
    focus_area = save_versioned(
        form, user=request.user, expected_version=version, parent=strategy, via_api=True
    )
    return 200, focus_area


class GoalMeasurementOut(Schema):
    id: int
    goal: int
    measured_on: datetime.date
    value: float
    note: str
    origin: str

    @staticmethod
    def resolve_goal(obj) -> int:
        return obj.goal_id


class GoalMeasurementIn(Schema):
    measured_on: datetime.date
    value: float
    note: str = ""


def _goal(membership, goal_id: int) -> FocusAreaGoal:
    return get_object_or_404(
        FocusAreaGoal.objects.for_org(membership.organisation).select_related(
            "focus_area__strategy"
        ),
        pk=goal_id,
    )


@router.get(
    "/organisations/{org_slug}/goals/{goal_id}/measurements", response=list[GoalMeasurementOut]
)
@paginate(Pagination)
def list_measurements(request, org_slug: str, goal_id: int):
    membership = api_membership(request, org_slug, Perm.VIEW)
    return GoalMeasurement.objects.filter(goal=_goal(membership, goal_id)).order_by("measured_on")


@router.post(
    "/organisations/{org_slug}/goals/{goal_id}/measurements",
    response={201: GoalMeasurementOut, 422: dict},
)
def create_measurement(request, org_slug: str, goal_id: int, payload: GoalMeasurementIn):
    """Record a measurement; one on a day the goal already has replaces it."""
    membership = api_membership(request, org_slug, Perm.EDIT_STRATEGY, write=True)
    goal = _goal(membership, goal_id)
    if goal.focus_area.strategy.is_read_only:
        raise HttpError(403, "An archived strategy is read-only.")
    form = GoalMeasurementForm(data=payload.dict(), goal=goal)
    if not form.is_valid():
        return 422, form_errors(form)
    m = form.save(commit=False)
    m.goal = goal
    (saved,) = record_goal_measurements([m], user=request.user, origin=MeasurementOrigin.API)
    return 201, saved
