from __future__ import annotations

import datetime

from django.db.models import Q
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate
from pydantic import BaseModel

from core.api import PagedRows, Pagination, form_data, form_errors
from organisations.api_auth import AUTH, api_membership
from organisations.permissions import Perm

from .forms import InitiativeForm
from .models import Initiative
from .services import save_initiative

router = Router(tags=["initiatives"], auth=AUTH)

FIELDS = list(InitiativeForm._meta.fields)


class InitiativeOut(BaseModel):
    """An initiative as the API answers it. A plain pydantic model fed with plain rows
    (initiative_rows): Ninja's Schema reads every field of every row through a Django
    attribute getter, which was most of a 200-row page's time."""

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


# (link table, the initiative's column, what the answer lists, its name, the order shown)
LINKS = (
    (
        Initiative.focus_areas.through,
        "initiative_id",
        "focusarea_id",
        "focus_areas",
        ("focusarea__order", "focusarea_id"),
    ),
    (
        Initiative.business_goals.through,
        "initiative_id",
        "businessgoal_id",
        "business_goals",
        ("businessgoal__order", "businessgoal_id"),
    ),
    (
        Initiative.depends_on.through,
        "from_initiative_id",
        "to_initiative__number",
        "depends_on",
        ("to_initiative__number",),
    ),
    (Initiative.tags.through, "initiative_id", "tag__name", "tags", ("tag__name",)),
)
# The answer's fields read as they are; the others are worked out in initiative_rows.
COMPUTED = {"id", "reference", "owner_body", "initiative_lead", "benefit_owner"}
PLAIN = tuple(
    name
    for name in InitiativeOut.model_fields
    if name not in COMPUTED and name not in {link[3] for link in LINKS}
)


def initiative_rows(initiatives) -> list[dict]:
    """The answer's rows for these initiatives (loaded with owner_body): the relations
    read from the link tables in four flat queries for all, not a model instance and a
    related manager per link (a page of 200 made ~1,000 and 800 through prefetch)."""
    initiatives = list(initiatives)
    rows = {
        i.pk: {
            "id": i.pk,
            "reference": i.reference,
            "owner_body": i.owner_body.name if i.owner_body_id else "",
            "initiative_lead": i.initiative_lead_id,
            "benefit_owner": i.benefit_owner_id,
            **{name: getattr(i, name) for name in PLAIN},
            **{name: [] for *_rest, name, _order in LINKS},
        }
        for i in initiatives
    }
    for through, owner, value, name, order in LINKS:
        links = through.objects.filter(**{f"{owner}__in": list(rows)}).order_by(*order)
        for pk, item in links.values_list(owner, value):
            rows[pk][name].append(item)
    return [rows[i.pk] for i in initiatives]


def _qs(org):
    return Initiative.objects.for_org(org).select_related("owner_body")


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
    return PagedRows(qs, initiative_rows)


@router.get("/organisations/{org_slug}/initiatives/{number}", response=InitiativeOut)
def get_initiative(request, org_slug: str, number: int):
    membership = api_membership(request, org_slug, Perm.VIEW)
    return initiative_rows([get_object_or_404(_qs(membership.organisation), number=number)])[0]


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
    return 201, initiative_rows([get_object_or_404(_qs(org), pk=initiative.pk)])[0]


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
    return 200, initiative_rows([get_object_or_404(_qs(org), pk=initiative.pk)])[0]
