"""The strategy's versions: the two-step approval (the executive board recommends, the
council approves), the frozen versions and what changed between two, the documents, the
publication, and the published strategy on the intranet."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from core.views import attachment, download_name
from governance.models import DecisionKind
from governance.services import MandateError
from organisations.access import org_required
from organisations.permissions import Perm
from strategy.models import Strategy

from . import compare, documents, pages, services, snapshot
from .forms import PublicPageForm, PublishForm, StepForm
from .models import PublicPage, StrategyVersion, VersionStatus

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PART_LABELS = {
    "strategy": gettext_lazy("Strategy"),
    "business_goal": gettext_lazy("Business goal"),
    "theme": gettext_lazy("Theme"),
    "focus_area": gettext_lazy("Focus area"),
    "goal": gettext_lazy("Measurable goal"),
    "initiative": gettext_lazy("Action plan"),
}
CHANGE_LABELS = {
    "added": gettext_lazy("added"),
    "removed": gettext_lazy("removed"),
    "changed": gettext_lazy("changed"),
}
FIELD_LABELS = {
    "title": gettext_lazy("title"),
    "period_start": gettext_lazy("first year"),
    "period_end": gettext_lazy("last year"),
    "vision": gettext_lazy("vision"),
    "governance": gettext_lazy("governance"),
    "it_architecture": gettext_lazy("IT and architecture"),
    "for_employees": gettext_lazy("what it means for employees"),
    "for_leaders": gettext_lazy("what it means for leaders"),
    "for_citizens": gettext_lazy("what it means for citizens"),
    "source": gettext_lazy("source"),
    "description": gettext_lazy("description"),
    "indicator": gettext_lazy("indicator"),
    "unit": gettext_lazy("unit"),
    "baseline": gettext_lazy("baseline"),
    "target": gettext_lazy("target"),
    "target_date": gettext_lazy("target date"),
    "start": gettext_lazy("start year"),
    "variant": gettext_lazy("ambition variant"),
}


def _strategy(request: HttpRequest, pk: int) -> Strategy:
    return get_object_or_404(Strategy.objects.for_org(request.organisation), pk=pk)


def _versions(strategy: Strategy):
    return strategy.versions.select_related("recommendation__body", "approval__body")


def _version(strategy: Strategy, number: int) -> StrategyVersion:
    return get_object_or_404(_versions(strategy), number=number)


@org_required(Perm.VIEW)
def versions(request: HttpRequest, pk: int) -> HttpResponse:
    strategy = _strategy(request, pk)
    org = request.organisation
    all_versions = list(_versions(strategy))
    waiting = next((v for v in all_versions if v.status == VersionStatus.RECOMMENDED), None)
    approved = next((v for v in all_versions if v.status == VersionStatus.APPROVED), None)
    can_decide = request.membership.can(Perm.APPROVE_STRATEGY)
    can_publish = request.membership.can(Perm.PUBLISH_STRATEGY)
    return render(
        request,
        "publication/versions.html",
        {
            "strategy": strategy,
            "versions": all_versions,
            "waiting": waiting,
            "approved": approved,
            "can_decide": can_decide and not strategy.is_read_only,
            "can_publish": can_publish,
            # Only for those who take the steps: each form looks up the bodies and mandates.
            "recommend_form": StepForm(organisation=org, kind=DecisionKind.RECOMMEND_STRATEGY)
            if can_decide
            else None,
            "approve_form": StepForm(organisation=org, kind=DecisionKind.APPROVE_STRATEGY)
            if can_decide and waiting
            else None,
            "publish_form": PublishForm(
                initial={"intranet": approved.intranet, "public": approved.public}
            )
            if approved
            else None,
        },
    )


def _take_step(request, strategy, kind: str, heading: str, step, success) -> HttpResponse:
    """One step of the approval from its form: the body (within its mandate) and the
    rationale; `step(body, rationale)` records it, `success(result)` is the message. A
    refusal is shown on the step's page and nothing is saved."""
    form = StepForm(request.POST, organisation=request.organisation, kind=kind)
    if form.no_bodies:
        form.add_error(
            None, _("Set up the bodies and their mandates on the governance page first.")
        )
    if form.is_valid():
        try:
            result = step(form.cleaned_data["body"], form.cleaned_data["rationale"])
        except (MandateError, services.ApprovalError) as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, success(result))
            return redirect("publication:versions", request.organisation.slug, strategy.pk)
    return render(
        request,
        "publication/step.html",
        {"strategy": strategy, "form": form, "heading": heading},
        status=400,
    )


@org_required(Perm.APPROVE_STRATEGY)
@require_POST
def recommend(request: HttpRequest, pk: int) -> HttpResponse:
    strategy = _strategy(request, pk)
    return _take_step(
        request,
        strategy,
        DecisionKind.RECOMMEND_STRATEGY,
        _("The executive board's recommendation"),
        lambda body, rationale: services.recommend(
            strategy=strategy, body=body, user=request.user, rationale=rationale
        ),
        lambda version: (
            _("Version %(n)d is frozen and recommended. The council can now approve it.")
            % {"n": version.number}
        ),
    )


@org_required(Perm.APPROVE_STRATEGY)
@require_POST
def approve(request: HttpRequest, pk: int, version_number: int) -> HttpResponse:
    strategy = _strategy(request, pk)
    version = _version(strategy, version_number)
    return _take_step(
        request,
        strategy,
        DecisionKind.APPROVE_STRATEGY,
        _("The council's approval"),
        lambda body, rationale: services.approve(
            version=version, body=body, user=request.user, rationale=rationale
        ),
        lambda _result: _("Version %(n)d is approved.") % {"n": version.number},
    )


@org_required(Perm.APPROVE_STRATEGY)
@require_POST
def withdraw(request: HttpRequest, pk: int, version_number: int) -> HttpResponse:
    strategy = _strategy(request, pk)
    try:
        services.withdraw(version=_version(strategy, version_number), user=request.user)
    except services.ApprovalError as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("The recommendation was withdrawn."))
    return redirect("publication:versions", request.organisation.slug, strategy.pk)


@org_required(Perm.PUBLISH_STRATEGY)
@require_POST
def publish(request: HttpRequest, pk: int, version_number: int) -> HttpResponse:
    strategy = _strategy(request, pk)
    version = _version(strategy, version_number)
    form = PublishForm(request.POST)
    form.is_valid()  # two check boxes: always valid
    try:
        services.publish(
            version=version,
            intranet=form.cleaned_data.get("intranet", False),
            public=form.cleaned_data.get("public", False),
            user=request.user,
        )
    except services.ApprovalError as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("What is published was saved."))
    return redirect("publication:versions", request.organisation.slug, strategy.pk)


def _snapshot_context(request, version: StrategyVersion | None, snap: dict) -> dict:
    return pages.context(request.organisation, version, snap, amounts=True, people=True)


@org_required(Perm.VIEW)
@require_safe
def version_detail(request: HttpRequest, pk: int, version_number: int) -> HttpResponse:
    strategy = _strategy(request, pk)
    version = _version(strategy, version_number)
    context = _snapshot_context(request, version, version.snapshot)
    context["strategy"] = strategy
    return render(request, "publication/version.html", context)


@org_required(Perm.VIEW)
def published(request: HttpRequest) -> HttpResponse:
    """The strategy published on the intranet, for every member."""
    version = (
        StrategyVersion.objects.for_org(request.organisation)
        .on_intranet()
        .select_related("strategy", "recommendation__body", "approval__body")
        .first()
    )
    if version is None:
        return render(request, "publication/published.html", {"version": None})
    context = _snapshot_context(request, version, version.snapshot)
    context["strategy"] = version.strategy
    return render(request, "publication/published.html", context)


def _side(strategy: Strategy, key: str) -> tuple[str, dict]:
    if key in ("", "draft"):
        return _("the draft now"), snapshot.take(strategy, for_comparison=True)
    if not key.isdigit():
        raise Http404
    version = _version(strategy, int(key))
    return _("version %(n)d") % {"n": version.number}, version.snapshot


@org_required(Perm.VIEW)
def compare_versions(request: HttpRequest, pk: int) -> HttpResponse:
    """What changed between two versions, or between a version and the draft now."""
    strategy = _strategy(request, pk)
    numbers = list(strategy.versions.values_list("number", flat=True))
    if not numbers:
        raise Http404
    a = request.GET.get("a") or str(numbers[0])
    b = request.GET.get("b") or "draft"
    a_label, old = _side(strategy, a)
    b_label, new = _side(strategy, b)
    rows = [
        {
            "part": PART_LABELS.get(d.part, d.part),
            "name": d.name,
            "change": CHANGE_LABELS[d.change],
            "field": FIELD_LABELS.get(d.field, d.field),
            "before": d.before,
            "after": d.after,
        }
        for d in compare.differences(old, new)
    ]
    return render(
        request,
        "publication/compare.html",
        {
            "strategy": strategy,
            "rows": rows,
            "a": a,
            "b": b,
            "a_label": a_label,
            "b_label": b_label,
            "choices": [("draft", _("the draft now"))]
            + [(str(n), _("version %(n)d") % {"n": n}) for n in numbers],
        },
    )


def document_response(source: documents.Source, kind: str, fmt: str, name: str) -> HttpResponse:
    """A strategy note or short version as PDF or Word (shared by the public page)."""
    if kind == "short":
        data = documents.short_data(source)
        content = documents.short_pdf(data) if fmt == "pdf" else documents.short_docx(data)
    else:
        data = documents.note_data(source)
        content = documents.note_pdf(data) if fmt == "pdf" else documents.note_docx(data)
    response = HttpResponse(content, content_type=PDF if fmt == "pdf" else DOCX)
    return attachment(response, download_name(name, ext=fmt))


@org_required(Perm.VIEW)
def document(
    request: HttpRequest,
    pk: int,
    document: str,
    fmt: str,
    version_number: int | None = None,
) -> HttpResponse:
    kind = document
    if kind not in ("note", "short") or fmt not in ("pdf", "docx"):
        raise Http404
    strategy = _strategy(request, pk)
    version = _version(strategy, version_number) if version_number is not None else None
    snap = version.snapshot if version else snapshot.take(strategy)
    name = (
        strategy.title
        if kind == "note"
        else _("%(title)s, short version") % {"title": strategy.title}
    )
    return document_response(pages.source(version, snap, request.organisation), kind, fmt, name)


@org_required(Perm.PUBLISH_STRATEGY)
def public_settings(request: HttpRequest) -> HttpResponse:
    """What the public page shows besides the strategy: amounts, names of people, and the
    link to the organisation's accessibility statement."""
    org = request.organisation
    page = PublicPage.objects.for_org(org).first() or PublicPage(organisation=org)
    form = PublicPageForm(request.POST or None, instance=page)
    if request.method == "POST" and form.is_valid():
        form.save()
        services.forget_public_page(org)
        messages.success(request, _("The public page's settings were saved."))
        return redirect("publication:settings", org.slug)
    published = (
        StrategyVersion.objects.for_org(org)
        .filter(status=VersionStatus.APPROVED)
        .select_related("strategy")
    )
    return render(
        request,
        "publication/settings.html",
        {"form": form, "published": published},
        status=400 if form.errors else 200,
    )
