"""Stage gates and stops of one initiative, and the office's gate checklists."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.views import form_page, save_form_page
from initiatives.access import get_initiative
from initiatives.models import Initiative
from initiatives.tracks import Ambition, Stage, Track
from organisations.access import org_required
from organisations.permissions import Perm

from . import gates
from .forms import AmbitionForm, GateCheckForm, GateForm, StopForm, decided
from .models import Decision, GateCheck
from .services import (
    holders,
    pass_gate,
    set_ambition,
    stop_initiative,
)


def _decision_form(form_class, request: HttpRequest, initiative: Initiative, kind: str, **kw):
    """A decision form about the initiative, dated today, proposing the body with the
    mandate."""
    initial = {"decided_on": datetime.date.today()} | kw.pop("initial", {})
    if "body" not in initial:
        initial["body"] = _first_holder(initiative, kind)
    return form_class(
        request.POST or None,
        instance=Decision(organisation=request.organisation, initiative=initiative),
        initiative=initiative,
        initial=initial,
        **kw,
    )


def _first_holder(initiative: Initiative, kind: str):
    found = holders(initiative.organisation, kind, initiative.track)
    return found[0].pk if found else None


@org_required(Perm.VIEW)
def gate(request: HttpRequest, number: int) -> HttpResponse:
    """The gate out of the initiative's stage: required artefacts, checklist and decision."""
    initiative = get_initiative(request, number)
    choices = gates.NEXT_STAGES.get(initiative.stage, ())
    if not choices:
        return render(
            request,
            "governance/gate.html",
            {"initiative": initiative, "no_gate": True},
        )
    to_stage = request.GET.get("to") or request.POST.get("to") or choices[0]
    if to_stage not in choices:
        raise Http404
    points = gates.checklist(initiative, to_stage)
    missing = gates.missing_artefacts(initiative, to_stage)
    allowed = holders(request.organisation, "pass_gate", initiative.track)
    can_decide = request.membership.can(Perm.RECORD_DECISIONS)
    form = None
    status = 200
    if can_decide:
        form = _decision_form(
            GateForm,
            request,
            initiative,
            "pass_gate",
            points=points,
            initial={"body": allowed[0].pk if allowed else None},
        )
        if request.method == "POST" and form.is_valid():
            decision = form.save(commit=False)
            decision.to_stage = to_stage
            decision.title = _("Stage gate: %(initiative)s into %(stage)s") % {
                "initiative": initiative.reference,
                "stage": Stage(to_stage).label,
            }
            done = set(form.cleaned_data["done"])
            if decided(form, lambda: pass_gate(decision=decision, done=done, user=request.user)):
                messages.success(request, _("The gate decision was recorded in the log."))
                return redirect("initiatives:detail", request.organisation.slug, number)
        if form.errors:
            status = 400
    elif request.method == "POST":
        raise Http404
    return render(
        request,
        "governance/gate.html",
        {
            "initiative": initiative,
            "to_stage": Stage(to_stage),
            "choices": [Stage(c) for c in choices],
            "points": points,
            "missing": missing,
            "form": form,
            "holders": allowed,
            "can_request": initiative.editable_by(request.membership),
            # Assessments sit layers above the gates: reach them through the initiative.
            "readiness": initiative.assessment_rounds.readiness_of(initiative),
            "can_assess": request.membership.can(Perm.RUN_ASSESSMENTS),
            "requested": initiative.agenda_items.filter(
                kind="gate", decision__isnull=True, to_stage=to_stage
            )
            .select_related("meeting", "body")
            .first(),
        },
        status=status,
    )


@org_required(Perm.RECORD_DECISIONS)
def stop(request: HttpRequest, number: int) -> HttpResponse:
    initiative = get_initiative(request, number)
    back = reverse("initiatives:detail", args=[request.organisation.slug, number])
    form = _decision_form(StopForm, request, initiative, "stop_initiative")
    if request.method == "POST" and form.is_valid():
        decision = form.save(commit=False)
        decision.title = _("Stop %(initiative)s") % {"initiative": initiative}
        if decided(form, lambda: stop_initiative(decision=decision, user=request.user)):
            messages.success(request, _("The initiative was stopped; the decision is in the log."))
            return redirect(back)
    intro = _(
        "Stopping is a decision too. Say why, and what the municipality learned: the lessons "
        "are kept with the decision for the next initiatives."
    )
    if initiative.track == Track.MUST_WIN:
        intro += " " + _(
            "A must-win challenge is stopped as soon as it shows it does not deliver (seed 002)."
        )
    return form_page(
        request,
        form,
        _("Stop %(initiative)s") % {"initiative": initiative},
        back,
        status=400 if form.errors else 200,
        intro=intro,
        submit_label=_("Stop the initiative"),
    )


@org_required(Perm.RECORD_DECISIONS)
def ambition(request: HttpRequest, number: int) -> HttpResponse:
    """A mandatory solution's ambition level, set by the body with the mandate."""
    initiative = get_initiative(request, number)
    back = reverse("initiatives:detail", args=[request.organisation.slug, number])
    if initiative.track != Track.MANDATORY:
        messages.error(request, _("Only a mandatory solution has an ambition level."))
        return redirect(back)
    form = _decision_form(
        AmbitionForm, request, initiative, "set_ambition", initial={"ambition": initiative.ambition}
    )
    if request.method == "POST" and form.is_valid():
        decision = form.save(commit=False)
        level = form.cleaned_data["ambition"]
        decision.title = _("Ambition of %(initiative)s: %(level)s") % {
            "initiative": initiative.reference,
            "level": Ambition(level).label,
        }
        if decided(
            form, lambda: set_ambition(decision=decision, ambition=level, user=request.user)
        ):
            messages.success(request, _("The ambition level was decided and logged."))
            return redirect(back)
    return form_page(
        request,
        form,
        _("Ambition level of %(initiative)s") % {"initiative": initiative},
        back,
        status=400 if form.errors else 200,
        intro=_(
            "The ambition level decides how early the municipality engages in a mandatory "
            "solution. It is a decision of the body with the mandate, and goes into the log."
        ),
        submit_label=_("Decide the ambition level"),
    )


@org_required(Perm.VIEW)
def checklists(request: HttpRequest) -> HttpResponse:
    points = GateCheck.objects.for_org(request.organisation)
    groups = [(stage, [p for p in points if p.to_stage == stage]) for stage in gates.GATE_STAGES]
    return render(
        request,
        "governance/checklists.html",
        {
            "groups": groups,
            "empty": not points,
            "can_manage": request.membership.can(Perm.MANAGE_GOVERNANCE),
        },
    )


@org_required(Perm.MANAGE_GOVERNANCE)
@require_POST
def checklist_defaults(request: HttpRequest) -> HttpResponse:
    if gates.create_default_checks(request.organisation):
        messages.success(request, _("The checklists from seed 001 were created."))
    return redirect("governance:checklists", request.organisation.slug)


@org_required(Perm.MANAGE_GOVERNANCE)
def checklist_edit(request: HttpRequest, point_id: int | None = None) -> HttpResponse:
    org = request.organisation
    point = (
        get_object_or_404(GateCheck.objects.for_org(org), pk=point_id)
        if point_id
        else GateCheck(organisation=org, position=GateCheck.objects.for_org(org).count())
    )
    return save_form_page(
        request,
        GateCheckForm(request.POST or None, instance=point),
        _("Edit the checklist point") if point.pk else _("Add a checklist point"),
        reverse("governance:checklists", args=[org.slug]),
        _("The point was saved."),
    )


@org_required(Perm.MANAGE_GOVERNANCE)
@require_POST
def checklist_remove(request: HttpRequest, point_id: int) -> HttpResponse:
    get_object_or_404(GateCheck.objects.for_org(request.organisation), pk=point_id).delete()
    messages.success(request, _("The point was removed."))
    return redirect("governance:checklists", request.organisation.slug)
