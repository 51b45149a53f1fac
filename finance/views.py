from __future__ import annotations

from html import escape

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core.models import Change
from core.templatetags.styr import money_formatter
from core.versioning import STALE_MESSAGE, StaleObjectError, refused_as_stale
from core.views import download_name, form_page, xlsx_response
from governance.models import DecisionKind
from governance.services import MandateError
from initiatives.access import get_initiative, require_edit
from organisations.access import org_required
from organisations.permissions import Perm

from . import spreadsheets
from .charts import cashflow_chart
from .forms import ApproveForm, BusinessCaseForm, CaseLineForm, CaseRiskForm, UploadForm
from .models import (
    SENSITIVITY_LABELS,
    Approval,
    BenefitCategory,
    BusinessCase,
    CaseLine,
    CaseRisk,
    CaseStatus,
    CostKind,
    CostSource,
    Side,
    figures_from_data,
    with_figures_at_hand,
)
from .services import (
    approve_case,
    case_amount,
    delete_part,
    replace_lines,
    save_case,
    save_part,
)


def _get_case(request: HttpRequest, case_id: int) -> BusinessCase:
    return get_object_or_404(
        BusinessCase.objects.for_org(request.organisation).select_related("initiative"),
        pk=case_id,
    )


def _editable_case(request: HttpRequest, case_id: int) -> BusinessCase:
    case = _get_case(request, case_id)
    require_edit(request, case.initiative)
    return case


def case_context(data: dict, currency: str) -> dict:
    """Everything the case page shows, from the case's JSON data (live or approved)."""
    figures = figures_from_data(data)
    years = [str(y) for y in figures.years]
    e = figures.expected
    payback = e.payback_year
    chart = cashflow_chart(figures, currency)
    kinds = dict(CostKind.choices)
    sources = dict(CostSource.choices)
    categories = dict(BenefitCategory.choices)
    sides = dict(Side.choices)
    lines = [
        {
            **ln,
            "side_label": sides.get(ln["side"], ln["side"]),
            "type_label": categories.get(ln["category"])
            if ln["side"] == Side.BENEFIT
            else f"{kinds.get(ln['cost_kind'], '')}, {sources.get(ln['cost_source'], '')}".lower(),
            "money": [float(m) for m in ln["money"]]
            + [0.0] * (data["horizon_years"] - len(ln["money"])),
        }
        for ln in data["lines"]
    ]
    risks = [
        {**r, "pooled": float(r["probability_pct"]) / 100 * float(r["consequence"])}
        for r in data["risks"]
    ]
    return {
        "data": data,
        "risks_rows": risks,
        "figures": figures,
        "years": years,
        "chart": chart,
        "flows": list(zip(years, e.costs, e.benefits, e.net, e.cumulative, strict=True)),
        "payback_label": years[payback] if payback is not None else None,
        "cost_lines": [ln for ln in lines if ln["side"] == Side.COST],
        "benefit_lines": [ln for ln in lines if ln["side"] == Side.BENEFIT],
        "sensitivity": [
            (
                SENSITIVITY_LABELS[k],
                s,
                years[s.payback_year] if s.payback_year is not None else None,
            )
            for k, s in figures.sensitivity.items()
        ],
        "by_category": [(categories[k], v) for k, v in figures.benefits_by_category.items()],
    }


@org_required(Perm.VIEW)
def case_list(request: HttpRequest) -> HttpResponse:
    # Figures are read as stored with each case's version.
    cases = with_figures_at_hand(
        list(
            BusinessCase.objects.for_org(request.organisation)
            .select_related("initiative")
            .with_key_figures()
        )
    )
    base = reverse("finance:list", args=[request.organisation.slug])
    currency = request.organisation.currency
    # The table's rows written in one pass with the standard library's escape: 300 rows of
    # template lookups and filter calls were most of the page's time.
    amount = money_formatter(currency)
    rows = []
    for case in cases:
        f = case.key_figures()
        payback = "—" if f.payback_year is None else f.payback_year
        rows.append(
            f'<tr>\n    <td><a href="{escape(base)}{case.pk}/">{escape(str(case.initiative))}</a>'
            f"</td>\n    <td>{escape(str(case.get_variant_display()))}</td>"
            f"<td>{escape(str(case.get_status_display()))}</td>\n"
            f'    <td class="text-align-right">{escape(amount(f.total_cost))}</td>\n'
            f'    <td class="text-align-right">{escape(amount(f.total_benefit))}</td>\n'
            f'    <td class="text-align-right">{escape(amount(f.npv))}</td>\n'
            f"    <td>{payback}</td>\n  </tr>"
        )
    table = mark_safe("".join(rows))  # noqa: S308 - every value is escaped here
    return render(request, "finance/list.html", {"rows": rows, "table": table})


@org_required(Perm.VIEW)
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    case = get_object_or_404(
        BusinessCase.objects.for_org(request.organisation)
        .select_related("initiative")
        .prefetch_related("lines", "risks"),
        pk=case_id,
    )
    context = case_context(case.to_data(), request.organisation.currency)
    context.update(
        {
            "case": case,
            "approvals": case.approvals.select_related("approved_by")[:10],
            "can_edit": case.initiative.editable_by(request.membership),
            "can_approve": request.membership.can(Perm.APPROVE_BUSINESS_CASE)
            and case.status != CaseStatus.APPROVED,
            "history": Change.for_page(case)[:20],
        }
    )
    return render(request, "finance/case.html", context)


@org_required(Perm.VIEW)
def approval_detail(request: HttpRequest, case_id: int, approval_id: int) -> HttpResponse:
    case = _get_case(request, case_id)
    approval = get_object_or_404(
        Approval.objects.for_org(request.organisation).select_related("approved_by"),
        pk=approval_id,
        business_case=case,
    )
    context = case_context(approval.data, request.organisation.currency)
    context.update({"case": case, "approval": approval, "frozen": True})
    return render(request, "finance/case.html", context)


@org_required(Perm.VIEW)
def case_create(request: HttpRequest, number: int) -> HttpResponse:
    initiative = get_initiative(request, number)
    require_edit(request, initiative)
    form = BusinessCaseForm(request.POST or None, initiative=initiative)
    if request.method == "POST" and form.is_valid():
        case = save_case(form=form, user=request.user, expected_version=None)
        messages.success(request, _("The business case was created. Add its costs and benefits."))
        return redirect("finance:detail", request.organisation.slug, case.pk)
    back = reverse("initiatives:detail", args=[request.organisation.slug, number])
    return form_page(
        request,
        form,
        _("New business case for %(initiative)s") % {"initiative": initiative},
        back,
        intro=_(
            "The case compares scenario 0 (the initiative is not carried out) with scenario 1. "
            "Every line is the difference between the two."
        ),
    )


@org_required(Perm.VIEW)
def case_edit(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _editable_case(request, case_id)
    form = BusinessCaseForm(request.POST or None, instance=case, initiative=case.initiative)
    back = reverse("finance:detail", args=[request.organisation.slug, case.pk])
    heading = _("Edit %(case)s") % {"case": case}
    if request.method == "POST" and form.is_valid():
        try:
            save_case(form=form, user=request.user, expected_version=form.cleaned_data["version"])
        except StaleObjectError:
            return form_page(request, form, heading, back, status=refused_as_stale(form))
        messages.success(request, _("The changes were saved."))
        return redirect(back)
    return form_page(request, form, heading, back)


def _part(request, case, form_class, instance, heading) -> HttpResponse:
    form = form_class(request.POST or None, instance=instance, business_case=case)
    back = reverse("finance:detail", args=[request.organisation.slug, case.pk])
    if request.method == "POST" and form.is_valid():
        try:
            save_part(
                form=form,
                case=case,
                user=request.user,
                expected_version=form.cleaned_data.get("case_version"),
            )
        except StaleObjectError:
            return form_page(request, form, heading, back, status=refused_as_stale(form))
        if case.approvals.exists():
            messages.info(
                request, _("The case is a draft again; the approved version stays readable.")
            )
        messages.success(request, _("The changes were saved."))
        return redirect(back)
    return form_page(request, form, heading, back)


@org_required(Perm.VIEW)
def line_create(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _editable_case(request, case_id)
    side = request.GET.get("side") if request.GET.get("side") in Side.values else Side.COST
    line = CaseLine(side=side)
    heading = _("New benefit line") if side == Side.BENEFIT else _("New cost line")
    return _part(request, case, CaseLineForm, line, heading)


@org_required(Perm.VIEW)
def line_edit(request: HttpRequest, case_id: int, line_id: int) -> HttpResponse:
    case = _editable_case(request, case_id)
    line = get_object_or_404(case.lines.all(), pk=line_id)
    return _part(request, case, CaseLineForm, line, _("Edit %(line)s") % {"line": line})


@org_required(Perm.VIEW)
def risk_create(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _editable_case(request, case_id)
    return _part(request, case, CaseRiskForm, CaseRisk(), _("New risk"))


@org_required(Perm.VIEW)
def risk_edit(request: HttpRequest, case_id: int, risk_id: int) -> HttpResponse:
    case = _editable_case(request, case_id)
    risk = get_object_or_404(case.risks.all(), pk=risk_id)
    return _part(request, case, CaseRiskForm, risk, _("Edit %(risk)s") % {"risk": risk})


def _delete(request, case, obj) -> HttpResponse:
    back = reverse("finance:detail", args=[request.organisation.slug, case.pk])
    if request.method == "POST":
        version = request.POST.get("case_version", "")
        try:
            delete_part(
                obj=obj,
                case=case,
                user=request.user,
                expected_version=int(version) if version.isdigit() else None,
            )
        except StaleObjectError:
            messages.error(request, STALE_MESSAGE)
            return redirect(back)
        messages.success(request, _("%(thing)s was deleted.") % {"thing": obj})
        return redirect(back)
    return render(
        request,
        "core/confirm_delete.html",
        {"thing": obj, "back_url": back, "version": case.version},
    )


@org_required(Perm.VIEW)
def line_delete(request: HttpRequest, case_id: int, line_id: int) -> HttpResponse:
    case = _editable_case(request, case_id)
    return _delete(request, case, get_object_or_404(case.lines.all(), pk=line_id))


@org_required(Perm.VIEW)
def risk_delete(request: HttpRequest, case_id: int, risk_id: int) -> HttpResponse:
    case = _editable_case(request, case_id)
    return _delete(request, case, get_object_or_404(case.risks.all(), pk=risk_id))


@org_required(Perm.APPROVE_BUSINESS_CASE)
def approve(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _get_case(request, case_id)
    form = ApproveForm(request.POST or None, initial={"version": case.version})
    form.add_decided_by(
        request.organisation,
        DecisionKind.APPROVE_BUSINESS_CASE,
        case.initiative.track,
        case_amount(case),
    )
    back = reverse("finance:detail", args=[request.organisation.slug, case.pk])
    heading = _("Approve %(case)s") % {"case": case}
    if request.method == "POST" and form.is_valid():
        try:
            approve_case(
                case=case,
                user=request.user,
                expected_version=form.cleaned_data["version"],
                note=form.cleaned_data["note"],
                body=form.cleaned_data.get("body"),
            )
        except StaleObjectError:
            return form_page(request, form, heading, back, status=refused_as_stale(form))
        except MandateError as exc:  # the mandate changed since the form was checked
            form.add_error("body", str(exc))
            return form_page(request, form, heading, back, status=400)
        messages.success(request, _("The business case was approved."))
        return redirect(back)
    return form_page(
        request,
        form,
        heading,
        back,
        status=400 if form.errors else 200,
        intro=_(
            "Approving freezes a copy of the case as it stands now. Later edits make it a "
            "draft again, and the approved version stays readable."
        ),
        submit_label=_("Approve"),
    )


@org_required(Perm.VIEW)
def export(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _get_case(request, case_id)
    figures = case.figures()
    content = spreadsheets.export_case(case, figures, request.organisation.currency)
    return xlsx_response(
        content, download_name(_("business-case"), case.initiative.reference, case.pk, ext="xlsx")
    )


@org_required(Perm.VIEW)
def template(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _get_case(request, case_id)
    return xlsx_response(
        spreadsheets.line_template(case),
        download_name(_("lines"), case.initiative.reference, ext="xlsx"),
    )


@org_required(Perm.VIEW)
def upload(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _editable_case(request, case_id)
    form = UploadForm(request.POST or None, request.FILES or None)
    back = reverse("finance:detail", args=[request.organisation.slug, case.pk])
    errors = []
    status = 200
    if request.method == "POST" and form.is_valid():
        lines, errors = spreadsheets.parse_lines(case, form.cleaned_data["file"].read())
        if not errors:
            try:
                replace_lines(
                    case=case,
                    lines=lines,
                    user=request.user,
                    expected_version=form.cleaned_data.get("case_version"),
                )
            except StaleObjectError:
                status = refused_as_stale(form)
            else:
                messages.success(request, _("%(n)s lines were read and saved.") % {"n": len(lines)})
                return redirect(back)
        else:
            status = 422
    elif request.method == "POST":
        status = 422
    if not form.is_bound:
        form.initial["case_version"] = case.version
    return render(
        request,
        "finance/upload.html",
        {"form": form, "errors": errors, "case": case, "back_url": back},
        status=status,
    )
