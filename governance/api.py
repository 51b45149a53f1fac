"""The decision log over the API (read only; decisions are recorded on the web)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from ninja import Router, Schema
from ninja.pagination import paginate

from core.api import Pagination
from organisations.api_auth import AUTH, api_membership
from organisations.permissions import Perm

from .models import Decision

router = Router(tags=["governance"], auth=AUTH)


class DecisionOut(Schema):
    id: int
    body: str
    kind: str
    outcome: str
    initiative: int | None
    title: str
    amount: Decimal | None
    rationale: str
    conditions: str
    decided_on: datetime.date
    recorded_by: str | None
    recorded_at: datetime.datetime

    @staticmethod
    def resolve_body(obj) -> str:
        return obj.body.name

    @staticmethod
    def resolve_initiative(obj) -> int | None:
        return obj.initiative.number if obj.initiative_id else None

    @staticmethod
    def resolve_recorded_by(obj) -> str | None:
        return obj.recorded_by.email if obj.recorded_by_id else None


@router.get("/organisations/{org_slug}/decisions", response=list[DecisionOut])
@paginate(Pagination)
def list_decisions(request, org_slug: str):
    membership = api_membership(request, org_slug, Perm.VIEW)
    return (
        Decision.objects.for_org(membership.organisation)
        .select_related("body", "initiative", "recorded_by")
        .order_by("-decided_on", "-recorded_at", "-id")
    )
