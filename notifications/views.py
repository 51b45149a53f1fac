"""A person's notifications in one organisation, and their choice of a daily digest."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from organisations.access import org_required
from organisations.permissions import Perm

from .forms import DigestForm


@org_required(Perm.VIEW)
def notifications(request: HttpRequest) -> HttpResponse:
    form = DigestForm(request.POST or None, instance=request.membership)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your e-mail settings were saved."))
        return redirect("notifications:index", request.organisation.slug)
    return render(
        request,
        "notifications/notifications.html",
        {
            "form": form,
            "items": request.user.notifications.filter(organisation=request.organisation)[:50],
        },
    )
