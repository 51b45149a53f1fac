from __future__ import annotations

import datetime

from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from core.api import Pagination, form_data, form_errors
from organisations.api_auth import AUTH, api_membership
from organisations.permissions import Perm
from strategy.models import BusinessGoal, FocusArea

from .forms import InitiativeForm
from .models import Initiative, Tag
from .services import save_initiative

router = Router(tags=["initiatives"], auth=AUTH)

FIELDS = list(InitiativeForm._meta.fields)


class InitiativeOut(Schema):
    id: int
    number: int
    reference: str
    title: str
    description: str
    track: str
    source: str
    owner_body: str  # the body's name; "" when none
    owner_body_id: int | None
    initiative_lead: int | None
    benefit_owner: int | None
    result_goals: str
    ambition: str
    engagement_clarify: str
    engagement_pilot: str
    engagement_implement: str
    stage: str
    focus_areas: list[int]
    business_goals: list[int]
    depends_on: list[int]
    planned_start: datetime.date | None
    planned_end: datetime.date | None
    deadline: datetime.date | None
    tags: list[str]
    version: int
    created: datetime.datetime
    updated: datetime.datetime

    @staticmethod
    def resolve_owner_body(obj) -> str:
        return obj.owner_body.name if obj.owner_body_id else ""

    @staticmethod
    def resolve_initiative_lead(obj):
        return obj.initiative_lead_id

    @staticmethod
    def resolve_benefit_owner(obj):
        return obj.benefit_owner_id

    @staticmethod
    def resolve_focus_areas(obj):
        return [fa.pk for fa in obj.focus_areas.all()]

    @staticmethod
    def resolve_business_goals(obj):
        return [g.pk for g in obj.business_goals.all()]

    @staticmethod
    def resolve_depends_on(obj):
        return [d.number for d in obj.depends_on.all()]

    @staticmethod
    def resolve_tags(obj):
        return [t.name for t in obj.tags.all()]


class InitiativeIn(Schema):
    title: str
    track: str
    description: str = ""
    source: str = "own"
    owner_body: int | None = None  # a body's id (see the organisation's bodies)
    initiative_lead: int | None = None
    benefit_owner: int | None = None
    result_goals: str = ""
    ambition: str = ""
    engagement_clarify: str = ""
    engagement_pilot: str = ""
    engagement_implement: str = ""
    stage: str = "idea"
    focus_areas: list[int] = []
    business_goals: list[int] = []
    depends_on: list[int] = []
    planned_start: datetime.date | None = None
    planned_end: datetime.date | None = None
    deadline: datetime.date | None = None
    tags: list[str] = []


class InitiativePatch(Schema):
    title: str | None = None
    track: str | None = None
    description: str | None = None
    source: str | None = None
    owner_body: int | None = None
    initiative_lead: int | None = None
    benefit_owner: int | None = None
    result_goals: str | None = None
    ambition: str | None = None
    engagement_clarify: str | None = None
    engagement_pilot: str | None = None
    engagement_implement: str | None = None
    stage: str | None = None
    focus_areas: list[int] | None = None
    business_goals: list[int] | None = None
    depends_on: list[int] | None = None
    planned_start: datetime.date | None = None
    planned_end: datetime.date | None = None
    deadline: datetime.date | None = None
    tags: list[str] | None = None
    version: int


def _qs(org):
    # The related rows load only what the answer names: a page of 200 initiatives made
    # ~1,000 full model instances otherwise.
    return (
        Initiative.objects.for_org(org)
        .select_related("owner_body")
        .prefetch_related(
            Prefetch("focus_areas", queryset=FocusArea.objects.only("id")),
            Prefetch("business_goals", queryset=BusinessGoal.objects.only("id")),
            Prefetch("depends_on", queryset=Initiative.objects.only("id", "number")),
            Prefetch("tags", queryset=Tag.objects.only("id", "name")),
        )
    )


def _payload_to_data(org, data: dict) -> dict:
    """The API names dependencies by initiative number (as users do); the form wants ids."""
    if "depends_on" in data and data["depends_on"] is not None:
        numbers = data["depends_on"]
        found = dict(
            Initiative.objects.for_org(org).filter(number__in=numbers).values_list("number", "pk")
        )
        data["depends_on"] = [found.get(n, 0) for n in numbers]
    if "tags" in data:
        data["tags_text"] = ", ".join(data.pop("tags") or [])
    for key in ("planned_start", "planned_end", "deadline"):
        if isinstance(data.get(key), datetime.date):
            data[key] = data[key].isoformat()
    return data


@router.get("/organisations/{org_slug}/initiatives", response=list[InitiativeOut])
@paginate(Pagination)
def list_initiatives(
    request,
    org_slug: str,
    track: str | None = None,
    stage: str | None = None,
    source: str | None = None,
    focus_area: int | None = None,
    q: str | None = None,
):
    membership = api_membership(request, org_slug, Perm.VIEW)
    qs = _qs(membership.organisation).order_by("number")
    if track:
        qs = qs.filter(track=track)
    if stage:
        qs = qs.filter(stage=stage)
    if source:
        qs = qs.filter(source=source)
    if focus_area:
        qs = qs.filter(focus_areas=focus_area)
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(description__icontains=q))
    return qs


@router.get("/organisations/{org_slug}/initiatives/{number}", response=InitiativeOut)
def get_initiative(request, org_slug: str, number: int):
    membership = api_membership(request, org_slug, Perm.VIEW)
    return get_object_or_404(_qs(membership.organisation), number=number)


@router.post("/organisations/{org_slug}/initiatives", response={201: InitiativeOut, 422: dict})
def create_initiative(request, org_slug: str, payload: InitiativeIn):
    membership = api_membership(request, org_slug, Perm.PROPOSE_INITIATIVE, write=True)
    org = membership.organisation
    data = _payload_to_data(org, payload.dict())
    form = InitiativeForm(
        data=form_data(None, data, FIELDS), organisation=org, membership=membership
    )
    if not form.is_valid():
        return 422, form_errors(form)
    initiative = save_initiative(form=form, user=request.user, expected_version=None, via_api=True)
    return 201, get_object_or_404(_qs(org), pk=initiative.pk)


@router.patch(
    "/organisations/{org_slug}/initiatives/{number}",
    response={200: InitiativeOut, 409: dict, 422: dict},
)
def update_initiative(request, org_slug: str, number: int, payload: InitiativePatch):
    membership = api_membership(request, org_slug, Perm.VIEW, write=True)
    org = membership.organisation
    initiative = get_object_or_404(_qs(org), number=number)
    if not initiative.editable_by(membership):
        raise HttpError(403, "Your role may not change this initiative.")
    data = payload.dict(exclude_unset=True)
    version = data["version"]
    if "tags" not in data:
        data["tags"] = [t.name for t in initiative.tags.all()]
    data = _payload_to_data(org, data)
    form = InitiativeForm(
        data=form_data(initiative, data, FIELDS),
        instance=initiative,
        organisation=org,
        membership=membership,
    )
    if not form.is_valid():
        return 422, form_errors(form)
    save_initiative(form=form, user=request.user, expected_version=version, via_api=True)
    return 200, get_object_or_404(_qs(org), pk=initiative.pk)
