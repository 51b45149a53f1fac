from __future__ import annotations

import datetime
from itertools import accumulate

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.charts import PALETTE, Series, combo_chart
from core.forms import SpreadsheetUploadForm
from core.l10n import decimal, whole
from core.models import Change, record_change
from core.versioning import (
    StaleObjectError,
    delete_recorded,
    refused_as_stale,
    save_versioned,
)
from core.views import download_name, form_page, xlsx_response
from finance.models import BenefitCategory
from initiatives.access import get_initiative, require_edit
from organisations.access import org_required, require
from organisations.models import Department
from organisations.permissions import Perm

from . import spreadsheets
from .forms import (
    BenefitForm,
    DepartmentForm,
    HarvestForm,
    MeasurementForm,
    OutputForm,
    PlanForm,
    period_label,
)
from .models import Benefit, Harvest, Output
from .portfolio import overview
from .realisation import running_totals
from .services import record_measurement, save_plan


def _benefit(request: HttpRequest, benefit_id: int) -> Benefit:
    return get_object_or_404(
        Benefit.objects.for_org(request.organisation).select_related("initiative", "owner"),
        pk=benefit_id,
    )


@org_required(Perm.VIEW)
def portfolio(request: HttpRequest) -> HttpResponse:
    org = request.organisation
    data = overview(org)
    years = [str(y) for y in data.years]
    realised = data.realised
    chart = combo_chart(
        years,
        bars=[
            Series(_("Planned"), data.planned, PALETTE[0]),
            Series(_("Realised"), realised, PALETTE[1]),
        ],
        title=_("Planned and realised benefits per year"),
        description=_("Money value of the benefits per year; the table holds the same figures."),
        value_format=whole,
        unit=org.currency,
        chart_id="per-year",
    )
    cum_planned = list(accumulate(data.planned))
    cum_realised = running_totals(realised)
    curve = combo_chart(
        years,
        lines=[
            Series(_("Planned, accumulated"), cum_planned, PALETTE[0], dashed=True),
            Series(_("Realised, accumulated"), cum_realised, PALETTE[1]),
        ],
        title=_("The portfolio's benefit curve"),
        description=_("Accumulated planned and realised benefits over the years."),
        value_format=whole,
        unit=org.currency,
        chart_id="curve",
    )
    mine = request.GET.get("mine") == "1"
    due = [r for r in data.due if r.owner_id == request.user.pk] if mine else data.due
    return render(
        request,
        "benefits/portfolio.html",
        {
            "data": data,
            "chart": chart,
            "curve": curve,
            "per_year": list(
                zip(years, data.planned, realised, cum_planned, cum_realised, strict=True)
            ),
            "due": due,
            "mine": mine,
            "can_record": request.membership.can(Perm.EDIT_OWN_INITIATIVE),
        },
    )


@org_required(Perm.VIEW)
def initiative_benefits(request: HttpRequest, number: int) -> HttpResponse:
    """The benefit map: initiative → changes → benefits → focus areas and business goals."""
    initiative = get_initiative(request, number)
    benefits = list(
        initiative.benefits.select_related("owner", "department")
        .prefetch_related("outputs", "focus_areas", "business_goals", "plan", "measurements")
        .all()
    )
    outputs = list(initiative.outputs.prefetch_related("benefits"))
    threshold = request.organisation.lag_threshold
    goals: dict[str, list[str]] = {}
    for b in benefits:
        for item in [*b.focus_areas.all(), *b.business_goals.all()]:
            goals.setdefault(str(item), []).append(b.title)
    return render(
        request,
        "benefits/initiative.html",
        {
            "initiative": initiative,
            "benefits": [(b, b.status(threshold)) for b in benefits],
            "outputs": outputs,
            "goals": sorted(goals.items()),
            "can_edit": initiative.editable_by(request.membership),
        },
    )


@org_required(Perm.VIEW)
def output_create(request: HttpRequest, number: int) -> HttpResponse:
    initiative = get_initiative(request, number)
    require_edit(request, initiative)
    return _output_form(request, initiative, Output(initiative=initiative))


@org_required(Perm.VIEW)
def output_edit(request: HttpRequest, number: int, output_id: int) -> HttpResponse:
    initiative = get_initiative(request, number)
    require_edit(request, initiative)
    output = get_object_or_404(initiative.outputs.all(), pk=output_id)
    if request.method == "POST" and request.POST.get("delete"):
        delete_recorded(output, user=request.user, parent=initiative)
        messages.success(request, _("%(thing)s was deleted.") % {"thing": output})
        return redirect("benefits:initiative", request.organisation.slug, number)
    return _output_form(request, initiative, output)


def _output_form(request, initiative, output) -> HttpResponse:
    form = OutputForm(request.POST or None, instance=output)
    back = reverse("benefits:initiative", args=[request.organisation.slug, initiative.number])
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.instance.organisation_id = initiative.organisation_id
            before = None
            if output.pk:
                before = {"title": Output.objects.get(pk=output.pk).title}
            obj = form.save()
            record_change(
                obj=obj,
                user=request.user,
                action=Change.Action.UPDATED if before else Change.Action.CREATED,
                before=before,
                after={"title": obj.title},
                parent=initiative,
            )
        messages.success(request, _("The changes were saved."))
        return redirect(back)
    heading = _("Edit the change") if output.pk else _("New change in the benefit map")
    return form_page(
        request,
        form,
        heading,
        back,
        intro=_("A change is what the initiative brings about: an output or a new workflow."),
    )


@org_required(Perm.VIEW)
def benefit_create(request: HttpRequest, number: int) -> HttpResponse:
    initiative = get_initiative(request, number)
    require_edit(request, initiative)
    form = BenefitForm(request.POST or None, initiative=initiative)
    if request.method == "POST" and form.is_valid():

        def prepare(benefit: Benefit) -> None:
            benefit.organisation_id = initiative.organisation_id
            benefit.initiative = initiative

        with transaction.atomic():
            benefit = save_versioned(
                form, user=request.user, expected_version=None, parent=initiative, prepare=prepare
            )
            save_plan(benefit=benefit, plan=benefit.linear_plan())
        messages.success(request, _("The benefit was registered."))
        return redirect("benefits:detail", request.organisation.slug, benefit.pk)
    back = reverse("benefits:initiative", args=[request.organisation.slug, number])
    return form_page(
        request,
        form,
        _("New benefit for %(initiative)s") % {"initiative": initiative},
        back,
        intro=_(
            "With a baseline, a likely target and both dates, Styr plans a straight line "
            "between them; you can adjust the plan per period afterwards."
        ),
    )


@org_required(Perm.VIEW)
def benefit_edit(request: HttpRequest, benefit_id: int) -> HttpResponse:
    benefit = _benefit(request, benefit_id)
    require_edit(request, benefit.initiative)
    form = BenefitForm(request.POST or None, instance=benefit, initiative=benefit.initiative)
    back = reverse("benefits:detail", args=[request.organisation.slug, benefit.pk])
    heading = _("Edit %(benefit)s") % {"benefit": benefit}
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                benefit = save_versioned(
                    form,
                    user=request.user,
                    expected_version=form.cleaned_data["version"],
                    parent=benefit.initiative,
                )
                if not benefit.plan.exists():
                    save_plan(benefit=benefit, plan=benefit.linear_plan())
        except StaleObjectError:
            return form_page(request, form, heading, back, status=refused_as_stale(form))
        messages.success(request, _("The changes were saved."))
        return redirect(back)
    return form_page(request, form, heading, back)


def realisation_chart(benefit: Benefit, status) -> str:
    labels = [period_label(r.period, benefit.frequency) for r in status.rows]
    return combo_chart(
        labels,
        lines=[
            Series(_("Planned"), [r.planned for r in status.rows], PALETTE[0], dashed=True),
            Series(_("Actual"), [r.actual for r in status.rows], PALETTE[1]),
        ],
        title=_("Realisation of %(benefit)s") % {"benefit": benefit.title},
        description=_("Planned and actual value of the indicator per period."),
        value_format=decimal,
        unit=benefit.unit,
        chart_id="realisation",
    )


@org_required(Perm.VIEW)
def benefit_detail(request: HttpRequest, benefit_id: int) -> HttpResponse:
    benefit = get_object_or_404(
        Benefit.objects.for_org(request.organisation)
        .for_status()
        .select_related("department")
        .prefetch_related("outputs", "focus_areas", "business_goals"),
        pk=benefit_id,
    )
    status_ = benefit.status(request.organisation.lag_threshold)
    form = MeasurementForm(request.POST or None, benefit=benefit)
    allowed = benefit.measurable_by(request.membership)
    if request.method == "POST":
        if not allowed:
            raise PermissionDenied
        if form.is_valid():
            record_measurement(form=form, benefit=benefit, user=request.user)
            messages.success(request, _("The measurement was recorded."))
            return redirect("benefits:detail", request.organisation.slug, benefit.pk)
    rows = [(period_label(r.period, benefit.frequency), r) for r in status_.rows]
    return render(
        request,
        "benefits/detail.html",
        {
            "benefit": benefit,
            "status": status_,
            "rows": rows,
            "chart": realisation_chart(benefit, status_) if status_.rows else "",
            "form": form,
            "can_measure": allowed,
            "can_edit": benefit.initiative.editable_by(request.membership),
            "can_harvest": request.membership.can(Perm.PLAN_HARVEST)
            and benefit.category == BenefitCategory.BUDGET,
            "harvests": benefit.harvests.select_related("department"),
            "measurements": list(benefit.measurements.all())[::-1][:20],
            "history": Change.for_page(benefit)[:20],
        },
        status=422 if form.errors else 200,
    )


@org_required(Perm.VIEW)
def benefit_plan(request: HttpRequest, benefit_id: int) -> HttpResponse:
    benefit = _benefit(request, benefit_id)
    require_edit(request, benefit.initiative)
    back = reverse("benefits:detail", args=[request.organisation.slug, benefit.pk])
    form = PlanForm(request.POST or None, benefit=benefit)
    heading = _("Plan for %(benefit)s") % {"benefit": benefit}
    if not form.periods:
        messages.error(
            request,
            _("Give the benefit a baseline value and date and a likely target and date first."),
        )
        return redirect(back)
    if request.method == "POST" and form.is_valid():
        try:
            save_plan(
                benefit=benefit,
                plan=form.plan(),
                user=request.user,
                expected_version=form.cleaned_data["version"],
            )
        except StaleObjectError:
            return form_page(request, form, heading, back, status=refused_as_stale(form))
        messages.success(request, _("The plan was saved."))
        return redirect(back)
    return form_page(
        request,
        form,
        heading,
        back,
        intro=_("The planned value of the indicator at the end of each period (%(unit)s).")
        % {"unit": benefit.unit},
    )


@org_required(Perm.VIEW)
def measurement_delete(request: HttpRequest, benefit_id: int, measurement_id: int) -> HttpResponse:
    benefit = _benefit(request, benefit_id)
    if not benefit.measurable_by(request.membership):
        raise PermissionDenied
    measurement = get_object_or_404(benefit.measurements.all(), pk=measurement_id)
    back = reverse("benefits:detail", args=[request.organisation.slug, benefit.pk])
    if request.method == "POST":
        delete_recorded(measurement, user=request.user, parent=benefit)
        messages.success(request, _("%(thing)s was deleted.") % {"thing": measurement})
        return redirect(back)
    return render(
        request,
        "core/confirm_delete.html",
        {"thing": measurement, "back_url": back},
    )


@org_required(Perm.PLAN_HARVEST)
def harvest_form(request: HttpRequest, benefit_id: int, harvest_id: int | None = None):
    benefit = _benefit(request, benefit_id)
    harvest = (
        get_object_or_404(benefit.harvests.all(), pk=harvest_id)
        if harvest_id
        else Harvest(benefit=benefit, organisation_id=benefit.organisation_id)
    )
    back = reverse("benefits:detail", args=[request.organisation.slug, benefit.pk])
    if request.method == "POST" and request.POST.get("delete") and harvest.pk:
        delete_recorded(harvest, user=request.user, parent=benefit)
        messages.success(request, _("%(thing)s was deleted.") % {"thing": harvest})
        return redirect(back)
    form = HarvestForm(request.POST or None, instance=harvest, benefit=benefit)
    form_status = 200
    if request.method == "POST" and form.is_valid():
        try:
            save_versioned(
                form,
                user=request.user,
                expected_version=form.cleaned_data["version"],
                parent=benefit,
            )
        except StaleObjectError:
            form_status = refused_as_stale(form)
        else:
            messages.success(request, _("The harvest was saved."))
            return redirect(back)
    return form_page(
        request,
        form,
        _("Harvest of %(benefit)s") % {"benefit": benefit},
        back,
        intro=_("Which department's budget is reduced, by how much, in which budget year."),
        status=form_status,
    )


@org_required(Perm.VIEW)
def harvest_year(request: HttpRequest, year: int | None = None) -> HttpResponse:
    org = request.organisation
    harvests = Harvest.objects.for_org(org)
    years = sorted(set(harvests.values_list("budget_year", flat=True)))
    if year is None:
        this = datetime.date.today().year + 1
        year = this if this in years or not years else years[-1]
    lines = (
        harvests.filter(budget_year=year)
        .select_related("department", "benefit__initiative")
        .order_by("department__name", "benefit__initiative__number")
    )
    rows = harvests.filter(budget_year=year).per_department()
    return render(
        request,
        "benefits/harvest.html",
        {
            "year": year,
            "years": sorted(set(years) | {year}),
            "rows": rows,
            "total": sum(r[3] for r in rows),
            "lines": lines,
        },
    )


@org_required(Perm.VIEW)
def export_register(request: HttpRequest) -> HttpResponse:
    org = request.organisation
    return xlsx_response(
        spreadsheets.export_register(org), download_name(_("benefits"), org.slug, ext="xlsx")
    )


@org_required(Perm.VIEW)
def measurement_template(request: HttpRequest) -> HttpResponse:
    org = request.organisation
    return xlsx_response(
        spreadsheets.measurement_template(org),
        download_name(_("measurements"), org.slug, ext="xlsx"),
    )


@org_required(Perm.EDIT_OWN_INITIATIVE)
def measurement_upload(request: HttpRequest) -> HttpResponse:
    """Measurements of many benefits from the template; each row needs the right to
    measure its benefit, and the page the right to record measurements at all."""
    form = SpreadsheetUploadForm(request.POST or None, request.FILES or None)
    errors = []
    status = 200
    if request.method == "POST" and form.is_valid():

        def allowed(benefit):
            return benefit.measurable_by(request.membership)

        measurements, errors = spreadsheets.parse_measurements(
            request.organisation, form.cleaned_data["file"].read(), allowed
        )
        if not errors:
            spreadsheets.save_measurements(measurements, user=request.user)
            messages.success(
                request, _("%(n)s measurements were read and saved.") % {"n": len(measurements)}
            )
            return redirect("benefits:portfolio", request.organisation.slug)
        status = 422
    elif request.method == "POST":
        status = 422
    org = request.organisation
    return render(
        request,
        "core/upload_page.html",
        {
            "form": form,
            "errors": errors,
            "heading": _("Upload measurements"),
            "intro": _(
                "Download the template: it lists every benefit. Fill in the date and value of "
                "those you measured and upload it. Rows without a date and a value are "
                "skipped. Every row is checked first: if any row has an error, nothing is "
                "saved."
            ),
            "back_url": reverse("benefits:portfolio", args=[org.slug]),
            "back_label": _("Back to benefits"),
            "template_url": reverse("benefits:template", args=[org.slug]),
        },
        status=status,
    )


@org_required(Perm.VIEW)
def departments(request: HttpRequest) -> HttpResponse:
    org = request.organisation
    form = DepartmentForm(request.POST or None, organisation=org)
    if request.method == "POST":
        require(request, Perm.MANAGE_ORGANISATION)
        if request.POST.get("delete", "").isdigit():
            department = get_object_or_404(
                Department.objects.for_org(org), pk=int(request.POST["delete"])
            )
            if Harvest.objects.filter(department=department).exists():
                messages.error(
                    request,
                    _("%(d)s has planned harvests and cannot be deleted.") % {"d": department},
                )
            else:
                department.delete()
                messages.success(request, _("%(thing)s was deleted.") % {"thing": department})
            return redirect("benefits:departments", org.slug)
        if form.is_valid():
            form.instance.organisation = org
            form.save()
            messages.success(request, _("The department was added."))
            return redirect("benefits:departments", org.slug)
    return render(
        request,
        "benefits/departments.html",
        {
            "form": form,
            "departments": Department.objects.for_org(org),
            "can_manage": request.membership.can(Perm.MANAGE_ORGANISATION),
        },
        status=422 if form.errors else 200,
    )
