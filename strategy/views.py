"""Strategy pages: the list, and one page with the whole tree edited in place.

Every edit view serves a full page (works without JavaScript) and, for htmx, only its
form fragment; after a successful htmx save the whole tree is sent back and swapped in.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import F, Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from core.models import Change
from core.versioning import (
    StaleObjectError,
    delete_recorded,
    refused_as_stale,
    save_versioned,
)
from organisations.access import org_required, require
from organisations.permissions import Perm

from .forms import (
    PART_KINDS,
    SECTION_FIELDS,
    SECTION_TITLES,
    StrategyForm,
    strategy_section_form,
)
from .models import FocusArea, FocusAreaGoal, Strategy, Theme


def _get_strategy(request: HttpRequest, pk: int) -> Strategy:
    return get_object_or_404(Strategy.objects.for_org(request.organisation), pk=pk)


def _get_writable_strategy(request: HttpRequest, pk: int) -> Strategy:
    require(request, Perm.EDIT_STRATEGY)
    strategy = _get_strategy(request, pk)
    if strategy.is_read_only:
        raise PermissionDenied(_("An archived strategy is read-only."))
    return strategy


@org_required(Perm.VIEW)
def strategy_list(request: HttpRequest) -> HttpResponse:
    strategies = Strategy.objects.for_org(request.organisation)
    return render(
        request,
        "strategy/list.html",
        {
            "strategies": strategies,
            "can_edit": request.membership.can(Perm.EDIT_STRATEGY),
            "can_publish": request.membership.can(Perm.PUBLISH_STRATEGY),
        },
    )


@org_required(Perm.EDIT_STRATEGY)
def strategy_create(request: HttpRequest) -> HttpResponse:
    form = StrategyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        strategy = save_versioned(
            form,
            user=request.user,
            expected_version=None,
            prepare=lambda s: setattr(s, "organisation", request.organisation),
        )
        messages.success(request, _("The strategy was created."))
        return redirect("strategy:detail", request.organisation.slug, strategy.pk)
    return render(request, "strategy/create.html", {"form": form})


def tree_context(request: HttpRequest, strategy: Strategy) -> dict:
    # Initiatives sit a layer above the strategy (they serve its focus areas and goals):
    # the page reaches them through that relation rather than an import.
    Initiative = FocusArea.initiatives.rel.related_model
    # Scoped to the organisation although the relation already is: the database can then
    # use the organisation's index instead of reading every organisation's initiatives.
    initiatives = (
        Initiative.objects.for_org(request.organisation)
        .only("id", "number", "title", "track", "stage")
        .order_by("number")
    )
    focus_areas = FocusArea.objects.order_by("order", "id").prefetch_related(
        Prefetch(
            "goals",
            queryset=FocusAreaGoal.objects.order_by("target_date", "id").prefetch_related(
                "measurements"
            ),
        )
    )
    themes = list(strategy.themes.prefetch_related(Prefetch("focus_areas", queryset=focus_areas)))
    business_goals = list(strategy.business_goals.all())
    # The initiatives serving each focus area and business goal: one query per relation,
    # one plain row per link, rather than two prefetches building a model instance and its
    # cache per link (a strategy of 300 initiatives links each of them twice).
    by_focus_area = (
        initiatives.filter(focus_areas__theme__strategy=strategy)
        .annotate(part=F("focus_areas__id"))
        .links("part")
    )
    by_goal = (
        initiatives.filter(business_goals__strategy=strategy)
        .annotate(part=F("business_goals__id"))
        .links("part")
    )
    for theme in themes:
        for fa in theme.focus_areas.all():
            fa.linked = by_focus_area.get(fa.pk, [])
    for goal in business_goals:
        goal.linked = by_goal.get(goal.pk, [])
    can_edit = request.membership.can(Perm.EDIT_STRATEGY) and not strategy.is_read_only
    return {
        "strategy": strategy,
        "business_goals": business_goals,
        "themes": themes,
        "unlinked": Initiative.objects.for_org(request.organisation)
        .filter(focus_areas__isnull=True)
        .exclude(stage__in=["closed", "stopped"])
        .only("id", "number", "title")[:50],
        "can_edit": can_edit,
        "can_approve": request.membership.can(Perm.APPROVE_STRATEGY),
        "history": Change.for_page(strategy)[:15],
    }


@org_required(Perm.VIEW)
def strategy_detail(request: HttpRequest, pk: int) -> HttpResponse:
    strategy = _get_strategy(request, pk)
    template = "strategy/detail.html"
    if request.htmx:
        template += "#tree"
    return render(request, template, tree_context(request, strategy))


def _tree_response(request: HttpRequest, strategy: Strategy, anchor: str = "") -> HttpResponse:
    """After a save: the tree fragment for htmx, a redirect back to the page otherwise."""
    if request.htmx:
        response = render(request, "strategy/detail.html#tree", tree_context(request, strategy))
        response["HX-Retarget"] = "#strategy-tree"
        response["HX-Reswap"] = "outerHTML"
        return response
    url = reverse("strategy:detail", args=[request.organisation.slug, strategy.pk])
    return redirect(f"{url}#{anchor}" if anchor else url)


def _form_response(request, context: dict, status: int = 200) -> HttpResponse:
    template = "strategy/edit.html"
    if request.htmx:
        # htmx swaps only 2xx responses: errors are shown in the swapped form instead.
        template += "#form"
        status = 200
    return render(request, template, context, status=status)


@org_required(Perm.VIEW)
def section_edit(request: HttpRequest, pk: int, section: str) -> HttpResponse:
    if section not in SECTION_FIELDS:
        raise Http404
    strategy = _get_writable_strategy(request, pk)
    form_class = strategy_section_form(section)
    form = form_class(request.POST or None, instance=strategy)
    context = {
        "form": form,
        "strategy": strategy,
        "heading": SECTION_TITLES[section],
        "action": request.path,
        "target": f"section-{section}",
    }
    if request.method == "POST":
        if form.is_valid():
            try:
                save_versioned(
                    form, user=request.user, expected_version=form.cleaned_data["version"]
                )
            except StaleObjectError:
                return _form_response(request, context, status=refused_as_stale(form))
            return _tree_response(request, strategy, f"section-{section}")
        return _form_response(request, context)
    return _form_response(request, context)


def _part_queryset(request: HttpRequest, strategy: Strategy, kind: str):
    model, _form = PART_KINDS[kind]
    qs = model.objects.for_org(request.organisation)
    if model is FocusAreaGoal:
        return qs.filter(focus_area__strategy=strategy)
    return qs.filter(strategy=strategy)


def _part_form(kind: str, strategy: Strategy, *args, **kwargs):
    model, form_class = PART_KINDS[kind]
    if kind in ("focus-areas", "measurable-goals"):
        return form_class(*args, strategy=strategy, **kwargs)
    return form_class(*args, **kwargs)


PART_HEADINGS = {
    "business-goals": (_("Add a business goal"), _("Edit business goal")),
    "themes": (_("Add a theme"), _("Edit theme")),
    "focus-areas": (_("Add a focus area"), _("Edit focus area")),
    "measurable-goals": (_("Add a measurable goal"), _("Edit measurable goal")),
}


@org_required(Perm.VIEW)
def part_edit(request: HttpRequest, pk: int, kind: str, part_pk: int | None = None) -> HttpResponse:
    if kind not in PART_KINDS:
        raise Http404
    strategy = _get_writable_strategy(request, pk)
    instance = None
    if part_pk is not None:
        instance = get_object_or_404(_part_queryset(request, strategy, kind), pk=part_pk)
    initial = {}
    if kind == "measurable-goals" and request.GET.get("focus_area"):
        initial["focus_area"] = request.GET["focus_area"]
    if kind == "focus-areas" and request.GET.get("theme"):
        initial["theme"] = request.GET["theme"]
    form = _part_form(kind, strategy, request.POST or None, instance=instance, initial=initial)
    add_heading, edit_heading = PART_HEADINGS[kind]
    context = {
        "form": form,
        "strategy": strategy,
        "heading": edit_heading if instance else add_heading,
        "action": request.get_full_path(),
        "target": f"{kind}-{part_pk}" if instance else f"{kind}-add",
    }
    if request.method == "POST":
        if form.is_valid():

            def prepare(obj):
                obj.organisation = request.organisation
                if kind != "measurable-goals":
                    obj.strategy = strategy

            expected = form.cleaned_data.get("version") if instance else None
            try:
                obj = save_versioned(
                    form,
                    user=request.user,
                    expected_version=expected,
                    parent=strategy,
                    prepare=prepare,
                )
            except StaleObjectError:
                return _form_response(request, context, status=refused_as_stale(form))
            return _tree_response(request, strategy, f"{kind}-{obj.pk}")
        return _form_response(request, context)
    return _form_response(request, context)


@org_required(Perm.VIEW)
def part_delete(request: HttpRequest, pk: int, kind: str, part_pk: int) -> HttpResponse:
    if kind not in PART_KINDS:
        raise Http404
    strategy = _get_writable_strategy(request, pk)
    obj = get_object_or_404(_part_queryset(request, strategy, kind), pk=part_pk)
    blocked = isinstance(obj, Theme) and obj.focus_areas.exists()
    if request.method == "POST" and not blocked:
        delete_recorded(obj, user=request.user, parent=strategy)
        messages.success(request, _("%(item)s was deleted.") % {"item": obj})
        return _tree_response(request, strategy)
    template = "strategy/delete.html"
    if request.htmx:
        template += "#confirm"
    return render(
        request,
        template,
        {"obj": obj, "strategy": strategy, "blocked": blocked},
    )


@org_required(Perm.VIEW)
def history(request: HttpRequest, pk: int) -> HttpResponse:
    strategy = _get_strategy(request, pk)
    return render(
        request,
        "strategy/history.html",
        {"strategy": strategy, "history": Change.for_page(strategy)[:500]},
    )
