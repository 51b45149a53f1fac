"""Benefits and measurements over the API, with the web's forms and permissions."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate
from pydantic import BaseModel, ConfigDict

from core.api import PagedRows, Pagination, form_data, form_errors
from core.versioning import save_versioned
from initiatives.models import Initiative
from organisations.api_auth import AUTH, api_membership
from organisations.permissions import Perm

from .forms import BenefitForm, MeasurementForm
from .models import Benefit, MeasurementSource
from .portfolio import figures_of_loaded, with_series
from .services import record_measurement, save_plan

router = Router(tags=["benefits"], auth=AUTH)

FIELDS = list(BenefitForm._meta.fields)


class PeriodOut(BaseModel):
    """One period's plan against realisation. A plain pydantic model, read straight from
    realisation.PeriodRow: a list page has thousands of them, and Ninja's Schema wraps
    every object it reads in a Django attribute getter."""

    model_config = ConfigDict(from_attributes=True)

    period: datetime.date
    planned: float | None
    actual: float | None
    ratio: float | None


class MeasurementOut(Schema):
    id: int
    benefit: int
    measured_on: datetime.date
    value: Decimal
    note: str
    source: str

    @staticmethod
    def resolve_benefit(obj) -> int:
        return obj.benefit_id


class BenefitRowOut(BaseModel):
    """A benefit in the list: its fields and whether it lags; the plan against realisation
    per period is in the benefit itself (/benefits/{id}). A plain pydantic model fed with
    plain rows (benefit_rows): Ninja's Schema reads every field of every row through a
    Django attribute getter."""

    id: int
    reference: str
    initiative: int
    title: str
    description: str
    category: str
    owner: int | None
    department: int | None
    indicator: str
    unit: str
    direction: str
    may_be_negative: bool
    baseline_value: Decimal | None
    baseline_date: datetime.date | None
    target_pessimistic: Decimal | None
    target_likely: Decimal | None
    target_optimistic: Decimal | None
    target_date: datetime.date | None
    frequency: int
    data_source: str
    annual_value: Decimal | None
    version: int
    lagging: bool
    next_due: datetime.date | None


class BenefitOut(BenefitRowOut):
    """A benefit with its plan against realisation per period."""

    periods: list[PeriodOut]


# The row's fields read as they are; the others are worked out in benefit_rows.
COMPUTED = {"id", "reference", "initiative", "owner", "department", "lagging", "next_due"}
PLAIN = tuple(name for name in BenefitRowOut.model_fields if name not in COMPUTED)


def benefit_rows(org, benefits, *, periods: bool = False) -> list[dict]:
    """The answer's rows for these benefits (loaded with their initiative): the status
    from their stored figures (portfolio.figures_of_loaded); with `periods` (a benefit on
    its own), from its plan and measurements with the per-period table."""
    rows = []
    benefits = list(benefits)
    if periods:
        statuses = {b.pk: b.status(org.lag_threshold) for b in with_series(org, benefits)}
    else:
        threshold = org.lag_threshold / 100.0
        figures = figures_of_loaded(org, benefits)
        statuses = {pk: f.status(threshold) for pk, f in figures.items()}
    for b in benefits:
        status = statuses[b.pk]
        row = {
            "id": b.pk,
            "reference": b.reference,
            "initiative": b.initiative.number,
            "owner": b.owner_id,
            "department": b.department_id,
            **{name: getattr(b, name) for name in PLAIN},
            "lagging": status.lagging,
            "next_due": status.next_due,
        }
        if periods:
            row["periods"] = status.rows
        rows.append(row)
    return rows


class BenefitIn(Schema):
    title: str
    category: str
    indicator: str
    unit: str
    description: str = ""
    owner: int | None = None
    department: int | None = None
    direction: str = "increase"
    may_be_negative: bool = False
    baseline_value: Decimal | None = None
    baseline_date: datetime.date | None = None
    target_pessimistic: Decimal | None = None
    target_likely: Decimal | None = None
    target_optimistic: Decimal | None = None
    target_date: datetime.date | None = None
    frequency: int = 3
    data_source: str = ""
    annual_value: Decimal | None = None
    focus_areas: list[int] = []
    business_goals: list[int] = []


class BenefitPatch(Schema):
    title: str | None = None
    category: str | None = None
    indicator: str | None = None
    unit: str | None = None
    description: str | None = None
    owner: int | None = None
    department: int | None = None
    direction: str | None = None
    may_be_negative: bool | None = None
    baseline_value: Decimal | None = None
    baseline_date: datetime.date | None = None
    target_pessimistic: Decimal | None = None
    target_likely: Decimal | None = None
    target_optimistic: Decimal | None = None
    target_date: datetime.date | None = None
    frequency: int | None = None
    data_source: str | None = None
    annual_value: Decimal | None = None
    version: int


class MeasurementIn(Schema):
    measured_on: datetime.date
    value: Decimal
    note: str = ""


def _qs(org):
    return Benefit.objects.for_org(org).select_related("initiative")


def _membership(request, org_slug: str, perm=Perm.VIEW, write: bool = False):
    return api_membership(request, org_slug, perm, write=write)


def _as_form_data(data: dict) -> dict:
    for key, value in data.items():
        if isinstance(value, datetime.date):
            data[key] = value.isoformat()
    return data


@router.get("/organisations/{org_slug}/benefits", response=list[BenefitRowOut])
@paginate(Pagination)
def list_benefits(
    request, org_slug: str, initiative: int | None = None, lagging: bool | None = None
):
    membership = _membership(request, org_slug)
    org = membership.organisation
    qs = Benefit.objects.for_org(org).select_related("initiative")
    if initiative:
        qs = qs.filter(initiative__number=initiative)
    if lagging is not None:
        return [row for row in benefit_rows(org, qs) if row["lagging"] == lagging]
    return PagedRows(qs, lambda page: benefit_rows(org, page))


@router.get("/organisations/{org_slug}/benefits/{benefit_id}", response=BenefitOut)
def get_benefit(request, org_slug: str, benefit_id: int):
    membership = _membership(request, org_slug)
    org = membership.organisation
    return benefit_rows(org, [get_object_or_404(_qs(org), pk=benefit_id)], periods=True)[0]


@router.post(
    "/organisations/{org_slug}/initiatives/{number}/benefits",
    response={201: BenefitOut, 422: dict},
)
def create_benefit(request, org_slug: str, number: int, payload: BenefitIn):
    membership = _membership(request, org_slug, write=True)
    org = membership.organisation
    initiative = get_object_or_404(Initiative.objects.for_org(org), number=number)
    if not initiative.editable_by(membership):
        raise HttpError(403, "Your role may not change this initiative.")
    form = BenefitForm(
        data=form_data(None, _as_form_data(payload.dict()), FIELDS), initiative=initiative
    )
    if not form.is_valid():
        return 422, form_errors(form)

    def prepare(benefit: Benefit) -> None:
        benefit.organisation_id = org.pk
        benefit.initiative = initiative

    with transaction.atomic():
        benefit = save_versioned(
            form,
            user=request.user,
            expected_version=None,
            parent=initiative,
            via_api=True,
            prepare=prepare,
        )
        save_plan(benefit=benefit, plan=benefit.linear_plan())
    return 201, benefit_rows(org, [get_object_or_404(_qs(org), pk=benefit.pk)], periods=True)[0]


@router.patch(
    "/organisations/{org_slug}/benefits/{benefit_id}",
    response={200: BenefitOut, 409: dict, 422: dict},
)
def update_benefit(request, org_slug: str, benefit_id: int, payload: BenefitPatch):
    membership = _membership(request, org_slug, write=True)
    org = membership.organisation
    benefit = get_object_or_404(_qs(org), pk=benefit_id)
    if not benefit.initiative.editable_by(membership):
        raise HttpError(403, "Your role may not change this benefit.")
    data = payload.dict(exclude_unset=True)
    version = data["version"]
    form = BenefitForm(
        data=form_data(benefit, _as_form_data(data), FIELDS),
        instance=benefit,
        initiative=benefit.initiative,
    )
    if not form.is_valid():
        return 422, form_errors(form)
    save_versioned(
        form,
        user=request.user,
        expected_version=version,
        parent=benefit.initiative,
        via_api=True,
    )
    return 200, benefit_rows(org, [get_object_or_404(_qs(org), pk=benefit.pk)], periods=True)[0]


@router.get(
    "/organisations/{org_slug}/benefits/{benefit_id}/measurements",
    response=list[MeasurementOut],
)
@paginate(Pagination)
def list_measurements(request, org_slug: str, benefit_id: int):
    membership = _membership(request, org_slug)
    benefit = get_object_or_404(Benefit.objects.for_org(membership.organisation), pk=benefit_id)
    return benefit.measurements.all()


@router.post(
    "/organisations/{org_slug}/benefits/{benefit_id}/measurements",
    response={201: MeasurementOut, 422: dict},
)
def create_measurement(request, org_slug: str, benefit_id: int, payload: MeasurementIn):
    membership = _membership(request, org_slug, write=True)
    benefit = get_object_or_404(
        Benefit.objects.for_org(membership.organisation).select_related("initiative"),
        pk=benefit_id,
    )
    if not benefit.measurable_by(membership):
        raise HttpError(403, "Your role may not measure this benefit.")
    form = MeasurementForm(data=_as_form_data(payload.dict()), benefit=benefit)
    if not form.is_valid():
        return 422, form_errors(form)
    measurement = record_measurement(
        form=form, benefit=benefit, user=request.user, source=MeasurementSource.API
    )
    return 201, measurement
