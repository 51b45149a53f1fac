"""A measurable goal's measurements: the goal's page (trend chart, table, add, remove) and
measurements of many goals uploaded from the strategy's xlsx template."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.versioning import delete_recorded
from core.views import download_name, xlsx_response
from organisations.access import org_required, require
from organisations.permissions import Perm

from . import spreadsheets
from .charts import goal_trend
from .forms import GoalMeasurementForm, GoalUploadForm
from .models import FocusAreaGoal, MeasurementOrigin, Strategy
from .services import record_goal_measurements


def _goal(request: HttpRequest, pk: int, goal_pk: int) -> FocusAreaGoal:
    return get_object_or_404(
        FocusAreaGoal.objects.for_org(request.organisation)
        .filter(focus_area__strategy_id=pk)
        .select_related("focus_area__strategy"),
        pk=goal_pk,
    )


@org_required(Perm.VIEW)
def goal_detail(request: HttpRequest, pk: int, goal_pk: int) -> HttpResponse:
    goal = _goal(request, pk, goal_pk)
    strategy = goal.focus_area.strategy
    can_edit = request.membership.can(Perm.EDIT_STRATEGY) and not strategy.is_read_only
    form = GoalMeasurementForm(request.POST or None, goal=goal)
    status = 200
    if request.method == "POST":
        require(request, Perm.EDIT_STRATEGY)
        if strategy.is_read_only:
            messages.error(request, _("An archived strategy is read-only."))
            return redirect("strategy:goal", request.organisation.slug, pk, goal.pk)
        if form.is_valid():
            m = form.save(commit=False)
            m.goal = goal
            record_goal_measurements([m], user=request.user, origin=MeasurementOrigin.HAND)
            messages.success(request, _("The measurement was saved."))
            return redirect("strategy:goal", request.organisation.slug, pk, goal.pk)
        status = 400
    measurements = list(goal.measurements.select_related("recorded_by").order_by("measured_on"))
    latest = measurements[-1] if measurements else None
    return render(
        request,
        "strategy/goal.html",
        {
            "goal": goal,
            "strategy": strategy,
            "rows": [(m, goal.progress(m.value)) for m in measurements],
            "latest": latest,
            "progress": goal.progress(latest.value) if latest else None,
            # Built from escaped text in core.charts.
            "chart": mark_safe(
                goal_trend(
                    indicator=goal.indicator,
                    unit=goal.unit,
                    target=float(goal.target),
                    points=[(m.measured_on.isoformat(), float(m.value)) for m in measurements],
                    chart_id=f"goal-{goal.pk}",
                )
            )
            if len(measurements) > 1
            else "",
            "computed": goal.current if goal.source else None,
            "form": form if can_edit else None,
            "can_edit": can_edit,
        },
        status=status,
    )


@org_required(Perm.EDIT_STRATEGY)
@require_POST
def measurement_delete(request: HttpRequest, pk: int, goal_pk: int, m_pk: int) -> HttpResponse:
    goal = _goal(request, pk, goal_pk)
    if goal.focus_area.strategy.is_read_only:
        messages.error(request, _("An archived strategy is read-only."))
    else:
        m = get_object_or_404(goal.measurements.all(), pk=m_pk)
        delete_recorded(m, user=request.user, parent=goal.focus_area.strategy)
        messages.success(request, _("The measurement was removed."))
    return redirect("strategy:goal", request.organisation.slug, pk, goal.pk)


@org_required(Perm.VIEW)
def measurement_template(request: HttpRequest, pk: int) -> HttpResponse:
    strategy = get_object_or_404(Strategy.objects.for_org(request.organisation), pk=pk)
    return xlsx_response(
        spreadsheets.measurement_template(strategy),
        download_name(_("goal measurements"), request.organisation.slug, ext="xlsx"),
    )


@org_required(Perm.EDIT_STRATEGY)
def measurement_upload(request: HttpRequest, pk: int) -> HttpResponse:
    strategy = get_object_or_404(Strategy.objects.for_org(request.organisation), pk=pk)
    form = GoalUploadForm(request.POST or None, request.FILES or None)
    errors: list = []
    status = 200
    if request.method == "POST":
        status = 422
        if strategy.is_read_only:
            form.add_error(None, _("An archived strategy is read-only."))
        elif form.is_valid():
            measurements, errors = spreadsheets.parse_measurements(
                strategy, form.cleaned_data["file"].read()
            )
            if not errors:
                record_goal_measurements(
                    measurements, user=request.user, origin=MeasurementOrigin.UPLOAD
                )
                messages.success(
                    request,
                    _("%(n)s measurements were read and saved.") % {"n": len(measurements)},
                )
                return redirect("strategy:detail", request.organisation.slug, strategy.pk)
    slug = request.organisation.slug
    return render(
        request,
        "core/upload_page.html",
        {
            "form": form,
            "errors": errors,
            "heading": _("Upload goal measurements"),
            "intro": _(
                "Download the template: it lists every measurable goal of the strategy. Fill in "
                "the date and value of those you measured and upload it. Rows without a date "
                "and a value are skipped. Every row is checked first: if any row has an error, "
                "nothing is saved."
            ),
            "back_url": reverse("strategy:detail", args=[slug, strategy.pk]),
            "back_label": _("Back to the strategy"),
            "template_url": reverse("strategy:measurement_template", args=[slug, strategy.pk]),
        },
        status=status,
    )
