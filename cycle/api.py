"""The yearly cycle over the API (read only)."""

from __future__ import annotations

import datetime

from ninja import Router, Schema
from ninja.pagination import paginate

from core.api import Pagination
from organisations.api_auth import AUTH, api_membership
from organisations.permissions import Perm

from .models import CycleEvent

router = Router(tags=["cycle"], auth=AUTH)


class CycleEventOut(Schema):
    id: int
    title: str
    kind: str
    body: str | None
    month: int
    day: int
    repeat: int
    description: str
    next: list[datetime.date]

    @staticmethod
    def resolve_body(obj) -> str | None:
        return obj.body.name if obj.body_id else None

    @staticmethod
    def resolve_next(obj) -> list[datetime.date]:
        today = datetime.date.today()
        return obj.occurrences(today, today + datetime.timedelta(days=365))


@router.get("/organisations/{org_slug}/cycle", response=list[CycleEventOut])
@paginate(Pagination)
def list_events(request, org_slug: str):
    """The events of the yearly cycle, each with its dates in the coming year."""
    membership = api_membership(request, org_slug, Perm.VIEW)
    return CycleEvent.objects.for_org(membership.organisation).select_related("body")
