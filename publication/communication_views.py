"""The stakeholders and the communication plan of a strategy or an initiative: the
influence × interest grid with its table, and the activities (audience, message, channel,
date, owner, status) that appear on the yearly cycle and in the owner's calendar feed."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.views import save_form_page
from initiatives.access import get_initiative
from organisations.access import org_required
from organisations.permissions import Perm
from strategy.models import Strategy

from .forms import ActivityForm, StakeholderForm
from .models import CommunicationActivity, Level, Stakeholder


class Owner:
    """What a plan belongs to (a strategy or an initiative), its page and who may edit."""

    def __init__(self, request: HttpRequest, *, strategy_pk=None, number=None):
        org = request.organisation
        if strategy_pk is not None:
            self.strategy = get_object_or_404(Strategy.objects.for_org(org), pk=strategy_pk)
            self.initiative = None
            self.title = str(self.strategy)
            self.url = reverse("publication:communication", args=[org.slug, self.strategy.pk])
            self.back = reverse("strategy:detail", args=[org.slug, self.strategy.pk])
            self.can_edit = request.membership.can(Perm.EDIT_STRATEGY) and not (
                self.strategy.is_read_only
            )
        else:
            self.initiative = get_initiative(request, number)
            self.strategy = None
            self.title = f"{self.initiative.reference} {self.initiative.title}"
            self.url = reverse("publication:initiative_communication", args=[org.slug, number])
            self.back = reverse("initiatives:detail", args=[org.slug, number])
            self.can_edit = self.initiative.editable_by(request.membership)
        self.filter = {"strategy": self.strategy, "initiative": self.initiative}

    def require_edit(self) -> None:
        if not self.can_edit:
            raise PermissionDenied

    def prepare(self, organisation):
        def prepare(obj):
            obj.organisation = organisation
            obj.strategy, obj.initiative = self.strategy, self.initiative

        return prepare


def grid(stakeholders: list[Stakeholder]) -> list[dict]:
    """The influence × interest grid, high influence on top, high interest to the right."""
    levels = [Level.HIGH, Level.MEDIUM, Level.LOW]
    return [
        {
            "influence": influence.label,
            "cells": [
                {
                    "interest": interest.label,
                    "names": [
                        s.name
                        for s in stakeholders
                        if s.influence == influence and s.interest == interest
                    ],
                }
                for interest in reversed(levels)
            ],
        }
        for influence in levels
    ]


def _plan(request: HttpRequest, owner: Owner) -> HttpResponse:
    stakeholders = list(Stakeholder.objects.for_org(request.organisation).filter(**owner.filter))
    activities = (
        CommunicationActivity.objects.for_org(request.organisation)
        .filter(**owner.filter)
        .select_related("owner")
    )
    return render(
        request,
        "publication/communication.html",
        {
            "owner": owner,
            "stakeholders": stakeholders,
            "grid": grid(stakeholders),
            "interest_labels": [label for _value, label in Level.choices],
            "activities": activities,
        },
    )


@org_required(Perm.VIEW)
def communication(request: HttpRequest, pk: int) -> HttpResponse:
    return _plan(request, Owner(request, strategy_pk=pk))


@org_required(Perm.VIEW)
def initiative_communication(request: HttpRequest, number: int) -> HttpResponse:
    return _plan(request, Owner(request, number=number))


def _owner(request, pk=None, number=None) -> Owner:
    owner = Owner(request, strategy_pk=pk, number=number)
    owner.require_edit()
    return owner


def _row(request: HttpRequest, model, pk: int):
    """A stakeholder or activity of the organisation, and the plan it belongs to (editable
    by the caller, or 403)."""
    row = get_object_or_404(
        model.objects.for_org(request.organisation).select_related("initiative"), pk=pk
    )
    if row.strategy_id:
        owner = _owner(request, pk=row.strategy_id)
    else:
        owner = _owner(request, number=row.initiative.number)
    return row, owner


@org_required(Perm.VIEW)
def stakeholder_edit(request: HttpRequest, pk=None, number=None, stakeholder_pk=None):
    if stakeholder_pk is not None:
        instance, owner = _row(request, Stakeholder, stakeholder_pk)
    else:
        instance, owner = None, _owner(request, pk, number)
    return save_form_page(
        request,
        StakeholderForm(request.POST or None, instance=instance),
        _("Edit the stakeholder") if instance else _("Add a stakeholder"),
        owner.url,
        _("The stakeholder was saved."),
        prepare=owner.prepare(request.organisation),
    )


@org_required(Perm.VIEW)
def activity_edit(request: HttpRequest, pk=None, number=None, activity_pk=None):
    if activity_pk is not None:
        instance, owner = _row(request, CommunicationActivity, activity_pk)
    else:
        instance, owner = None, _owner(request, pk, number)
    before = (instance.date, instance.remind_days) if instance else None

    def prepare(obj):
        owner.prepare(request.organisation)(obj)
        if before is not None and (obj.date, obj.remind_days) != before:
            obj.reminded = False  # moved: remind again before the new day

    return save_form_page(
        request,
        ActivityForm(request.POST or None, instance=instance, organisation=request.organisation),
        _("Edit the activity") if instance else _("Add a communication activity"),
        owner.url,
        _("The activity was saved."),
        prepare=prepare,
    )


@org_required(Perm.VIEW)
@require_POST
def remove(request: HttpRequest, what: str, row_pk: int):
    models = {"stakeholder": Stakeholder, "activity": CommunicationActivity}
    if what not in models:
        raise Http404
    row, owner = _row(request, models[what], row_pk)
    row.delete()
    messages.success(request, _("It was removed."))
    return redirect(owner.url)
