"""The after-review of an initiative, and the organisation's lessons register."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from initiatives.access import get_initiative
from organisations.access import org_required
from organisations.permissions import Perm

from . import reviews
from .forms import AfterReviewForm, LessonSearchForm


@org_required(Perm.VIEW)
def after_review(request: HttpRequest, number: int) -> HttpResponse:
    initiative = get_initiative(request, number)
    review = initiative.after_reviews.first()
    can_edit = initiative.editable_by(request.membership)
    form = None
    if review is not None and not review.is_completed and can_edit:
        form = AfterReviewForm(request.POST or None, instance=review)
        if request.method == "POST" and form.is_valid():
            form.save()
            if form.cleaned_data["complete"]:
                reviews.complete(review=review, user=request.user)
                messages.success(request, _("The after-review is complete."))
            else:
                messages.success(request, _("The after-review was saved."))
            return redirect("catalogue:after_review", request.organisation.slug, number)
    elif request.method == "POST":
        raise PermissionDenied
    # Surveys about the initiative (assessments), for its wellbeing and satisfaction scores:
    # each round's mean only above its anonymity threshold (Round.score).
    rounds = [
        (r, r.score())
        for r in initiative.assessment_rounds.select_related("framework").order_by("-opens_on")[:5]
    ]
    return render(
        request,
        "catalogue/after_review.html",
        {
            "initiative": initiative,
            "review": review,
            "form": form,
            "rounds": rounds,
            "can_survey": request.membership.can(Perm.RUN_ASSESSMENTS),
            "can_ask": review is None and request.membership.can(Perm.EDIT_ANY_INITIATIVE),
        },
        status=400 if form is not None and form.errors else 200,
    )


@org_required(Perm.EDIT_ANY_INITIATIVE)
@require_POST
def ask(request: HttpRequest, number: int) -> HttpResponse:
    initiative = get_initiative(request, number)
    reviews.ask(initiative=initiative, today=datetime.date.today())
    messages.success(request, _("The initiative lead was asked for an after-review."))
    return redirect("catalogue:after_review", request.organisation.slug, number)


@org_required(Perm.VIEW)
def lessons(request: HttpRequest) -> HttpResponse:
    form = LessonSearchForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    rows = reviews.lessons(
        request.organisation,
        text=data.get("q", ""),
        track=data.get("track", ""),
        stage=data.get("stage", ""),
        tag=(data.get("tag") or "").strip(),
    )
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "catalogue/lessons.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )
