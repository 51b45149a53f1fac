"""Writing a business case: every change to a case, its lines or its risks bumps the case's
version (so two people editing the same case cannot overwrite each other), puts an approved
case back in draft, and leaves a history entry on the case — all in one transaction."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from core.models import Change, record_change, snapshot
from core.versioning import model_fields, save_versioned
from governance.models import DecisionKind
from governance.services import record_approval

from .models import Approval, BusinessCase, CaseLine, CaseStatus


def case_amount(case: BusinessCase) -> float:
    """What a mandate's amount is compared with: the case's expected total cost over its
    horizon, risk pool included."""
    return case.figures().expected.total_cost


LINE_FIELDS = [
    "side",
    "description",
    "cost_kind",
    "cost_source",
    "category",
    "unit",
    "amounts",
    "minimum_pct",
    "maximum_pct",
]


def save_case(*, form, user, expected_version: int | None, via_api: bool = False):
    def prepare(case: BusinessCase) -> None:
        case.status = CaseStatus.DRAFT
        if case.pk is None:
            case.initiative = form.initiative
            case.organisation_id = form.initiative.organisation_id

    case = save_versioned(
        form,
        user=user,
        expected_version=expected_version,
        parent=form.initiative,
        via_api=via_api,
        prepare=prepare,
    )
    case.store_figures()
    return case


def _bump(case: BusinessCase, expected_version: int | None) -> None:
    case.claim_edit(expected_version, status=CaseStatus.DRAFT, updated=timezone.now())


def save_part(*, form, case: BusinessCase, user, expected_version: int | None):
    """Save a line or risk form against the case version it was opened with."""
    fields = [*model_fields(form), *(["amounts"] if "amounts" in form.cleaned_data else [])]
    with transaction.atomic():
        _bump(case, expected_version)
        before = None
        if form.instance.pk:
            before = snapshot(type(form.instance).objects.get(pk=form.instance.pk), fields)
        obj = form.save()
        record_change(
            obj=obj,
            user=user,
            action=Change.Action.UPDATED if before is not None else Change.Action.CREATED,
            before=before,
            after=snapshot(obj, fields),
            parent=case,
        )
        case.store_figures()
    return obj


def delete_part(*, obj, case: BusinessCase, user, expected_version: int | None) -> None:
    with transaction.atomic():
        _bump(case, expected_version)
        record_change(obj=obj, user=user, action=Change.Action.DELETED, parent=case)
        obj.delete()
        case.store_figures()


def replace_lines(
    *,
    case: BusinessCase,
    lines: list[CaseLine],
    user,
    expected_version: int | None,
    via_api: bool = False,
) -> None:
    """Replace every line of the case (a spreadsheet upload or an API PUT): all or nothing."""
    with transaction.atomic():
        _bump(case, expected_version)
        old = list(case.lines.all())
        case.lines.all().delete()
        for position, line in enumerate(lines):
            line.business_case = case
            line.organisation_id = case.organisation_id
            line.position = position
        CaseLine.objects.bulk_create(lines)
        record_change(
            obj=case,
            user=user,
            action=Change.Action.UPDATED,
            before={"lines": [f"{ln.get_side_display()}: {ln.description}" for ln in old]},
            after={"lines": [f"{ln.get_side_display()}: {ln.description}" for ln in lines]},
            parent=case.initiative,
            via_api=via_api,
        )
        case.store_figures()


def approve_case(
    *,
    case: BusinessCase,
    user,
    expected_version: int,
    note: str = "",
    via_api: bool = False,
    body=None,
) -> Approval:
    """Approve the case as it stands and freeze a copy of it. With a body, the approval is
    logged as that body's decision, and refused (MandateError) outside its mandate."""
    with transaction.atomic():
        if body is not None:
            record_approval(
                body=body,
                kind=DecisionKind.APPROVE_BUSINESS_CASE,
                user=user,
                title=str(case),
                rationale=note,
                initiative=case.initiative,
                amount=case_amount(case),
            )
        case.claim(expected_version, status=CaseStatus.APPROVED, updated=timezone.now())
        case.refresh_from_db()
        case.store_figures()
        approval = Approval.objects.create(
            organisation_id=case.organisation_id,
            business_case=case,
            case_version=case.version,
            data=case.to_data(),
            note=note,
            approved_by=user if getattr(user, "is_authenticated", False) else None,
        )
        record_change(
            obj=case,
            user=user,
            action=Change.Action.UPDATED,
            before={"status": CaseStatus.DRAFT},
            after={"status": CaseStatus.APPROVED},
            parent=case.initiative,
            via_api=via_api,
        )
    return approval
