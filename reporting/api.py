"""Status reports, the risk register and the portfolio status over the API."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import paginate

from core.api import PagedRows, Pagination, form_errors
from initiatives.models import Initiative
from organisations.api_auth import AUTH, api_membership
from organisations.permissions import Perm

from .forms import StatusReportForm
from .models import Risk, StatusReport
from .services import submit_report
from .status import portfolio_status

router = Router(tags=["status"], auth=AUTH)


class StatusReportOut(Schema):
    id: int
    initiative: int
    reported_on: datetime.date
    time: str
    cost: str
    scope: str
    benefits: str
    summary: str
    next_steps: str
    author: str | None

    @staticmethod
    def resolve_initiative(obj) -> int:
        return obj.initiative.number

    @staticmethod
    def resolve_author(obj) -> str | None:
        return obj.author.email if obj.author_id else None


class StatusReportIn(Schema):
    reported_on: datetime.date
    time: str
    cost: str
    scope: str
    benefits: str
    summary: str
    next_steps: str = ""
    next_due: datetime.date | None = None


class RiskOut(Schema):
    id: int
    kind: str
    title: str
    description: str
    probability: int
    consequence: int
    score: int
    owner: str | None
    response: str
    status: str
    version: int

    @staticmethod
    def resolve_owner(obj) -> str | None:
        return obj.owner.email if obj.owner_id else None


class StatusRowOut(Schema):
    initiative: int
    title: str
    track: str
    stage: str
    latest: StatusReportOut | None
    overdue: int
    open_risks: int


def _initiative(membership, number: int) -> Initiative:
    return get_object_or_404(Initiative.objects.for_org(membership.organisation), number=number)


@router.get("/organisations/{org_slug}/status", response=list[StatusRowOut])
@paginate(Pagination)
def portfolio(request, org_slug: str):
    """Every active initiative's latest status report, overdue reports and open risks."""
    membership = api_membership(request, org_slug, Perm.VIEW)
    today = datetime.date.today()

    def rows(initiatives):
        return [
            {
                "initiative": r.initiative.number,
                "title": r.initiative.title,
                "track": r.initiative.track,
                "stage": r.initiative.stage,
                "latest": r.latest,
                "overdue": r.overdue,
                "open_risks": r.open_risks,
            }
            for r in portfolio_status(initiatives, since=None, today=today)
        ]

    return PagedRows(
        Initiative.objects.for_org(membership.organisation).active().order_by("number"), rows
    )


@router.get(
    "/organisations/{org_slug}/initiatives/{number}/status-reports",
    response=list[StatusReportOut],
)
@paginate(Pagination)
def list_reports(request, org_slug: str, number: int):
    membership = api_membership(request, org_slug, Perm.VIEW)
    initiative = _initiative(membership, number)
    return StatusReport.objects.filter(initiative=initiative).select_related("author")


@router.post(
    "/organisations/{org_slug}/initiatives/{number}/status-reports",
    response={201: StatusReportOut, 422: dict},
)
def create_report(request, org_slug: str, number: int, payload: StatusReportIn):
    membership = api_membership(request, org_slug, Perm.VIEW, write=True)
    initiative = _initiative(membership, number)
    if not initiative.editable_by(membership):
        raise PermissionDenied
    report = StatusReport(organisation=membership.organisation, initiative=initiative)
    data = payload.dict()
    form = StatusReportForm(
        {k: v if v is not None else "" for k, v in data.items()}, instance=report
    )
    if not form.is_valid():
        return 422, form_errors(form)
    submit_report(report=form.save(commit=False), user=request.user, next_due=data["next_due"])
    return 201, report


@router.get("/organisations/{org_slug}/initiatives/{number}/risks", response=list[RiskOut])
@paginate(Pagination)
def list_risks(request, org_slug: str, number: int):
    membership = api_membership(request, org_slug, Perm.VIEW)
    initiative = _initiative(membership, number)
    return Risk.objects.filter(initiative=initiative).select_related("owner")
