"""The office's pages: frameworks, rounds, respondents and links, results, the report, and
initiatives created from a finding. Respondents answer in answer_views.py."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.versioning import StaleObjectError, refused_as_stale, save_versioned
from core.views import attachment, download_name, form_page
from initiatives.access import get_initiative
from organisations.access import org_required
from organisations.permissions import Perm

from . import documents, services
from .charts import department_bars, radar
from .forms import (
    DimensionForm,
    FindingForm,
    FrameworkForm,
    GroupForm,
    InstallForm,
    NewFrameworkForm,
    RespondentsForm,
    RoundForm,
)
from .models import (
    Dimension,
    Framework,
    Participation,
    RespondentGroup,
    Round,
    Scope,
    TextAnswer,
)
from .results import free_texts, results


def _round(request: HttpRequest, round_id: int) -> Round:
    return get_object_or_404(
        Round.objects.for_org(request.organisation).select_related("framework", "initiative"),
        pk=round_id,
    )


def _framework(request: HttpRequest, framework_id: int) -> Framework:
    return get_object_or_404(Framework.objects.for_org(request.organisation), pk=framework_id)


@org_required(Perm.VIEW)
def index(request: HttpRequest) -> HttpResponse:
    rounds = (
        Round.objects.for_org(request.organisation)
        .select_related("framework", "initiative")
        .annotate(n=Count("responses"))
        .order_by("-opens_on", "-pk")  # Meta.ordering does not hold with GROUP BY
    )
    return render(
        request,
        "assessments/index.html",
        {
            "rounds": rounds,
            "can_run": request.membership.can(Perm.RUN_ASSESSMENTS),
            "today": datetime.date.today(),
        },
    )


@org_required(Perm.RUN_ASSESSMENTS)
def frameworks(request: HttpRequest) -> HttpResponse:
    org = request.organisation
    form = InstallForm(
        request.POST or None,
        language=get_language() or org.language,
        initial={"language": org.language},
    )
    if request.method == "POST" and form.is_valid():
        framework = services.install_framework(
            organisation=org, key=form.cleaned_data["key"], language=form.cleaned_data["language"]
        )
        messages.success(request, _("“%(name)s” was added.") % {"name": framework.name})
        return redirect("assessments:framework", org.slug, framework.pk)
    return render(
        request,
        "assessments/frameworks.html",
        {
            "frameworks": Framework.objects.for_org(org)
            .current()
            .annotate(
                n_rounds=Count("rounds", distinct=True),
                n_dimensions=Count("dimensions", distinct=True),
            )
            .order_by("name", "-version"),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@org_required(Perm.RUN_ASSESSMENTS)
def groups(request: HttpRequest) -> HttpResponse:
    """The respondent groups: the three defaults and the office's own."""
    org = request.organisation
    form = GroupForm(
        request.POST if request.method == "POST" else None,
        instance=RespondentGroup(organisation=org),
    )
    if request.method == "POST" and form.is_valid():
        services.default_groups(org)
        group = form.save(commit=False)
        group.position = RespondentGroup.objects.for_org(org).count()
        group.save()
        messages.success(request, _("The group “%(name)s” was added.") % {"name": group.name})
        return redirect("assessments:groups", org.slug)
    return render(
        request,
        "assessments/groups.html",
        {"groups": RespondentGroup.objects.for_org(org), "form": form},
        status=400 if form.errors else 200,
    )


@org_required(Perm.RUN_ASSESSMENTS)
def framework_new(request: HttpRequest) -> HttpResponse:
    org = request.organisation
    form = NewFrameworkForm(request.POST or None, initial={"language": org.language})
    back = reverse("assessments:frameworks", args=[org.slug])
    if request.method == "POST" and form.is_valid():
        framework = services.new_framework(organisation=org, **form.cleaned_data)
        messages.success(request, _("The framework was made. Add its dimensions."))
        return redirect("assessments:framework", org.slug, framework.pk)
    return form_page(
        request, form, _("A framework of your own"), back, status=400 if form.errors else 200
    )


@org_required(Perm.VIEW)
def framework(request: HttpRequest, framework_id: int) -> HttpResponse:
    framework = _framework(request, framework_id)
    return render(
        request,
        "assessments/framework.html",
        {
            "framework": framework,
            "dimensions": framework.dimensions.prefetch_related("statements"),
            "questions": framework.questions.all(),
            "used": framework.is_used(),
            "can_run": request.membership.can(Perm.RUN_ASSESSMENTS),
        },
    )


def _in_use(request: HttpRequest, framework: Framework) -> HttpResponse:
    messages.error(
        request,
        _(
            "A round has used this framework, so it is kept as it was. Make a new version "
            "to change it."
        ),
    )
    return redirect("assessments:framework", request.organisation.slug, framework.pk)


@org_required(Perm.RUN_ASSESSMENTS)
def framework_edit(request: HttpRequest, framework_id: int) -> HttpResponse:
    framework = _framework(request, framework_id)
    if framework.is_used():
        return _in_use(request, framework)
    form = FrameworkForm(request.POST or None, instance=framework)
    back = reverse("assessments:framework", args=[request.organisation.slug, framework.pk])
    if request.method == "POST" and form.is_valid():
        try:
            services.save_framework(
                framework=form.save(commit=False), questions=form.cleaned_data["questions_text"]
            )
        except services.FrameworkInUse:
            return _in_use(request, framework)
        messages.success(request, _("The framework was saved."))
        return redirect(back)
    return form_page(
        request,
        form,
        _("Change %(name)s") % {"name": framework.name},
        back,
        status=400 if form.errors else 200,
    )


@org_required(Perm.RUN_ASSESSMENTS)
@require_POST
def framework_copy(request: HttpRequest, framework_id: int) -> HttpResponse:
    framework = _framework(request, framework_id)
    as_new_version = request.POST.get("as") == "version"
    if as_new_version and hasattr(framework, "replaced_by"):
        messages.error(request, _("This version has been replaced already."))
        return redirect("assessments:framework", request.organisation.slug, framework.pk)
    copy = services.copy_framework(framework=framework, as_new_version=as_new_version)
    messages.success(
        request,
        _("Version %(v)d was made; the rounds run so far keep theirs.") % {"v": copy.version}
        if as_new_version
        else _("A copy was made. Change it as you like."),
    )
    return redirect("assessments:framework", request.organisation.slug, copy.pk)


@org_required(Perm.RUN_ASSESSMENTS)
def dimension_edit(
    request: HttpRequest, framework_id: int, dimension_id: int | None = None
) -> HttpResponse:
    framework = _framework(request, framework_id)
    if framework.is_used():
        return _in_use(request, framework)
    dimension = None
    initial = {}
    if dimension_id is not None:
        dimension = get_object_or_404(framework.dimensions, pk=dimension_id)
        initial = {
            "name": dimension.name,
            "description": dimension.description,
            "statements": "\n".join(s.text for s in dimension.statements.all()),
        }
    form = DimensionForm(request.POST or None, initial=initial)
    back = reverse("assessments:framework", args=[request.organisation.slug, framework.pk])
    if request.method == "POST" and form.is_valid():
        try:
            services.save_dimension(framework=framework, dimension=dimension, **form.cleaned_data)
        except services.FrameworkInUse:
            return _in_use(request, framework)
        messages.success(request, _("The dimension was saved."))
        return redirect(back)
    heading = _("Change the dimension") if dimension else _("A new dimension")
    return form_page(request, form, heading, back, status=400 if form.errors else 200)


@org_required(Perm.RUN_ASSESSMENTS)
@require_POST
def dimension_delete(request: HttpRequest, framework_id: int, dimension_id: int) -> HttpResponse:
    framework = _framework(request, framework_id)
    dimension = get_object_or_404(framework.dimensions, pk=dimension_id)
    try:
        services.delete_dimension(dimension=dimension)
    except services.FrameworkInUse:
        return _in_use(request, framework)
    messages.success(request, _("The dimension was removed."))
    return redirect("assessments:framework", request.organisation.slug, framework.pk)


@org_required(Perm.RUN_ASSESSMENTS)
def round_edit(request: HttpRequest, round_id: int | None = None) -> HttpResponse:
    org = request.organisation
    round = _round(request, round_id) if round_id else Round(organisation=org)
    initial = {}
    if round_id is None:
        today = datetime.date.today()
        initial = {
            "opens_on": today,
            "closes_on": today + datetime.timedelta(days=21),
            "groups": list(RespondentGroup.objects.for_org(org).values_list("pk", flat=True)),
        }
        usual = Framework.objects.for_org(org).current().order_by("per_initiative", "pk").first()
        if usual is not None:
            initial["framework"] = usual.pk
        number = request.GET.get("initiative", "")
        if number.isdigit():
            initiative = get_initiative(request, int(number))
            initial |= {
                "scope": Scope.INITIATIVE,
                "initiative": initiative.pk,
                "title": _("Readiness: %(title)s") % {"title": initiative.title},
            }
            ready = Framework.objects.for_org(org).current().filter(per_initiative=True).first()
            if ready:
                initial["framework"] = ready.pk
    form = RoundForm(request.POST or None, instance=round, organisation=org, initial=initial)
    back = (
        reverse("assessments:round", args=[org.slug, round.pk])
        if round.pk
        else reverse("assessments:index", args=[org.slug])
    )
    if request.method == "POST" and form.is_valid():

        def prepare(instance):
            instance.organisation = org
            if instance.created_by_id is None:
                instance.created_by = request.user

        try:
            saved = save_versioned(
                form,
                user=request.user,
                expected_version=form.cleaned_data.get("version"),
                prepare=prepare,
            )
        except StaleObjectError:
            refused_as_stale(form)
        else:
            messages.success(request, _("The round was saved."))
            return redirect("assessments:round", org.slug, saved.pk)
    if round_id is None and not form.fields["framework"].queryset.exists():
        messages.info(request, _("Add a framework first: choose one from the library."))
        return redirect("assessments:frameworks", org.slug)
    heading = _("Change the round") if round.pk else _("A new assessment round")
    return form_page(request, form, heading, back, status=400 if form.errors else 200)


@org_required(Perm.VIEW)
def round_detail(request: HttpRequest, round_id: int) -> HttpResponse:
    round = _round(request, round_id)
    can_run = request.membership.can(Perm.RUN_ASSESSMENTS)
    invitations = round.invitations.aggregate(
        n=Count("pk"), used=Count("pk", filter=Q(used=True)), sent=Count("sent_at")
    )
    return render(
        request,
        "assessments/round.html",
        {
            "round": round,
            "responses": round.responses.count(),
            "invitations": invitations,
            "open_links": round.open_links.select_related("department", "group") if can_run else [],
            "departments": round.departments.all(),
            "groups": round.groups.all(),
            "findings": round.findings.select_related("initiative", "dimension"),
            "can_run": can_run,
            "answered": round.is_open()
            and not Participation.objects.filter(round=round, user=request.user).exists(),
            "site": request.build_absolute_uri("/").rstrip("/"),
        },
    )


@org_required(Perm.RUN_ASSESSMENTS)
def respondents(request: HttpRequest, round_id: int) -> HttpResponse:
    round = _round(request, round_id)
    form = RespondentsForm(request.POST or None, request.FILES or None, round=round)
    if request.method == "POST" and form.is_valid():
        added = services.add_respondents(round=round, respondents=form.cleaned_data["people"])
        messages.success(
            request,
            _("%(n)d people were added; their links are sent by e-mail.") % {"n": added}
            if added
            else _("Everyone on the list was invited already."),
        )
        return redirect("assessments:respondents", request.organisation.slug, round.pk)
    return render(
        request,
        "assessments/respondents.html",
        {
            "round": round,
            "form": form,
            "invitations": round.invitations.select_related("department", "group")[:2000],
            "count": round.invitations.count(),
        },
        status=400 if form.errors else 200,
    )


@org_required(Perm.RUN_ASSESSMENTS)
@require_POST
def open_links(request: HttpRequest, round_id: int) -> HttpResponse:
    round = _round(request, round_id)
    made = services.ensure_open_links(round=round)
    messages.success(request, _("%(n)d open links were made.") % {"n": made})
    return redirect("assessments:round", request.organisation.slug, round.pk)


@org_required(Perm.VIEW)
def results_page(request: HttpRequest, round_id: int) -> HttpResponse:
    round = _round(request, round_id)
    out = results(round)
    can_run = request.membership.can(Perm.RUN_ASSESSMENTS)
    return render(
        request,
        "assessments/results.html",
        {
            "round": round,
            "r": out,
            "radar": mark_safe(radar(out)) if out.dimensions else "",  # escaped in core.charts
            "bars": mark_safe(department_bars(out)) if out.dimensions else "",
            "weakest": out.weakest_first(),
            "texts": (
                TextAnswer.objects.filter(response__round=round).count()
                if can_run and out.shown
                else 0
            ),
            "findings": round.findings.select_related("initiative", "dimension"),
            "can_run": can_run,
            "can_create": request.membership.can(Perm.CREATE_INITIATIVE),
        },
    )


@org_required(Perm.RUN_ASSESSMENTS)
def texts(request: HttpRequest, round_id: int) -> HttpResponse:
    """The free-text answers of the groups shown, for the office that acts on them."""
    round = _round(request, round_id)
    out = results(round, compare=False)
    return render(request, "assessments/texts.html", {"round": round, "texts": free_texts(out)})


@org_required(Perm.VIEW)
def report(request: HttpRequest, round_id: int, fmt: str) -> HttpResponse:
    round = _round(request, round_id)
    data = documents.report_data(round, texts=request.membership.can(Perm.RUN_ASSESSMENTS))
    name = download_name(_("assessment"), round.title[:40], ext=fmt)
    if fmt == "pdf":
        response = HttpResponse(documents.as_pdf(data), content_type="application/pdf")
    else:
        response = HttpResponse(
            documents.as_docx(data),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
    return attachment(response, name)


@org_required(Perm.CREATE_INITIATIVE)
def finding_new(request: HttpRequest, round_id: int, dimension_id: int) -> HttpResponse:
    round = _round(request, round_id)
    dimension = get_object_or_404(
        Dimension.objects.for_org(request.organisation).filter(framework_id=round.framework_id),
        pk=dimension_id,
    )
    out = results(round, compare=False)
    found = next((d for d in out.dimensions if d.dimension.pk == dimension.pk), None)
    if found is None:  # too few answers: there is no finding to act on yet
        messages.error(request, _("The round has too few answers to act on yet."))
        return redirect("assessments:results", request.organisation.slug, round.pk)
    mean = found.overall.mean
    initial = {
        "title": _("Strengthen: %(dimension)s") % {"dimension": dimension.name},
        "finding": _(
            "The assessment “%(round)s” scored “%(dimension)s” %(mean)s of 5 "
            "(%(n)d answers). Weakest statements: %(statements)s"
        )
        % {
            "round": round.title,
            "dimension": dimension.name,
            "mean": f"{mean:.1f}".replace(".", ",") if mean is not None else "–",
            "n": found.overall.answers,
            "statements": "; ".join(
                s.text for s, summary in sorted(found.statements, key=lambda p: p[1].mean or 9)[:2]
            ),
        },
    }
    form = FindingForm(request.POST or None, initial=initial)
    back = reverse("assessments:results", args=[request.organisation.slug, round.pk])
    if request.method == "POST" and form.is_valid():
        finding = services.create_initiative(
            round=round,
            dimension=dimension,
            title=form.cleaned_data["title"],
            finding=form.cleaned_data["finding"],
            membership=request.membership,
            user=request.user,
        )
        messages.success(
            request,
            _("%(initiative)s was registered in the prerequisite track.")
            % {"initiative": finding.initiative},
        )
        return redirect("initiatives:detail", request.organisation.slug, finding.initiative.number)
    return form_page(
        request,
        form,
        _("An initiative from “%(dimension)s”") % {"dimension": dimension.name},
        back,
        status=400 if form.errors else 200,
        intro=_(
            "The initiative is registered as an idea in the prerequisite track, with the "
            "finding as its background and a link to this round."
        ),
        submit_label=_("Register the initiative"),
    )
