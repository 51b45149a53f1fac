"""Business cases over the API: read with key figures, create, change, replace the lines
and approve — with the web's forms, permissions and version checks."""

from __future__ import annotations

from dataclasses import asdict
from decimal import Decimal

from django.db import transaction
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from core.api import PagedRows, Pagination, form_data, form_errors
from governance.models import DecisionKind
from initiatives.models import Initiative
from organisations.api_auth import AUTH, api_membership
from organisations.permissions import Perm

from .forms import ApproveForm, BusinessCaseForm, CaseLineForm
from .models import BusinessCase, with_figures_at_hand
from .services import approve_case, case_amount, replace_lines, save_case

router = Router(tags=["business cases"], auth=AUTH)

CASE_FIELDS = [f for f in BusinessCaseForm._meta.fields]


class CaseScenarioOut(Schema):
    costs: list[float]
    benefits: list[float]
    net: list[float]
    cumulative: list[float]
    npv: float
    total_cost: float
    total_benefit: float
    payback_year: int | None


class FiguresOut(Schema):
    expected: CaseScenarioOut
    most_likely: CaseScenarioOut
    low_npv: float
    high_npv: float
    risk_pool: float
    budget_npv: float
    benefits_by_category: dict[str, float]
    sensitivity: dict[str, CaseScenarioOut]
    years: list[int]


class CaseIdentity(Schema):
    """What names a case, in the list and in the whole case."""

    id: int
    initiative: int
    variant: str
    status: str
    version: int

    @staticmethod
    def resolve_initiative(obj) -> int:
        return obj.initiative.number


class CaseOut(CaseIdentity):
    data: dict
    figures: FiguresOut

    @staticmethod
    def resolve_data(obj) -> dict:
        return obj.to_data()

    @staticmethod
    def resolve_figures(obj):
        # The figures as stored with the case's version (plain JSON, read as it is), else
        # computed; the expected payback as a calendar year, as users read it.
        out = dict(obj.stored_figures if obj.has_stored_figures else asdict(obj.figures()))
        payback = out["expected"]["payback_year"]
        out["expected"] = {
            **out["expected"],
            "payback_year": None if payback is None else out["years"][payback],
        }
        return out


class KeyFiguresOut(Schema):
    total_cost: float
    total_benefit: float
    npv: float
    payback_year: int | None  # a calendar year


class CaseSummaryOut(CaseIdentity):
    """A case in the list: what it is and its key figures. The whole case (data, figures
    per year, sensitivity) is at /business-cases/{id}."""

    first_year: int
    horizon_years: int
    key_figures: KeyFiguresOut

    @staticmethod
    def resolve_key_figures(obj):
        return obj.key_figures()


class CaseIn(Schema):
    variant: str = ""
    first_year: int
    horizon_years: int | None = None
    discount_rate: Decimal | None = None
    hourly_rate: Decimal = Decimal("450")
    scenario_0: str = ""
    scenario_1: str = ""
    assumptions: str = ""


class CasePatch(Schema):
    variant: str | None = None
    first_year: int | None = None
    horizon_years: int | None = None
    discount_rate: Decimal | None = None
    hourly_rate: Decimal | None = None
    scenario_0: str | None = None
    scenario_1: str | None = None
    assumptions: str | None = None
    version: int


class LineIn(Schema):
    side: str
    description: str
    cost_kind: str = ""
    cost_source: str = ""
    category: str = ""
    unit: str = "amount"
    minimum_pct: Decimal = Decimal(100)
    maximum_pct: Decimal = Decimal(100)
    amounts: list[Decimal] = []


class LinesIn(Schema):
    version: int
    lines: list[LineIn]


class ApproveIn(Schema):
    version: int
    note: str = ""
    body: int | None = None  # the deciding body's id; required once bodies are set up


def _qs(org):
    return (
        BusinessCase.objects.for_org(org)
        .select_related("initiative")
        .prefetch_related("lines", "risks")
    )


def _editable(request, org_slug: str, case_id: int):
    membership = api_membership(request, org_slug, Perm.VIEW, write=True)
    case = get_object_or_404(_qs(membership.organisation), pk=case_id)
    if not case.initiative.editable_by(membership):
        raise HttpError(403, "Your role may not change this business case.")
    return membership, case


@router.get("/organisations/{org_slug}/business-cases", response=list[CaseSummaryOut])
@paginate(Pagination)
def list_cases(request, org_slug: str, initiative: int | None = None):
    """Every case with its key figures, as the list page shows them."""
    membership = api_membership(request, org_slug, Perm.VIEW)
    org = membership.organisation
    qs = BusinessCase.objects.for_org(org).select_related("initiative").with_key_figures()
    if initiative:
        qs = qs.filter(initiative__number=initiative)

    return PagedRows(qs.order_by("pk"), lambda page: with_figures_at_hand(list(page)))


@router.get("/organisations/{org_slug}/business-cases/{case_id}", response=CaseOut)
def get_case(request, org_slug: str, case_id: int):
    membership = api_membership(request, org_slug, Perm.VIEW)
    return get_object_or_404(_qs(membership.organisation), pk=case_id)


@router.post(
    "/organisations/{org_slug}/initiatives/{number}/business-cases",
    response={201: CaseOut, 422: dict},
)
def create_case(request, org_slug: str, number: int, payload: CaseIn):
    membership = api_membership(request, org_slug, Perm.VIEW, write=True)
    org = membership.organisation
    initiative = get_object_or_404(Initiative.objects.for_org(org), number=number)
    if not initiative.editable_by(membership):
        raise HttpError(403, "Your role may not change this initiative.")
    data = payload.dict()
    data["horizon_years"] = data["horizon_years"] or org.horizon_years
    if data["discount_rate"] is None:
        data["discount_rate"] = org.discount_rate
    form = BusinessCaseForm(data=form_data(None, data, CASE_FIELDS), initiative=initiative)
    if not form.is_valid():
        return 422, form_errors(form)
    case = save_case(form=form, user=request.user, expected_version=None, via_api=True)
    return 201, get_object_or_404(_qs(org), pk=case.pk)


@router.patch(
    "/organisations/{org_slug}/business-cases/{case_id}",
    response={200: CaseOut, 409: dict, 422: dict},
)
def update_case(request, org_slug: str, case_id: int, payload: CasePatch):
    membership, case = _editable(request, org_slug, case_id)
    data = payload.dict(exclude_unset=True)
    version = data["version"]
    form = BusinessCaseForm(
        data=form_data(case, data, CASE_FIELDS), instance=case, initiative=case.initiative
    )
    if not form.is_valid():
        return 422, form_errors(form)
    save_case(form=form, user=request.user, expected_version=version, via_api=True)
    return 200, get_object_or_404(_qs(membership.organisation), pk=case.pk)


@router.put(
    "/organisations/{org_slug}/business-cases/{case_id}/lines",
    response={200: CaseOut, 409: dict, 422: dict},
)
def put_lines(request, org_slug: str, case_id: int, payload: LinesIn):
    """Replace every line of the case. All lines are validated first; nothing is saved
    unless all are valid."""
    membership, case = _editable(request, org_slug, case_id)
    lines, errors = [], []
    for index, line in enumerate(payload.lines):
        data = line.dict()
        amounts = data.pop("amounts")
        if len(amounts) > case.horizon_years:
            errors.append(
                {"line": index, "field": "amounts", "message": "More years than the horizon."}
            )
            continue
        data.update({f"year_{t}": a for t, a in enumerate(amounts)})
        data["case_version"] = payload.version
        form = CaseLineForm(data=data, business_case=case)
        if not form.is_valid():
            errors.extend({"line": index, **e} for e in form_errors(form)["detail"])
            continue
        lines.append(form.save(commit=False))
    if errors:
        return 422, {"detail": errors}
    with transaction.atomic():
        replace_lines(
            case=case,
            lines=lines,
            user=request.user,
            expected_version=payload.version,
            via_api=True,
        )
    return 200, get_object_or_404(_qs(membership.organisation), pk=case.pk)


@router.post(
    "/organisations/{org_slug}/business-cases/{case_id}/approve",
    response={200: CaseOut, 409: dict, 422: dict},
)
def approve(request, org_slug: str, case_id: int, payload: ApproveIn):
    membership = api_membership(request, org_slug, Perm.APPROVE_BUSINESS_CASE, write=True)
    org = membership.organisation
    case = get_object_or_404(_qs(org), pk=case_id)
    form = ApproveForm(
        {"version": payload.version, "note": payload.note, "body": payload.body or ""}
    )
    form.add_decided_by(
        org, DecisionKind.APPROVE_BUSINESS_CASE, case.initiative.track, case_amount(case)
    )
    if not form.is_valid():
        return 422, form_errors(form)
    approve_case(
        case=case,
        user=request.user,
        expected_version=payload.version,
        note=payload.note,
        via_api=True,
        body=form.cleaned_data.get("body"),
    )
    return 200, get_object_or_404(_qs(membership.organisation), pk=case.pk)
