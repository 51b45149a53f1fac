"""Meetings in the API: read, with their agenda items."""

from __future__ import annotations

import datetime

from ninja import Router, Schema
from ninja.pagination import paginate

from core.api import Pagination
from organisations.api_auth import AUTH, api_membership
from organisations.permissions import Perm

from .models import Meeting

router = Router(tags=["governance"], auth=AUTH)


class AgendaItemOut(Schema):
    id: int
    kind: str
    title: str
    notes: str
    initiative: int | None
    to_stage: str
    decision: int | None

    @staticmethod
    def resolve_initiative(obj) -> int | None:
        return obj.initiative.number if obj.initiative_id else None

    @staticmethod
    def resolve_decision(obj) -> int | None:
        return obj.decision_id


class MeetingOut(Schema):
    id: int
    body: str
    date: datetime.date
    location: str
    status: str
    minutes: str
    items: list[AgendaItemOut]

    @staticmethod
    def resolve_body(obj) -> str:
        return obj.body.name

    @staticmethod
    def resolve_items(obj) -> list:
        return list(obj.items.all())


@router.get("/organisations/{org_slug}/meetings", response=list[MeetingOut])
@paginate(Pagination)
def list_meetings(request, org_slug: str):
    membership = api_membership(request, org_slug, Perm.VIEW)
    return (
        Meeting.objects.for_org(membership.organisation)
        .select_related("body")
        .prefetch_related("items__initiative")
    )
