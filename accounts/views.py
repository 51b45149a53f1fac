from __future__ import annotations

from allauth.account.adapter import get_adapter
from allauth.account.views import login as allauth_login
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .forms import ProfileForm, TokenForm
from .models import PersonalAccessToken


def login(request: HttpRequest) -> HttpResponse:
    """allauth's login page; when the failed-attempt limit refuses the login (the adapter
    marks the request), the page says so and answers 429 Too Many Requests."""
    response = allauth_login(request)
    if getattr(request, "login_blocked", False):
        response.status_code = 429
    if getattr(response, "context_data", None) is not None:
        # The page offers sign-up only when it is open (normally administrators add people).
        response.context_data["signup_open"] = get_adapter(request).is_open_for_signup(request)
    return response


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile was saved."))
        return redirect("accounts:profile")
    tokens = PersonalAccessToken.objects.filter(user=request.user, revoked=False).select_related(
        "organisation"
    )
    return render(
        request,
        "accounts/profile.html",
        {"form": form, "tokens": tokens, "token_form": TokenForm(user=request.user)},
    )


@login_required
def token_create(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None, user=request.user)
    raw = None
    if request.method == "POST" and form.is_valid():
        _token, raw = PersonalAccessToken.issue(
            user=request.user,
            organisation=form.cleaned_data["organisation"],
            name=form.cleaned_data["name"],
            scope=form.cleaned_data["scope"],
            expires=form.expires(),
        )
    return render(request, "accounts/token_create.html", {"token_form": form, "raw": raw})


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(PersonalAccessToken, user=request.user, pk=pk)
    token.revoked = True
    token.save(update_fields=["revoked"])
    messages.success(request, _("The token %(name)s was revoked.") % {"name": token.name})
    return redirect("accounts:profile")
