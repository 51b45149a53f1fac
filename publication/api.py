"""Frozen strategy versions over the API: list a strategy's versions and read one with its
snapshot (the whole strategy, goals and committed action plan as approved)."""

from __future__ import annotations

import datetime

from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import paginate

from core.api import Pagination
from organisations.api_auth import AUTH, api_membership
from organisations.permissions import Perm

from .models import StrategyVersion

router = Router(tags=["strategy versions"], auth=AUTH)


class VersionOut(Schema):
    number: int
    strategy: int
    status: str
    intranet: bool
    public: bool
    recommended_on: datetime.date | None
    approved_on: datetime.date | None

    @staticmethod
    def resolve_strategy(obj) -> int:
        return obj.strategy_id

    @staticmethod
    def resolve_recommended_on(obj):
        return obj.recommendation.decided_on if obj.recommendation_id else None

    @staticmethod
    def resolve_approved_on(obj):
        return obj.approval.decided_on if obj.approval_id else None


class VersionDetailOut(VersionOut):
    snapshot: dict


def _versions(membership, strategy_id: int):
    return (
        StrategyVersion.objects.for_org(membership.organisation)
        .filter(strategy_id=strategy_id)
        .select_related("recommendation", "approval")
    )


@router.get(
    "/organisations/{org_slug}/strategies/{strategy_id}/versions", response=list[VersionOut]
)
@paginate(Pagination)
def list_versions(request, org_slug: str, strategy_id: int):
    membership = api_membership(request, org_slug, Perm.VIEW)
    return _versions(membership, strategy_id).defer("snapshot")


@router.get(
    "/organisations/{org_slug}/strategies/{strategy_id}/versions/{number}",
    response=VersionDetailOut,
)
def get_version(request, org_slug: str, strategy_id: int, number: int):
    membership = api_membership(request, org_slug, Perm.VIEW)
    return get_object_or_404(_versions(membership, strategy_id), number=number)
