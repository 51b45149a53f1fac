"""Answering a round: from a one-time link or an open link without an account, or as a
logged-in member. One page per dimension, then the free-text questions and the submit;
each page is saved as a draft, so the respondent may leave and resume."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from organisations.access import org_required
from organisations.permissions import Perm

from .forms import AnswerPage, StartForm, TextPage
from .models import Draft, Invitation, OpenLink, Participation, Round
from .scoring import DONT_KNOW, LEVELS
from .services import AlreadyAnswered, submit

COOKIE = "styr-answer-%d"
SALT = "assessments.open-link"


@dataclass
class Respondent:
    """Who is answering, as far as the draft must know until it is submitted."""

    round: Round
    url: str
    draft: Draft | None
    department_id: int | None = None
    group_id: int | None = None
    invitation: Invitation | None = None
    user: object = None
    cookie: str = ""  # an open link's browser key

    def new_draft(self) -> Draft:
        return Draft(
            organisation_id=self.round.organisation_id,
            round=self.round,
            invitation=self.invitation,
            user=self.user,
            department_id=self.department_id,
            group_id=self.group_id,
        )


def _message(request: HttpRequest, round: Round, heading: str, text: str, status: int = 200):
    return render(
        request,
        "assessments/answer_message.html",
        {"round": round, "heading": heading, "text": text},
        status=status,
    )


def _not_open(request: HttpRequest, round: Round) -> HttpResponse | None:
    state = round.state()
    if state == "upcoming":
        return _message(
            request,
            round,
            _("The round has not opened yet"),
            _("You can answer from %(date)s. Keep the link.") % {"date": round.opens_on},
        )
    if state == "closed":
        return _message(
            request,
            round,
            _("The round has closed"),
            _("The round closed %(date)s, so answers are no longer taken. Thank you all the same.")
            % {"date": round.closes_on},
        )
    return None


def _already(request: HttpRequest, round: Round) -> HttpResponse:
    return _message(
        request,
        round,
        _("You have answered"),
        _("An answer has been given with this link, and each link answers once. Thank you."),
    )


@never_cache
def invitation(request: HttpRequest, token: str) -> HttpResponse:
    invitation = get_object_or_404(
        Invitation.objects.select_related("round__framework", "round__organisation"),
        token=token,
    )
    round = invitation.round
    if invitation.used:
        return _already(request, round)
    draft = Draft.objects.filter(invitation=invitation).first()
    who = Respondent(
        round=round,
        url=reverse("answer:invitation", args=[token]),
        draft=draft,
        department_id=invitation.department_id,
        group_id=invitation.group_id,
        invitation=invitation,
    )
    return _flow(request, who)


@never_cache
def open_link(request: HttpRequest, token: str) -> HttpResponse:
    link = get_object_or_404(
        OpenLink.objects.select_related("round__framework", "round__organisation"), token=token
    )
    round = link.round
    cookie = COOKIE % round.pk
    key = request.get_signed_cookie(cookie, default="", salt=SALT)
    if key == "answered":
        return _already(request, round)
    draft = Draft.objects.filter(key=key, round=round).first() if key else None
    who = Respondent(
        round=round,
        url=reverse("answer:open", args=[token]),
        draft=draft,
        department_id=link.department_id,
        group_id=link.group_id,
        cookie=cookie,
    )
    return _flow(request, who)


@org_required(Perm.VIEW)
@never_cache
def member_answer(request: HttpRequest, round_id: int) -> HttpResponse:
    round = get_object_or_404(
        Round.objects.for_org(request.organisation).select_related("framework", "organisation"),
        pk=round_id,
    )
    if Participation.objects.filter(round=round, user=request.user).exists():
        return _already(request, round)
    draft = Draft.objects.filter(round=round, user=request.user).first()
    who = Respondent(
        round=round,
        url=reverse("assessments:answer", args=[request.organisation.slug, round.pk]),
        draft=draft,
        user=request.user,
    )
    if draft is not None:
        who.department_id, who.group_id = draft.department_id, draft.group_id
    return _flow(request, who)


def _flow(request: HttpRequest, who: Respondent) -> HttpResponse:
    round = who.round
    closed = _not_open(request, round)
    if closed is not None:
        return closed
    if who.department_id is None:
        return _start(request, who)
    dimensions = list(round.framework.dimensions.prefetch_related("statements"))
    questions = list(round.framework.questions.all())
    last = len(dimensions)  # the page of free-text questions and the submit
    draft = who.draft
    page = request.GET.get("page", "")
    page = int(page) if page.isdigit() else (draft.page if draft else 0)
    if page > last:
        raise Http404
    if page < last:
        form = AnswerPage(
            request.POST if request.method == "POST" else None,
            statements=dimensions[page].statements.all(),
            levels=round.framework.levels,
            initial={f"s{k}": str(v) for k, v in (draft.levels if draft else {}).items()},
        )
    else:
        form = TextPage(
            request.POST if request.method == "POST" else None,
            questions=questions,
            initial={f"q{k}": v for k, v in (draft.texts if draft else {}).items()},
        )
    if request.method == "POST" and form.is_valid():
        draft = draft or who.new_draft()
        _keep(draft, form.cleaned_data)
        action = request.POST.get("action", "next")
        target = {"back": max(page - 1, 0), "next": min(page + 1, last)}.get(action, page)
        draft.page = target
        draft.save()
        if action == "submit" and page == last:
            try:
                submit(draft=draft)
            except AlreadyAnswered:
                return _already(request, round)
            response = _message(
                request,
                round,
                _("Thank you for your answer"),
                _(
                    "Your answer is stored without your name or link, and is shown only "
                    "together with at least %(n)d others."
                )
                % {"n": round.threshold},
            )
            if who.cookie:
                response.set_signed_cookie(
                    who.cookie,
                    "answered",
                    salt=SALT,
                    max_age=400 * 86400,
                    httponly=True,
                    samesite="Lax",
                )
            return response
        if action == "save":
            response = _message(
                request,
                round,
                _("Your answers are saved"),
                _("Come back with the same link before %(date)s to go on and submit.")
                % {"date": round.closes_on},
            )
        else:
            response = redirect(f"{who.url}?page={target}")
        if who.cookie:
            response.set_signed_cookie(
                who.cookie,
                draft.key,
                salt=SALT,
                max_age=60 * 86400,
                httponly=True,
                samesite="Lax",
            )
        return response
    answered = len(draft.levels) if draft else 0
    return render(
        request,
        "assessments/answer.html",
        {
            "round": round,
            "form": form,
            "page": page,
            "last": last,
            "pages": range(last + 1),
            "dimension": dimensions[page] if page < last else None,
            "answered": answered,
            "statements": sum(len(d.statements.all()) for d in dimensions),
            "url": who.url,
        },
        status=400 if form.errors else 200,
    )


def _keep(draft: Draft, data: dict) -> None:
    """The page's answers into the draft; a statement left empty loses its answer."""
    levels, texts = dict(draft.levels), dict(draft.texts)
    for name, value in data.items():
        key = name[1:]
        if name.startswith("s"):
            if value in {str(v) for v in (DONT_KNOW, *LEVELS)}:
                levels[key] = int(value)
            else:
                levels.pop(key, None)
        elif name.startswith("q"):
            if value.strip():
                texts[key] = value.strip()
            else:
                texts.pop(key, None)
    draft.levels, draft.texts = levels, texts


def _start(request: HttpRequest, who: Respondent) -> HttpResponse:
    """A member first says which department and group they answer for."""
    form = StartForm(request.POST if request.method == "POST" else None, round=who.round)
    if request.method == "POST" and form.is_valid():
        who.department_id = form.cleaned_data["department"].pk
        who.group_id = form.cleaned_data["group"].pk
        # A second tab may have made it a moment ago.
        with contextlib.suppress(IntegrityError), transaction.atomic():
            who.new_draft().save()
        return redirect(f"{who.url}?page=0")
    if request.method == "POST":
        messages.error(request, _("Choose your department and group."))
    return render(
        request,
        "assessments/answer_start.html",
        {"round": who.round, "form": form},
        status=400 if form.errors else 200,
    )
