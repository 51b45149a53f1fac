"""The joint mandatory solutions: one list for every organisation on the server, kept by a
platform administrator (a site-wide role, `User.is_platform_admin`); an organisation adds
one to its portfolio in one step. Across organisations only counts are shown, and only
from MIN_ORGANISATIONS up."""

from __future__ import annotations

from collections import Counter

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.views import save_form_page
from initiatives.tracks import Ambition, Stage
from organisations.access import org_required
from organisations.permissions import Perm

from . import services
from .forms import JointSolutionForm
from .models import JointSolution, JointSolutionUse

MIN_ORGANISATIONS = 5
STAGE_GROUPS = (
    (Stage.CLARIFY, gettext_lazy("Clarification")),
    (Stage.PILOT, gettext_lazy("Pilot")),
    (Stage.IMPLEMENTATION, gettext_lazy("Implementation")),
)


def spread(solution_ids) -> dict[int, dict]:
    """Per solution: how many organisations use it, and (from MIN_ORGANISATIONS up) how
    many chose each ambition and are in each stage. Counts only, never names."""
    rows = JointSolutionUse.objects.filter(solution_id__in=solution_ids).values_list(
        "solution_id", "initiative__ambition", "initiative__stage"
    )
    by_solution: dict[int, list] = {}
    for solution_id, ambition, stage in rows:
        by_solution.setdefault(solution_id, []).append((ambition, stage))
    out = {}
    for solution_id, uses in by_solution.items():
        shown = len(uses) >= MIN_ORGANISATIONS
        ambitions, stages = Counter(a for a, _s in uses), Counter(s for _a, s in uses)
        out[solution_id] = {
            "organisations": len(uses),
            "shown": shown,
            "ambitions": [(label, ambitions.get(value, 0)) for value, label in Ambition.choices]
            if shown
            else [],
            "stages": [(label, stages.get(value, 0)) for value, label in STAGE_GROUPS]
            if shown
            else [],
        }
    return out


@org_required(Perm.VIEW)
def solutions(request: HttpRequest) -> HttpResponse:
    items = list(JointSolution.objects.all())
    mine = dict(
        JointSolutionUse.objects.filter(organisation=request.organisation).values_list(
            "solution_id", "initiative__number"
        )
    )
    figures = spread([s.pk for s in items])
    return render(
        request,
        "catalogue/joint.html",
        {
            "rows": [(s, figures.get(s.pk), mine.get(s.pk)) for s in items],
            "minimum": MIN_ORGANISATIONS,
            "can_use": request.membership.can(Perm.CREATE_INITIATIVE),
            "is_platform_admin": request.user.is_platform_admin,
        },
    )


@org_required(Perm.CREATE_INITIATIVE)
@require_POST
def use(request: HttpRequest, solution_id: int) -> HttpResponse:
    solution = get_object_or_404(JointSolution, pk=solution_id)
    try:
        initiative = services.use_joint_solution(
            solution=solution,
            organisation=request.organisation,
            membership=request.membership,
            user=request.user,
        )
    except services.CatalogueError as refused:
        messages.error(request, str(refused))
        return redirect("catalogue:joint", request.organisation.slug)
    messages.success(
        request,
        _(
            "%(solution)s is in your portfolio as %(i)s, at medium ambition until the body "
            "with the mandate decides its level."
        )
        % {"solution": solution, "i": initiative.reference},
    )
    return redirect("initiatives:detail", request.organisation.slug, initiative.number)


@org_required(Perm.VIEW)
def edit(request: HttpRequest, solution_id: int | None = None) -> HttpResponse:
    if not request.user.is_platform_admin:
        raise PermissionDenied
    solution = get_object_or_404(JointSolution, pk=solution_id) if solution_id else None
    return save_form_page(
        request,
        JointSolutionForm(request.POST or None, instance=solution),
        _("Edit the joint solution") if solution else _("New joint solution"),
        reverse("catalogue:joint", args=[request.organisation.slug]),
        _("The joint solution was saved."),
    )
