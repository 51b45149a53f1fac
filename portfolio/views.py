"""Prioritisation pages: criteria, weights (direct or AHP) and scores."""

from __future__ import annotations

from html import escape

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.l10n import decimal
from core.templatetags.styr import initiative_url
from core.views import form_page, save_form_page
from initiatives.access import get_initiative
from initiatives.models import Initiative
from organisations.access import org_required, require
from organisations.permissions import Perm

from . import ahp
from .forms import CriterionForm, PairwiseForm, PoolForm, ScoreForm, WeightsForm
from .formulation import OUT_OF_SCOPE, weighted_scores
from .models import DEFAULT_CRITERIA, DEFAULT_LEVELS, Criterion, Judgement, ResourcePool, Score
from .services import save_scores, save_weights

SORTS = {
    "score": lambda row: (row["score"] is None, -(row["score"] or 0), row["initiative"].number),
    "-score": lambda row: (row["score"] is None, row["score"] or 0, row["initiative"].number),
    "number": lambda row: row["initiative"].number,
    "title": lambda row: row["initiative"].title.lower(),
}


def _criteria(request: HttpRequest) -> list[Criterion]:
    return list(Criterion.objects.for_org(request.organisation))


def _judgements(request: HttpRequest) -> dict[tuple[int, int], float]:
    return {
        (j.first_id, j.second_id): j.value for j in Judgement.objects.for_org(request.organisation)
    }


def consistency(criteria: list[Criterion], judgements: dict) -> ahp.Result | None:
    """The consistency of the stored AHP judgements, or None when weights were set directly."""
    if len(criteria) < 3 or not judgements:
        return None
    return ahp.weigh_keyed([c.pk for c in criteria], judgements)


def _ranking_rows(rows: list[dict], slug: str, can_score: bool) -> str:
    """The ranking's table rows, written in one pass with the standard library's escape:
    300 rows × a dozen template nodes were most of the page's time."""
    action = escape(_("Score") if can_score else _("Scores"))
    out = []
    for row in rows:
        ini = row["initiative"]
        url = escape(initiative_url(ini.number, slug))
        score = "–" if row["score"] is None else decimal(row["score"], 2)
        cells = "".join(
            f'<td class="text-align-right">{"–" if v is None else decimal(v, 1)}</td>'
            for v in row["by_criterion"]
        )
        out.append(
            f'<tr>\n    <th scope="row"><a href="{url}">{escape(str(ini))}</a></th>\n'
            f'    <td class="text-align-right"><strong>{score}</strong></td>\n'
            f"    {cells}\n"
            f'    <td class="text-align-right">{row["scorers"]}</td>\n'
            f'    <td><a href="{url}score/">{action}<span class="sr-only"> '
            f"{escape(ini.reference)}</span></a></td>\n  </tr>"
        )
    return mark_safe("".join(out))  # noqa: S308 - every value is escaped here


@org_required(Perm.VIEW)
def priorities(request: HttpRequest) -> HttpResponse:
    """The criteria with their weights, and the initiatives ranked by weighted score."""
    criteria = _criteria(request)
    total = sum(float(c.weight) for c in criteria) or 1.0
    initiatives = list(
        Initiative.objects.for_org(request.organisation)
        .exclude(stage__in=OUT_OF_SCOPE)
        .only("id", "number", "title", "track", "stage")
    )
    scores = weighted_scores(request.organisation)
    rows = [
        {
            "initiative": ini,
            "score": scores[ini.pk].score if ini.pk in scores else None,
            "scorers": scores[ini.pk].scorers if ini.pk in scores else 0,
            "by_criterion": [
                scores[ini.pk].by_criterion.get(c.pk) if ini.pk in scores else None
                for c in criteria
            ],
        }
        for ini in initiatives
    ]
    sort = request.GET.get("sort", "score")
    rows.sort(key=SORTS.get(sort, SORTS["score"]))
    # Each row's link and numbers as text here: 300 rows × a filter per cell were most of
    # the page's time in the template.
    can_score = request.membership.can(Perm.SCORE_INITIATIVES)
    return render(
        request,
        "portfolio/priorities.html",
        {
            "criteria": [(c, float(c.weight) / total * 100) for c in criteria],
            "rows": rows,
            "ranking": _ranking_rows(rows, request.organisation.slug, can_score),
            "sort": sort if sort in SORTS else "score",
            "consistency": consistency(criteria, _judgements(request)),
            "can_plan": request.membership.can(Perm.PLAN_PORTFOLIO),
            "can_score": can_score,
            "pools": ResourcePool.objects.for_org(request.organisation),
            "unscored": sum(1 for r in rows if r["score"] is None),
        },
    )


@org_required(Perm.PLAN_PORTFOLIO)
@require_POST
def criteria_defaults(request: HttpRequest) -> HttpResponse:
    """Create the default criteria (seed 000/002) when an organisation has none yet."""
    if not Criterion.objects.for_org(request.organisation).exists():
        Criterion.objects.bulk_create(
            Criterion(
                organisation=request.organisation,
                name=str(name),
                description=str(description),
                weight=weight,
                position=k,
                **{f"level_{n + 1}": str(text) for n, text in enumerate(DEFAULT_LEVELS)},
            )
            for k, (name, description, weight) in enumerate(DEFAULT_CRITERIA)
        )
        messages.success(request, _("The default criteria were created. Adjust them as needed."))
    return redirect("portfolio:priorities", request.organisation.slug)


@org_required(Perm.PLAN_PORTFOLIO)
def criterion_edit(request: HttpRequest, criterion_id: int | None = None) -> HttpResponse:
    criterion = (
        get_object_or_404(Criterion.objects.for_org(request.organisation), pk=criterion_id)
        if criterion_id
        else Criterion(organisation=request.organisation)
    )
    form = CriterionForm(request.POST or None, instance=criterion)
    back = reverse("portfolio:priorities", args=[request.organisation.slug])
    if request.method == "POST" and form.is_valid():
        if not criterion.pk:
            criterion.position = Criterion.objects.for_org(request.organisation).count()
        form.save()
        messages.success(request, _("The criterion was saved."))
        return redirect(back)
    heading = _("Edit criterion") if criterion.pk else _("New criterion")
    return form_page(request, form, heading, back, status=400 if form.errors else 200)


@org_required(Perm.PLAN_PORTFOLIO)
def criterion_delete(request: HttpRequest, criterion_id: int) -> HttpResponse:
    criterion = get_object_or_404(Criterion.objects.for_org(request.organisation), pk=criterion_id)
    back = reverse("portfolio:priorities", args=[request.organisation.slug])
    if request.method == "POST":
        criterion.delete()
        messages.success(request, _("The criterion and its scores were deleted."))
        return redirect(back)
    return render(
        request,
        "core/confirm_delete.html",
        {"thing": criterion.name, "back_url": back, "version": ""},
    )


@org_required(Perm.PLAN_PORTFOLIO)
def weights(request: HttpRequest) -> HttpResponse:
    criteria = _criteria(request)
    form = WeightsForm(request.POST or None, criteria=criteria)
    back = reverse("portfolio:priorities", args=[request.organisation.slug])
    if request.method == "POST" and form.is_valid():
        save_weights(
            organisation=request.organisation,
            weights={c.pk: form.cleaned_data[f"w_{c.pk}"] for c in criteria},
            judgements={},  # weights set directly replace an AHP set
        )
        messages.success(request, _("The weights were saved."))
        return redirect(back)
    return form_page(
        request,
        form,
        _("Set the weights directly"),
        back,
        status=400 if form.errors else 200,
        intro=_("Weights are relative: Styr shows each as its share of the total."),
    )


@org_required(Perm.PLAN_PORTFOLIO)
def pairwise(request: HttpRequest) -> HttpResponse:
    """AHP: compare the criteria two by two; see the weights and the consistency ratio."""
    criteria = _criteria(request)
    form = PairwiseForm(request.POST or None, criteria=criteria, judgements=_judgements(request))
    result = None
    if request.method == "POST" and form.is_valid():
        result = form.result()
        if request.POST.get("apply") and len(criteria) >= 2:
            save_weights(
                organisation=request.organisation,
                weights={
                    c.pk: round(w * 100, 2) for c, w in zip(criteria, result.weights, strict=True)
                },
                judgements=form.judgements(),
            )
            if result.consistent:
                messages.success(request, _("The weights from the comparisons were saved."))
            else:
                messages.warning(
                    request,
                    _(
                        "The weights were saved, but the comparisons are inconsistent "
                        "(CR %(cr)s above 0.10). Consider revising them."
                    )
                    % {"cr": f"{result.cr:.2f}"},
                )
            return redirect("portfolio:priorities", request.organisation.slug)
    elif len(criteria) >= 2:
        result = consistency(criteria, _judgements(request))
    return render(
        request,
        "portfolio/pairwise.html",
        {
            "form": form,
            "result": result,
            "weights": list(zip(criteria, result.weights, strict=True)) if result else [],
            "threshold": ahp.THRESHOLD,
        },
        status=400 if form.errors else 200,
    )


@org_required(Perm.VIEW)
def score(request: HttpRequest, number: int) -> HttpResponse:
    """My scores of one initiative, beside everyone's averages."""
    initiative = get_initiative(request, number)
    criteria = _criteria(request)
    if request.method == "POST":
        require(request, Perm.SCORE_INITIATIVES)
    mine = {
        s.criterion_id: s.value
        for s in Score.objects.for_org(request.organisation).filter(
            initiative=initiative, scorer=request.user
        )
    }
    form = ScoreForm(request.POST or None, criteria=criteria, mine=mine)
    if request.method == "POST" and form.is_valid():
        save_scores(initiative=initiative, user=request.user, values=form.values())
        messages.success(request, _("Your scores were saved."))
        return redirect("portfolio:priorities", request.organisation.slug)
    weighted = weighted_scores(request.organisation, [initiative.pk]).get(initiative.pk)
    return render(
        request,
        "portfolio/score.html",
        {
            "initiative": initiative,
            "form": form,
            "weighted": weighted,
            "averages": [
                (c, weighted.by_criterion.get(c.pk) if weighted else None) for c in criteria
            ],
            "can_score": request.membership.can(Perm.SCORE_INITIATIVES),
        },
        status=400 if form.errors else 200,
    )


@org_required(Perm.PLAN_PORTFOLIO)
def pool_create(request: HttpRequest) -> HttpResponse:
    pool = ResourcePool(organisation=request.organisation)
    return save_form_page(
        request,
        PoolForm(request.POST or None, organisation=request.organisation, instance=pool),
        _("New resource pool"),
        reverse("portfolio:priorities", args=[request.organisation.slug]),
        _("The resource pool was created."),
        intro=_(
            "A pool is a group of people whose hours are limited, e.g. project managers, "
            "architects or super users. A business case's internal hours name their pool."
        ),
    )
