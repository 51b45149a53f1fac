"""The after-review and the lessons register: ask the lead for a review when an initiative
has been in operation for REVIEW_AFTER_DAYS (the daily job, or the office's button),
complete it (freezing the benefits' plan against the result), and list every lesson from
stops, gates and reviews in one place."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from governance.models import Decision, DecisionKind
from initiatives.models import Initiative
from initiatives.tracks import Stage
from notifications.services import notify

from . import profile
from .models import AfterReview

REVIEW_AFTER_DAYS = 180  # half a year in operation (seed 001: when the routines should hold)
ANSWER_DAYS = 30


def ask(*, initiative: Initiative, today: datetime.date) -> AfterReview:
    """An open review for the initiative (the existing one if asked before), its lead told."""
    with transaction.atomic():
        review = initiative.after_reviews.filter(completed_at__isnull=True).first()
        if review is not None:
            return review
        review = AfterReview.objects.create(
            organisation=initiative.organisation,
            initiative=initiative,
            asked_on=today,
            due_on=today + datetime.timedelta(days=ANSWER_DAYS),
        )
        notify(
            organisation=initiative.organisation,
            users=[initiative.initiative_lead],
            subject=_("After-review of %(initiative)s") % {"initiative": initiative},
            body=_(
                "%(initiative)s has been in operation for a while. Please look back by "
                "%(date)s: the goals against what was measured, the routines, what to spread "
                "and the lessons."
            )
            % {"initiative": initiative, "date": review.due_on.isoformat()},
            url=reverse(
                "catalogue:after_review", args=[initiative.organisation.slug, initiative.number]
            ),
            key=f"after-review-{review.pk}",
        )
    return review


def due_for_review(today: datetime.date):
    """Initiatives in operation since at least REVIEW_AFTER_DAYS (by the gate decision into
    operation) that were never asked."""
    since = today - datetime.timedelta(days=REVIEW_AFTER_DAYS)
    return (
        Initiative.objects.filter(stage=Stage.OPERATION, after_reviews__isnull=True)
        .annotate(
            in_operation=Max(
                "decisions__decided_on",
                filter=Q(
                    decisions__kind=DecisionKind.PASS_GATE, decisions__to_stage=Stage.OPERATION
                ),
            )
        )
        .filter(in_operation__lte=since)
        .select_related("organisation", "initiative_lead")
    )


@task()
def ask_for_after_reviews() -> int:
    """The daily job (settings.STYR_PERIODIC_JOBS)."""
    today = datetime.date.today()
    asked = 0
    for initiative in due_for_review(today):
        ask(initiative=initiative, today=today)
        asked += 1
    return asked


def complete(*, review: AfterReview, user) -> None:
    """Freeze the benefits' plan against the result and mark the review done."""
    review.goals = profile.benefits_plan_and_result(review.initiative, datetime.date.today())
    review.completed_at = timezone.now()
    review.completed_by = user
    review.save()


@dataclass(frozen=True)
class Lesson:
    date: datetime.date
    initiative: Initiative
    where: str  # "a stage gate", "a stop", "an after-review" …
    text: str


def lessons(organisation, *, text="", track="", stage="", tag="") -> list[Lesson]:
    """Every lesson of the organisation: decisions' (gates, stops, others) and completed
    after-reviews', newest first. Two queries."""
    decisions = (
        Decision.objects.for_org(organisation)
        .exclude(lessons="")
        .filter(initiative__isnull=False)
        .select_related("initiative")
    )
    reviews = (
        AfterReview.objects.filter(organisation=organisation, completed_at__isnull=False)
        .exclude(lessons="")
        .select_related("initiative")
    )
    for name, value in (("track", track), ("stage", stage)):
        if value:
            decisions = decisions.filter(**{f"initiative__{name}": value})
            reviews = reviews.filter(**{f"initiative__{name}": value})
    if tag:
        decisions = decisions.filter(initiative__tags__name=tag)
        reviews = reviews.filter(initiative__tags__name=tag)
    for word in text.split()[:8]:
        decisions = decisions.filter(
            Q(lessons__icontains=word) | Q(initiative__title__icontains=word)
        )
        reviews = reviews.filter(Q(lessons__icontains=word) | Q(initiative__title__icontains=word))
    kinds = dict(DecisionKind.choices)
    rows = [
        Lesson(d.decided_on, d.initiative, str(kinds.get(d.kind, d.kind)), d.lessons)
        for d in decisions
    ] + [Lesson(r.completed_at.date(), r.initiative, _("After-review"), r.lessons) for r in reviews]
    return sorted(rows, key=lambda lesson: lesson.date, reverse=True)
