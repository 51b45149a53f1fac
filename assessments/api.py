"""Assessments over the API: frameworks and rounds (read), results as aggregates only
(with the same anonymity threshold as every other output), create a round, add
respondents."""

from __future__ import annotations

import csv
import datetime
import io

from django.db import transaction
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import paginate

from core.api import Pagination, form_errors
from initiatives.models import Initiative
from organisations.api_auth import AUTH, api_membership
from organisations.models import Department
from organisations.permissions import Perm

from . import services
from .forms import RespondentsForm, RoundForm
from .models import Framework, RespondentGroup, Round
from .results import results

router = Router(tags=["assessments"], auth=AUTH)


class StatementOut(Schema):
    id: int
    text: str


class DimensionOut(Schema):
    key: str
    name: str
    description: str
    statements: list[StatementOut]


class FrameworkOut(Schema):
    id: int
    name: str
    description: str
    language: str
    key: str
    version: int
    per_initiative: bool
    levels: list[str]


class FrameworkDetailOut(FrameworkOut):
    dimensions: list[DimensionOut]
    questions: list[str]


class RoundOut(Schema):
    id: int
    title: str
    framework: int
    scope: str
    departments: list[str]
    initiative: int | None
    groups: list[str]
    opens_on: datetime.date
    closes_on: datetime.date
    threshold: int
    shared: bool
    state: str
    version: int


class RoundIn(Schema):
    title: str
    framework: int
    introduction: str = ""
    scope: str = "organisation"
    departments: list[str] = []
    initiative: int | None = None
    groups: list[str] = []
    opens_on: datetime.date
    closes_on: datetime.date
    threshold: int = 5
    shared: bool = False


class RespondentIn(Schema):
    name: str = ""
    email: str
    department: str
    group: str


class AddedOut(Schema):
    added: int


class SummaryOut(Schema):
    answers: int
    dont_know: int
    mean: float | None
    spread: float | None
    counts: list[int]


class PartOut(Schema):
    name: str
    responses: int | None  # None when below the threshold
    response_rate: float | None
    shown: bool


class NamedSummaryOut(Schema):
    name: str
    summary: SummaryOut


class DimensionResultOut(Schema):
    key: str
    name: str
    overall: SummaryOut
    departments: list[NamedSummaryOut]
    groups: list[NamedSummaryOut]
    leaders_mean: float | None
    employees_mean: float | None
    gap: float | None
    previous_mean: float | None
    change: float | None
    benchmark: list[float] | None  # lower quartile, median, upper quartile


class ResultsOut(Schema):
    round: int
    threshold: int
    responses: int
    response_rate: float | None
    shown: bool
    departments: list[PartOut]
    groups: list[PartOut]
    dimensions: list[DimensionResultOut]
    benchmark_organisations: int


def _round_row(r: Round) -> dict:
    return {
        "id": r.pk,
        "title": r.title,
        "framework": r.framework_id,
        "scope": r.scope,
        "departments": [d.name for d in r.departments.all()],
        "initiative": r.initiative.number if r.initiative_id else None,
        "groups": [g.name for g in r.groups.all()],
        "opens_on": r.opens_on,
        "closes_on": r.closes_on,
        "threshold": r.threshold,
        "shared": r.shared,
        "state": r.state(),
        "version": r.version,
    }


def _summary(s) -> dict:
    return {
        "answers": s.answers,
        "dont_know": s.dont_know,
        "mean": s.mean,
        "spread": s.spread,
        "counts": list(s.counts),
    }


def _rounds(membership):
    return (
        Round.objects.for_org(membership.organisation)
        .select_related("initiative")
        .prefetch_related("departments", "groups")
    )


@router.get("/organisations/{org_slug}/assessment-frameworks", response=list[FrameworkOut])
@paginate(Pagination)
def list_frameworks(request, org_slug: str):
    membership = api_membership(request, org_slug, Perm.VIEW)
    return Framework.objects.for_org(membership.organisation).current().order_by("pk")


@router.get(
    "/organisations/{org_slug}/assessment-frameworks/{framework_id}",
    response=FrameworkDetailOut,
)
def get_framework(request, org_slug: str, framework_id: int):
    membership = api_membership(request, org_slug, Perm.VIEW)
    framework = get_object_or_404(
        Framework.objects.for_org(membership.organisation), pk=framework_id
    )
    dimensions = framework.dimensions.prefetch_related("statements")
    return {
        **{k: getattr(framework, k) for k in FrameworkOut.model_fields},
        "dimensions": [
            {
                "key": d.key,
                "name": d.name,
                "description": d.description,
                "statements": [{"id": s.pk, "text": s.text} for s in d.statements.all()],
            }
            for d in dimensions
        ],
        "questions": [q.text for q in framework.questions.all()],
    }


@router.get("/organisations/{org_slug}/assessment-rounds", response=list[RoundOut])
@paginate(Pagination)
def list_rounds(request, org_slug: str):
    membership = api_membership(request, org_slug, Perm.VIEW)
    return [_round_row(r) for r in _rounds(membership).order_by("-opens_on", "-pk")]


@router.get("/organisations/{org_slug}/assessment-rounds/{round_id}", response=RoundOut)
def get_round(request, org_slug: str, round_id: int):
    membership = api_membership(request, org_slug, Perm.VIEW)
    return _round_row(get_object_or_404(_rounds(membership), pk=round_id))


@router.get("/organisations/{org_slug}/assessment-rounds/{round_id}/results", response=ResultsOut)
def get_results(request, org_slug: str, round_id: int):
    """Aggregates only: no department or group below the round's threshold, no free text."""
    membership = api_membership(request, org_slug, Perm.VIEW)
    round = get_object_or_404(
        Round.objects.for_org(membership.organisation).select_related("framework"), pk=round_id
    )
    out = results(round)

    def part(p) -> dict:
        return {
            "name": str(p.obj),
            "responses": p.responses if p.shown else None,
            "response_rate": p.rate if p.shown else None,
            "shown": p.shown,
        }

    return {
        "round": round.pk,
        "threshold": round.threshold,
        "responses": out.responses,
        "response_rate": out.rate,
        "shown": out.shown,
        "departments": [part(p) for p in out.departments],
        "groups": [part(p) for p in out.groups],
        "benchmark_organisations": out.benchmark_size,
        "dimensions": [
            {
                "key": d.dimension.key,
                "name": d.dimension.name,
                "overall": _summary(d.overall),
                "departments": [
                    {"name": x.name, "summary": _summary(s)} for x, s in d.by_department
                ],
                "groups": [{"name": x.name, "summary": _summary(s)} for x, s in d.by_group],
                "leaders_mean": d.leaders.mean if d.leaders else None,
                "employees_mean": d.employees.mean if d.employees else None,
                "gap": d.gap,
                "previous_mean": d.previous,
                "change": d.change,
                "benchmark": list(d.benchmark) if d.benchmark else None,
            }
            for d in out.dimensions
        ],
    }


def _by_name(model_rows, names: list[str], what: str, errors: dict) -> list[int]:
    known = {x.name.casefold(): x.pk for x in model_rows}
    missing = [n for n in names if n.casefold() not in known]
    if missing:
        errors[what] = [f"Unknown: {', '.join(missing[:10])}"]
    return [known[n.casefold()] for n in names if n.casefold() in known]


@router.post("/organisations/{org_slug}/assessment-rounds", response={201: RoundOut, 422: dict})
def create_round(request, org_slug: str, payload: RoundIn):
    membership = api_membership(request, org_slug, Perm.RUN_ASSESSMENTS, write=True)
    org = membership.organisation
    data = payload.dict()
    errors: dict = {}
    groups = services.default_groups(org) if not data["groups"] else None
    data["groups"] = (
        [g.pk for g in groups]
        if groups is not None
        else _by_name(RespondentGroup.objects.for_org(org), data["groups"], "groups", errors)
    )
    data["departments"] = _by_name(
        Department.objects.for_org(org), data["departments"], "departments", errors
    )
    if data["initiative"] is not None:
        found = Initiative.objects.for_org(org).filter(number=data["initiative"]).first()
        data["initiative"] = found.pk if found else -1
    if errors:
        return 422, {"detail": [{"field": k, "message": " ".join(v)} for k, v in errors.items()]}
    form = RoundForm(
        {k: ("" if v is None else v) for k, v in data.items()},
        instance=Round(organisation=org, created_by=request.user),
        organisation=org,
    )
    if not form.is_valid():
        return 422, form_errors(form)
    with transaction.atomic():
        round = form.save()
    return 201, _round_row(_rounds(membership).get(pk=round.pk))


@router.post(
    "/organisations/{org_slug}/assessment-rounds/{round_id}/respondents",
    response={201: AddedOut, 422: dict},
)
def add_respondents(request, org_slug: str, round_id: int, payload: list[RespondentIn]):
    """Invite people by name, e-mail, department and group; their links are e-mailed.
    All or nothing: one wrong line refuses the list."""
    membership = api_membership(request, org_slug, Perm.RUN_ASSESSMENTS, write=True)
    round = get_object_or_404(Round.objects.for_org(membership.organisation), pk=round_id)
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows(
        (p.name, p.email, p.department, p.group) for p in payload
    )
    text = buffer.getvalue()
    form = RespondentsForm({"pasted": text}, round=round)
    if not form.is_valid():
        return 422, form_errors(form)
    return 201, {
        "added": services.add_respondents(round=round, respondents=form.cleaned_data["people"])
    }
