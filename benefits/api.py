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
from .portfolio import with_series
from .services import record_measurement, save_plan

router = Router(tags=["benefits"], auth=AUTH)

FIELDS = list(BenefitForm._meta.fields)


def _status(benefit: Benefit, request, *, rows: bool = False):
    """The benefit's realisation status, computed once per response for all its fields;
    the per-period table only for the fields that show it (not for a list's rows)."""
    if rows and not hasattr(benefit, "_api_status_rows"):
        benefit._api_status_rows = benefit.status(request.organisation_threshold)
    if hasattr(benefit, "_api_status_rows"):
        return benefit._api_status_rows
    if not hasattr(benefit, "_api_status"):
        benefit._api_status = benefit.status(request.organisation_threshold, rows=False)
    return benefit._api_status


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


class BenefitRowOut(Schema):
    """A benefit in the list: its fields and whether it lags; the plan against realisation
    per period is in the benefit itself (/benefits/{id})."""

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

    @staticmethod
    def resolve_initiative(obj) -> int:
        return obj.initiative.number

    @staticmethod
    def resolve_owner(obj):
        return obj.owner_id

    @staticmethod
    def resolve_department(obj):
        return obj.department_id

    @staticmethod
    def resolve_lagging(obj, context) -> bool:
        return _status(obj, context["request"]).lagging

    @staticmethod
    def resolve_next_due(obj, context):
        return _status(obj, context["request"]).next_due


class BenefitOut(BenefitRowOut):
    """A benefit with its plan against realisation per period."""

    periods: list[PeriodOut]

    @staticmethod
    def resolve_periods(obj, context):
        return _status(obj, context["request"], rows=True).rows


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
    return Benefit.objects.for_org(org).for_status()


def _membership(request, org_slug: str, perm=Perm.VIEW, write: bool = False):
    membership = api_membership(request, org_slug, perm, write=write)
    request.organisation_threshold = membership.organisation.lag_threshold
    return membership


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
        return [b for b in with_series(org, list(qs)) if _status(b, request).lagging == lagging]
    return PagedRows(qs, lambda page: with_series(org, list(page)))


@router.get("/organisations/{org_slug}/benefits/{benefit_id}", response=BenefitOut)
def get_benefit(request, org_slug: str, benefit_id: int):
    membership = _membership(request, org_slug)
    return get_object_or_404(_qs(membership.organisation), pk=benefit_id)


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
    return 201, get_object_or_404(_qs(org), pk=benefit.pk)


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
    return 200, get_object_or_404(_qs(org), pk=benefit.pk)


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
