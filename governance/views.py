"""Governance pages: bodies with members and mandates, and the decision log."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.versioning import StaleObjectError, refused_as_stale
from core.views import download_name, form_page, save_form_page, xlsx_response
from core.xlsx import DATE_FORMAT, add_sheet, append, streamed_workbook, workbook_file
from initiatives.models import Initiative
from organisations.access import org_required
from organisations.permissions import Perm
from strategy.models import Strategy

from .forms import BodyForm, DecisionForm, MandateForm, MemberForm, StrategyStatusForm
from .models import Body, BodyMember, Decision, DecisionKind, Mandate, Outcome
from .services import MandateError, create_defaults, record_decision, set_strategy_status


def _body(request: HttpRequest, body_id: int) -> Body:
    return get_object_or_404(Body.objects.for_org(request.organisation), pk=body_id)


@org_required(Perm.VIEW)
def bodies(request: HttpRequest) -> HttpResponse:
    items = Body.objects.for_org(request.organisation).prefetch_related("members__user", "mandates")
    return render(
        request,
        "governance/bodies.html",
        {
            "bodies": items,
            "can_manage": request.membership.can(Perm.MANAGE_GOVERNANCE),
        },
    )


@org_required(Perm.MANAGE_GOVERNANCE)
@require_POST
def defaults(request: HttpRequest) -> HttpResponse:
    if create_defaults(request.organisation):
        messages.success(request, _("The default bodies and mandates were created."))
    return redirect("governance:bodies", request.organisation.slug)


@org_required(Perm.MANAGE_GOVERNANCE)
def body_edit(request: HttpRequest, body_id: int | None = None) -> HttpResponse:
    body = _body(request, body_id) if body_id else Body(organisation=request.organisation)
    return save_form_page(
        request,
        BodyForm(request.POST or None, instance=body),
        _("Edit body") if body.pk else _("New body"),
        reverse("governance:bodies", args=[request.organisation.slug]),
        _("The body was saved."),
    )


@org_required(Perm.MANAGE_GOVERNANCE)
@require_POST
def body_remove(request: HttpRequest, body_id: int) -> HttpResponse:
    """Remove a body that has taken no decision and held no meeting; one that has stays,
    so the log keeps who decided."""
    body = _body(request, body_id)
    if body.decisions.exists() or body.meetings.exists():
        messages.error(
            request,
            _("%(body)s has decisions or meetings in the log, so it stays. Remove its mandates.")
            % {"body": body},
        )
    else:
        body.delete()
        messages.success(request, _("The body was removed."))
    return redirect("governance:bodies", request.organisation.slug)


def _add_to_body(request: HttpRequest, body: Body, form, heading: str, message: str):
    """Save a member or mandate form as a part of the body, or show it again."""

    def prepare(part) -> None:
        part.body, part.organisation = body, request.organisation

    back = reverse("governance:bodies", args=[request.organisation.slug])
    return save_form_page(request, form, heading, back, message, prepare=prepare)


def _remove_from_body(request: HttpRequest, model, body_id: int, pk: int, message: str):
    body = _body(request, body_id)
    get_object_or_404(model.objects.for_org(request.organisation), pk=pk, body=body).delete()
    messages.success(request, message)
    return redirect("governance:bodies", request.organisation.slug)


@org_required(Perm.MANAGE_GOVERNANCE)
def member_add(request: HttpRequest, body_id: int) -> HttpResponse:
    body = _body(request, body_id)
    return _add_to_body(
        request,
        body,
        MemberForm(request.POST or None, body=body),
        _("Add a member to %(body)s") % {"body": body},
        _("The member was added."),
    )


@org_required(Perm.MANAGE_GOVERNANCE)
@require_POST
def member_remove(request: HttpRequest, body_id: int, member_id: int) -> HttpResponse:
    return _remove_from_body(request, BodyMember, body_id, member_id, _("The member was removed."))


@org_required(Perm.MANAGE_GOVERNANCE)
def mandate_add(request: HttpRequest, body_id: int) -> HttpResponse:
    body = _body(request, body_id)
    return _add_to_body(
        request,
        body,
        MandateForm(request.POST or None),
        _("Give %(body)s a mandate") % {"body": body},
        _("The mandate was added."),
    )


@org_required(Perm.MANAGE_GOVERNANCE)
@require_POST
def mandate_remove(request: HttpRequest, body_id: int, mandate_id: int) -> HttpResponse:
    return _remove_from_body(request, Mandate, body_id, mandate_id, _("The mandate was removed."))


def _filtered(request: HttpRequest):
    qs = Decision.objects.for_org(request.organisation).select_related(
        "body", "initiative", "recorded_by"
    )
    get = request.GET
    if get.get("body", "").isdigit():
        qs = qs.filter(body_id=int(get["body"]))
    if get.get("initiative", "").isdigit():
        qs = qs.filter(initiative__number=int(get["initiative"]))
    if get.get("kind") in DecisionKind.values:
        qs = qs.filter(kind=get["kind"])
    if get.get("outcome") in Outcome.values:
        qs = qs.filter(outcome=get["outcome"])
    return qs


DECISIONS_PER_PAGE = 50


@org_required(Perm.VIEW)
def decisions(request: HttpRequest) -> HttpResponse:
    """The decision log, for the organisation or filtered to a body, initiative, kind, outcome;
    50 decisions a page, newest first."""
    page = Paginator(_filtered(request), DECISIONS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "governance/decisions.html",
        {
            "decisions": page.object_list,
            "page": page,
            "page_query": query.urlencode(),
            "bodies": Body.objects.for_org(request.organisation),
            "kinds": DecisionKind.choices,
            "outcomes": Outcome.choices,
            "query": request.GET.urlencode(),
            "selected": request.GET,
            "can_record": request.membership.can(Perm.RECORD_DECISIONS),
        },
    )


@org_required(Perm.VIEW)
def decisions_export(request: HttpRequest) -> HttpResponse:
    wb = streamed_workbook()
    ws = add_sheet(
        wb,
        _("Decisions"),
        [
            _("Date"),
            _("Body"),
            _("Decision"),
            _("Initiative"),
            _("Title"),
            _("Outcome"),
            _("Amount"),
            _("Rationale"),
            _("Conditions"),
            _("Lessons learned"),
            _("Recorded by"),
            _("Recorded at"),
        ],
        [12, 20, 24, 10, 40, 14, 14, 40, 30, 30, 20, 18],
    )
    for d in _filtered(request).iterator(chunk_size=1000):
        append(
            ws,
            [
                d.decided_on,
                str(d.body),
                d.get_kind_display(),
                d.initiative.reference if d.initiative else "",
                d.title,
                d.get_outcome_display(),
                float(d.amount) if d.amount is not None else None,
                d.rationale,
                d.conditions,
                d.lessons,
                str(d.recorded_by or ""),
                timezone.localtime(d.recorded_at).replace(tzinfo=None),
            ],
            formats={0: DATE_FORMAT, 11: "yyyy-mm-dd hh:mm"},
        )
    return xlsx_response(workbook_file(wb), download_name(_("decisions"), ext="xlsx"))


@org_required(Perm.RECORD_DECISIONS)
def decision_create(request: HttpRequest) -> HttpResponse:
    initial = {"decided_on": datetime.date.today()}
    number = request.GET.get("initiative", "")
    if number.isdigit():
        initiative = (
            Initiative.objects.for_org(request.organisation).filter(number=int(number)).first()
        )
        if initiative is not None:
            initial["initiative"] = initiative
    form = DecisionForm(request.POST or None, organisation=request.organisation, initial=initial)
    back = reverse("governance:decisions", args=[request.organisation.slug])
    if request.method == "POST" and form.is_valid():
        decision = form.save(commit=False)
        decision.organisation = request.organisation
        try:
            record_decision(decision=decision, user=request.user)
        except MandateError as exc:  # a mandate removed since the form was checked
            form.add_error("body", str(exc))
        else:
            messages.success(request, _("The decision was recorded in the log."))
            return redirect(back)
    return form_page(
        request,
        form,
        _("Record a decision"),
        back,
        status=400 if form.errors else 200,
        intro=_("A decision can only be recorded for a body that holds the mandate for it."),
    )


@org_required(Perm.APPROVE_STRATEGY)
def strategy_status(request: HttpRequest, pk: int) -> HttpResponse:
    """Change the strategy's status; approving it is the decision of the body with the
    mandate (normally the council) once the organisation has bodies."""
    strategy = get_object_or_404(Strategy.objects.for_org(request.organisation), pk=pk)
    form = StrategyStatusForm(
        request.POST or None,
        organisation=request.organisation,
        current=strategy.status,
        initial={"status": strategy.status, "version": strategy.version},
    )
    back = reverse("strategy:detail", args=[request.organisation.slug, strategy.pk])
    status = 400 if form.is_bound else 200
    if request.method == "POST" and form.is_valid():
        try:
            set_strategy_status(
                strategy=strategy,
                status=form.cleaned_data["status"],
                body=form.cleaned_data.get("body"),
                user=request.user,
                expected_version=form.cleaned_data["version"],
            )
        except StaleObjectError:
            status = refused_as_stale(form)
        else:
            messages.success(
                request,
                _("The strategy is now %(status)s.") % {"status": strategy.get_status_display()},
            )
            return redirect(back)
    return form_page(
        request,
        form,
        _("Status of %(title)s") % {"title": strategy.title},
        back,
        status=status,
        submit_label=_("Change status"),
    )
