"""Scenario pages: build, solve in the worker, follow progress, frontier, compare, commit."""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.models import Change
from core.versioning import STALE_MESSAGE, StaleObjectError, refused_as_stale, save_versioned
from core.views import form_page
from governance.models import DecisionKind
from governance.services import MandateError
from initiatives.models import Initiative
from organisations.access import org_required
from organisations.permissions import Perm
from strategy.models import Strategy

from .forms import CommitForm, EntriesForm, FrontierForm, LimitsForm, ScenarioForm
from .formulation import OUT_OF_SCOPE
from .models import (
    Budget,
    ResourcePool,
    RunKind,
    RunStatus,
    Scenario,
    ScenarioStatus,
    SolveRun,
)
from .results import frontier_context, resource_label, result_context, variant_label
from .services import commit_scenario, queue_run, request_stop, save_entries, save_limits


def _scenario(request: HttpRequest, scenario_id: int) -> Scenario:
    return get_object_or_404(
        Scenario.objects.for_org(request.organisation).select_related("strategy"), pk=scenario_id
    )


def _run(request: HttpRequest, scenario: Scenario, run_id: int) -> SolveRun:
    return get_object_or_404(
        SolveRun.objects.for_org(request.organisation), pk=run_id, scenario=scenario
    )


@org_required(Perm.VIEW)
def scenario_list(request: HttpRequest) -> HttpResponse:
    scenarios = list(Scenario.objects.for_org(request.organisation).select_related("strategy"))
    return render(
        request,
        "portfolio/scenarios.html",
        {
            "scenarios": scenarios,
            "can_plan": request.membership.can(Perm.PLAN_PORTFOLIO),
        },
    )


@org_required(Perm.PLAN_PORTFOLIO)
def scenario_edit(request: HttpRequest, scenario_id: int | None = None) -> HttpResponse:
    org = request.organisation
    scenario = _scenario(request, scenario_id) if scenario_id else Scenario(organisation=org)
    if scenario.status != ScenarioStatus.DRAFT:
        messages.error(request, _("A committed scenario cannot be changed; copy it instead."))
        return redirect("portfolio:scenario", org.slug, scenario.pk)
    initial = {}
    if not scenario.pk:
        strategy = Strategy.objects.for_org(org).exclude(status="archived").first()
        if strategy is not None:
            initial = {
                "strategy": strategy,
                "first_year": max(strategy.period_start, 2000),
                "periods": min(10, strategy.period_end - strategy.period_start + 1),
            }
    form = ScenarioForm(request.POST or None, instance=scenario, organisation=org, initial=initial)
    back = (
        reverse("portfolio:scenario", args=[org.slug, scenario.pk])
        if scenario.pk
        else reverse("portfolio:scenarios", args=[org.slug])
    )
    heading = _("Edit scenario") if scenario.pk else _("New scenario")
    if request.method == "POST" and form.is_valid():
        try:
            scenario = save_versioned(
                form,
                user=request.user,
                expected_version=form.cleaned_data.get("version"),
                prepare=lambda s: setattr(s, "organisation", org),
            )
        except StaleObjectError:
            return form_page(request, form, heading, back, status=refused_as_stale(form))
        messages.success(request, _("The scenario was saved."))
        return redirect("portfolio:scenario", org.slug, scenario.pk)
    return form_page(request, form, heading, back, status=400 if form.errors else 200)


def _limit_names(request: HttpRequest) -> list[tuple[str, str]]:
    """The budgets and pools a frontier can vary, as (optimiser name, label)."""
    return [(b.value, b.label) for b in Budget] + [
        (p.name, p.name) for p in ResourcePool.objects.for_org(request.organisation)
    ]


def _runs_context(request: HttpRequest, scenario: Scenario) -> dict:
    currency = request.organisation.currency
    context = result_context(scenario.latest_run(RunKind.SOLVE, problem=False), currency)
    context.update(frontier_context(scenario.latest_run(RunKind.FRONTIER, problem=False), currency))
    return context


def _commit_form(request: HttpRequest, data=None, scenario: Scenario | None = None) -> CommitForm:
    initial = {"version": scenario.version} if scenario else None
    form = CommitForm(data, initial=initial)
    form.add_decided_by(request.organisation, DecisionKind.COMMIT_SCENARIO)
    return form


@org_required(Perm.VIEW)
def scenario_detail(request: HttpRequest, scenario_id: int) -> HttpResponse:
    scenario = _scenario(request, scenario_id)
    context = {
        "scenario": scenario,
        "limits": list(scenario.limits.select_related("pool")),
        "entry_count": scenario.entries.count(),
        "frontier_form": FrontierForm(names=_limit_names(request)),
        "can_plan": request.membership.can(Perm.PLAN_PORTFOLIO)
        and scenario.status == ScenarioStatus.DRAFT,
        "can_commit": request.membership.can(Perm.COMMIT_SCENARIO)
        and scenario.status == ScenarioStatus.DRAFT,
        "commit_form": _commit_form(request, scenario=scenario),
        "history": Change.for_page(scenario)[:10],
    }
    context.update(_runs_context(request, scenario))
    template = "portfolio/scenario.html"
    if request.htmx and request.GET.get("part") == "runs":
        template += "#runs"
    return render(request, template, context)


def _part_page(
    request, scenario, form, template: str, save, message: str, extra=None
) -> HttpResponse:
    """A page editing one part of a scenario (limits, entries) under its version check."""
    back = reverse("portfolio:scenario", args=[request.organisation.slug, scenario.pk])
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                save(form.cleaned_data["version"])
            except StaleObjectError:
                status = refused_as_stale(form)
            else:
                messages.success(request, message)
                return redirect(back)
    return render(
        request,
        template,
        {"scenario": scenario, "form": form, "back_url": back, **(extra or {})},
        status=status,
    )


@org_required(Perm.PLAN_PORTFOLIO)
def limits_edit(request: HttpRequest, scenario_id: int) -> HttpResponse:
    scenario = _scenario(request, scenario_id)
    pools = ResourcePool.objects.for_org(request.organisation)
    form = LimitsForm(request.POST or None, scenario=scenario, pools=pools)

    def save(version: int) -> None:
        save_limits(
            scenario=scenario, user=request.user, expected_version=version, limits=form.limits()
        )

    return _part_page(
        request, scenario, form, "portfolio/limits.html", save, _("The limits were saved.")
    )


ENTRIES_PER_PAGE = 100


@org_required(Perm.PLAN_PORTFOLIO)
def entries_edit(request: HttpRequest, scenario_id: int) -> HttpResponse:
    scenario = _scenario(request, scenario_id)
    initiatives = (
        Initiative.objects.for_org(request.organisation)
        .exclude(stage__in=OUT_OF_SCOPE)
        .only("id", "number", "title", "track", "stage")
        .order_by("number")
    )
    # A page of initiatives at a time (saving one page keeps the others' settings): 300
    # rows of three select boxes are slow to render and to use on a phone.
    page = Paginator(initiatives, ENTRIES_PER_PAGE).get_page(request.GET.get("page"))
    form = EntriesForm(request.POST or None, scenario=scenario, initiatives=page.object_list)

    def save(version: int) -> None:
        save_entries(
            scenario=scenario, user=request.user, expected_version=version, entries=form.entries()
        )

    return _part_page(
        request,
        scenario,
        form,
        "portfolio/entries.html",
        save,
        _("The initiatives' settings were saved."),
        extra={"page": page},
    )


@org_required(Perm.PLAN_PORTFOLIO)
@require_POST
def solve(request: HttpRequest, scenario_id: int) -> HttpResponse:
    scenario = _scenario(request, scenario_id)
    if scenario.runs.filter(status__in=(RunStatus.QUEUED, RunStatus.RUNNING)).exists():
        messages.warning(request, _("The scenario is already being solved."))
    else:
        queue_run(scenario=scenario, user=request.user)
        messages.success(
            request, _("The scenario was sent to the solver. The page shows its progress.")
        )
    return redirect("portfolio:scenario", request.organisation.slug, scenario.pk)


@org_required(Perm.PLAN_PORTFOLIO)
@require_POST
def frontier(request: HttpRequest, scenario_id: int) -> HttpResponse:
    scenario = _scenario(request, scenario_id)
    form = FrontierForm(request.POST, names=_limit_names(request))
    if not form.is_valid():
        messages.error(request, _("Choose a budget and between 3 and 40 levels."))
        return redirect("portfolio:scenario", request.organisation.slug, scenario.pk)
    budget = form.cleaned_data["budget"]
    limited = any(
        (limit.budget if limit.budget else limit.pool.name) == budget
        for limit in scenario.limits.select_related("pool")
        if any(a is not None for a in limit.amounts)
    )
    if limited:
        queue_run(
            scenario=scenario,
            user=request.user,
            kind=RunKind.FRONTIER,
            budget=budget,
            points=form.cleaned_data["points"],
        )
        messages.success(request, _("The frontier is being computed."))
    else:
        messages.error(
            request,
            _("%(budget)s has no limit in this scenario; set one before drawing its frontier.")
            % {"budget": resource_label(budget)},
        )
    return redirect("portfolio:scenario", request.organisation.slug, scenario.pk)


@org_required(Perm.PLAN_PORTFOLIO)
@require_POST
def stop(request: HttpRequest, scenario_id: int, run_id: int) -> HttpResponse:
    scenario = _scenario(request, scenario_id)
    run = _run(request, scenario, run_id)
    if run.is_active:
        request_stop(run)
        messages.success(request, _("The solver was asked to stop; the best plan so far is kept."))
    return redirect("portfolio:scenario", request.organisation.slug, scenario.pk)


@org_required(Perm.COMMIT_SCENARIO)
@require_POST
def commit(request: HttpRequest, scenario_id: int) -> HttpResponse:
    scenario = _scenario(request, scenario_id)
    run = scenario.latest_run(RunKind.SOLVE)
    form = _commit_form(request, request.POST)
    if scenario.status != ScenarioStatus.DRAFT:
        messages.error(request, _("The scenario is already committed or superseded."))
    elif run is None or not run.has_plan:
        messages.error(request, _("Solve the scenario and get a plan before committing it."))
    elif not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    else:
        try:
            commit_scenario(
                scenario=scenario,
                run=run,
                user=request.user,
                expected_version=form.cleaned_data["version"],
                body=form.cleaned_data.get("body"),
            )
        except StaleObjectError:
            messages.error(request, str(STALE_MESSAGE))
        except MandateError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The scenario is now the strategy's action plan."))
            return redirect(
                "portfolio:action_plan", request.organisation.slug, scenario.strategy_id
            )
    return redirect("portfolio:scenario", request.organisation.slug, scenario.pk)


@org_required(Perm.VIEW)
def problem_json(request: HttpRequest, scenario_id: int, run_id: int) -> HttpResponse:
    """The exact problem a run solved, to reproduce it with `styr optimize`."""
    run = _run(request, _scenario(request, scenario_id), run_id)
    response = HttpResponse(
        json.dumps(run.problem, ensure_ascii=False, indent=1), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="scenario-{scenario_id}-{run.pk}.json"'
    return response


@org_required(Perm.VIEW)
def compare(request: HttpRequest) -> HttpResponse:
    """Two or more scenarios side by side: value, cost, capacity use and what changed."""
    ids = [int(i) for i in request.GET.getlist("s") if i.isdigit()][:6]
    scenarios = list(Scenario.objects.for_org(request.organisation).filter(pk__in=ids))
    currency = request.organisation.currency
    columns = []
    for scenario in scenarios:
        ctx = result_context(scenario.latest_run(RunKind.SOLVE, problem=False), currency)
        result = ctx.get("result")
        chosen = {s["id"]: s for s in result["selected"]} if result else {}
        columns.append({"scenario": scenario, "ctx": ctx, "chosen": chosen})
    labels: dict = {}
    for col in columns:
        if col["ctx"].get("run"):
            labels.update(col["ctx"]["run"].labels)
    all_ids = sorted({i for col in columns for i in col["chosen"]})
    rows = []
    for ident in all_ids:
        cells = []
        for col in columns:
            chosen = col["chosen"].get(ident)
            periods = col["ctx"]["run"].periods if chosen else []
            cells.append(
                {"variant": variant_label(chosen["variant"]), "year": periods[chosen["start"]]}
                if chosen
                else None
            )
        keys = {(c["variant"], c["year"]) if c else None for c in cells}
        rows.append(
            {"id": ident, "label": labels.get(ident, {}), "cells": cells, "changed": len(keys) > 1}
        )
    usage_names: list[str] = []
    for col in columns:
        for row in col["ctx"].get("usage", []):
            if row["label"] not in usage_names:
                usage_names.append(row["label"])
    usage = []
    for name in usage_names:
        lines = []
        for col in columns:
            found = next((r for r in col["ctx"].get("usage", []) if r["label"] == name), None)
            lines.append((col["scenario"].name, found["cells"] if found else None))
        usage.append((name, lines))
    return render(
        request,
        "portfolio/compare.html",
        {
            "columns": columns,
            "rows": rows,
            "usage": usage,
            "all_scenarios": Scenario.objects.for_org(request.organisation),
            "chosen_ids": ids,
        },
    )


@org_required(Perm.VIEW)
def action_plan(request: HttpRequest, strategy_id: int) -> HttpResponse:
    """The strategy's action plan (handleplan): the committed scenario's plan by year."""
    strategy = get_object_or_404(Strategy.objects.for_org(request.organisation), pk=strategy_id)
    scenario = (
        Scenario.objects.for_org(request.organisation)
        .filter(strategy=strategy, status=ScenarioStatus.COMMITTED)
        .select_related("committed_run", "committed_by")
        .first()
    )
    context = {"strategy": strategy, "scenario": scenario}
    if scenario is not None:
        context.update(result_context(scenario.committed_run, request.organisation.currency))
    return render(request, "portfolio/action_plan.html", context)
