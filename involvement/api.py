"""Ideas and hassles over the API at /organisations/{org}/ideas (`kind` is `idea` or
`hassle`; `{number}` is the item's number in its organisation): list, read, create
(anonymity respected), vote and unvote, comment, and answer with a resolution."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import paginate

from core.api import PagedRows, Pagination, form_errors
from governance.models import Body
from organisations.api_auth import AUTH, api_membership
from organisations.permissions import Perm

from . import services
from .forms import AnswerForm, CommentForm, ItemForm
from .models import ChangeAgent, Item, Kind, Status

router = Router(tags=["ideas and hassles"], auth=AUTH)


class IdeaOut(Schema):
    number: int
    kind: str
    title: str
    description: str
    benefits_whom: str
    system: str
    minutes: int
    times: int
    per: str
    people: int
    hours_per_year: float
    department: str | None
    campaign: int | None
    anonymous: bool
    submitted_by: str | None  # None for an anonymous item, except to its submitter
    votes: int
    status: str
    resolution: str
    answer: str
    due_on: datetime.date
    initiative: int | None
    version: int


class IdeaIn(Schema):
    kind: str
    title: str
    description: str
    benefits_whom: str = ""
    system: str = ""
    minutes: int = 0
    times: int = 0
    per: str = "week"
    people: int = 1
    department: int | None = None
    campaign: int | None = None
    anonymous: bool = False


class CommentIn(Schema):
    text: str


class CommentOut(Schema):
    author: str | None
    text: str
    created: datetime.datetime


class AnswerIn(Schema):
    status: str = "answered"  # or "review"
    resolution: str = ""
    answer: str = ""
    into: int | None = None  # the number of the item merged into
    body: int | None = None
    track: str = ""
    version: int


def _row(item: Item, viewer) -> dict:
    return {
        "number": item.number,
        "kind": item.kind,
        "title": item.title,
        "description": item.description,
        "benefits_whom": item.benefits_whom,
        "system": item.system,
        "minutes": item.minutes,
        "times": item.times,
        "per": item.per,
        "people": item.people,
        "hours_per_year": round(item.hours, 1),
        "department": item.department.name if item.department_id else None,
        "campaign": item.campaign_id,
        "anonymous": item.anonymous,
        "submitted_by": item.shown_submitter(viewer),
        "votes": item.votes,
        "status": item.status,
        "resolution": item.resolution,
        "answer": item.answer,
        "due_on": item.due_on,
        "initiative": item.initiative.number if item.initiative_id else None,
        "version": item.version,
    }


def _items(membership):
    return Item.objects.for_org(membership.organisation).select_related(
        "department", "submitter", "initiative"
    )


def _item(membership, number: int) -> Item:
    return get_object_or_404(_items(membership), number=number)


@router.get("/organisations/{org_slug}/ideas", response=list[IdeaOut])
@paginate(Pagination)
def list_ideas(request, org_slug: str, kind: str = "", status: str = "", sort: str = "votes"):
    """Sorted by `votes` (default), `hours` or `newest`; filtered by `kind` and `status`."""
    membership = api_membership(request, org_slug, Perm.VIEW)
    items = _items(membership)
    if kind in Kind.values:
        items = items.filter(kind=kind)
    if status in Status.values:
        items = items.filter(status=status)
    order = {"hours": ("-hours", "-pk"), "newest": ("-created", "-pk")}.get(sort, ("-votes", "-pk"))
    return PagedRows(items.order_by(*order), lambda page: [_row(i, request.user) for i in page])


@router.get("/organisations/{org_slug}/ideas/{number}", response=IdeaOut)
def get_idea(request, org_slug: str, number: int):
    membership = api_membership(request, org_slug, Perm.VIEW)
    return _row(_item(membership, number), request.user)


@router.post("/organisations/{org_slug}/ideas", response={201: IdeaOut, 422: dict})
def create_idea(request, org_slug: str, payload: IdeaIn):
    membership = api_membership(request, org_slug, Perm.VIEW, write=True)
    org = membership.organisation
    data = {k: ("" if v is None else v) for k, v in payload.dict().items()}
    data["anonymous"] = "on" if payload.anonymous else ""
    form = ItemForm(data, instance=Item(organisation=org), organisation=org)
    if not form.is_valid():
        return 422, form_errors(form)
    item = services.submit(item=form.save(commit=False), user=request.user)
    return 201, _row(_item(membership, item.number), request.user)


@router.post("/organisations/{org_slug}/ideas/{number}/vote", response={201: IdeaOut, 409: dict})
def vote(request, org_slug: str, number: int):
    membership = api_membership(request, org_slug, Perm.VIEW, write=True)
    item = _item(membership, number)
    try:
        services.vote(item=item, user=request.user)
    except services.AlreadyVoted:
        return 409, {"detail": [{"field": None, "message": "You have voted for this already."}]}
    return 201, _row(_item(membership, number), request.user)


@router.delete("/organisations/{org_slug}/ideas/{number}/vote", response={204: None, 404: dict})
def unvote(request, org_slug: str, number: int):
    membership = api_membership(request, org_slug, Perm.VIEW, write=True)
    if not services.unvote(item=_item(membership, number), user=request.user):
        return 404, {"detail": [{"field": None, "message": "You have not voted for this."}]}
    return 204, None


@router.post(
    "/organisations/{org_slug}/ideas/{number}/comments", response={201: CommentOut, 422: dict}
)
def comment(request, org_slug: str, number: int, payload: CommentIn):
    membership = api_membership(request, org_slug, Perm.VIEW, write=True)
    item = _item(membership, number)
    form = CommentForm(payload.dict())
    if not form.is_valid():
        return 422, form_errors(form)
    c = services.add_comment(item=item, user=request.user, text=form.cleaned_data["text"])
    return 201, {"author": str(request.user), "text": c.text, "created": c.created}


@router.post("/organisations/{org_slug}/ideas/{number}/answer", response={200: IdeaOut, 422: dict})
def answer(request, org_slug: str, number: int, payload: AnswerIn):
    """Mark as under review (`status: review`) or answer with a resolution; needs the
    office's right to triage, or to be the change agent of the item's department."""
    membership = api_membership(request, org_slug, Perm.VIEW, write=True)
    item = _item(membership, number)
    agent = ChangeAgent.objects.filter(user=request.user, department_id=item.department_id).exists()
    if not (membership.can(Perm.TRIAGE_IDEAS) or (item.department_id and agent)):
        raise PermissionDenied
    if payload.status == Status.REVIEW:
        services.review(item=item, expected_version=payload.version)
        return 200, _row(_item(membership, number), request.user)
    data = {k: ("" if v is None else v) for k, v in payload.dict().items()}
    if (
        payload.body is not None
        and not Body.objects.for_org(item.organisation).filter(pk=payload.body).exists()
    ):
        data["body"] = -1  # another organisation's body is not a choice
    form = AnswerForm(data, item=item)
    if not form.is_valid():
        return 422, form_errors(form)
    try:
        services.answer(
            item=item,
            expected_version=form.cleaned_data["version"],
            resolution=form.cleaned_data["resolution"],
            text=form.cleaned_data["answer"],
            user=request.user,
            membership=membership,
            into=form.cleaned_data.get("into_item"),
            body=form.cleaned_data.get("body"),
            track=form.cleaned_data.get("track") or "",
        )
    except services.NotAllowed as refused:
        return 422, {"detail": [{"field": None, "message": str(refused)}]}
    return 200, _row(_item(membership, number), request.user)
