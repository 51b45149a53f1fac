from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import (
    FileResponse,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header, url_has_allowed_host_and_scheme
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

SUPPORTED = {code for code, _name in settings.LANGUAGES}


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Straight to the portfolio when the user has one organisation; a chooser otherwise."""
    memberships = list(
        request.user.memberships.select_related("organisation").order_by("organisation__name")
    )
    if len(memberships) == 1:
        return redirect("initiatives:portfolio", memberships[0].organisation.slug)
    return render(request, "core/home.html", {"memberships": memberships})


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    language = request.POST.get("language", "")
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if language in SUPPORTED:
        if request.user.is_authenticated:
            request.user.language = language
            request.user.save(update_fields=["language"])
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME, language, max_age=365 * 24 * 3600, samesite="Lax"
        )
    return response


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "core/accessibility.html")


def healthz(request: HttpRequest) -> JsonResponse:
    """For the load balancer: the app answers and reaches its database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def form_page(
    request: HttpRequest,
    form,
    heading: str,
    back_url: str,
    status: int = 200,
    intro: str = "",
    submit_label: str | None = None,
) -> HttpResponse:
    """A page holding one form (templates/core/form_page.html), with a way back."""
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "heading": heading,
            "intro": intro,
            "back_url": back_url,
            "back_label": _("Back"),
            "submit_label": submit_label,
        },
        status=status,
    )


def save_form_page(
    request: HttpRequest,
    form,
    heading: str,
    back_url: str,
    message: str,
    *,
    prepare=None,
    intro: str = "",
    submit_label: str | None = None,
) -> HttpResponse:
    """A create-or-edit page for one ModelForm: on a valid POST save it (after
    `prepare(instance)` sets what the form does not carry), say `message` and go back;
    otherwise show the form, with status 400 when it has errors."""
    if request.method == "POST" and form.is_valid():
        instance = form.save(commit=False)
        if prepare is not None:
            prepare(instance)
        instance.save()
        form.save_m2m()
        messages.success(request, message)
        return redirect(back_url)
    return form_page(
        request,
        form,
        heading,
        back_url,
        status=400 if form.errors else 200,
        intro=intro,
        submit_label=submit_label,
    )


def download_name(*parts, ext: str) -> str:
    """A file name in the user's language from translated words and references, e.g.
    ("beslutninger", "2027-03-01") → "beslutninger-2027-03-01.xlsx" (æ, ø and å kept)."""
    stem = "-".join(slugify(str(p), allow_unicode=True) for p in parts if str(p))
    return f"{stem}.{ext}"


def attachment(response: HttpResponse, filename: str) -> HttpResponse:
    # content_disposition_header encodes a non-ASCII name as RFC 6266 asks.
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def xlsx_response(content, filename: str) -> HttpResponse:
    """An xlsx download from bytes or from an open file (a streamed workbook, sent in
    blocks and closed when sent)."""
    if isinstance(content, bytes):
        return attachment(HttpResponse(content, content_type=XLSX), filename)
    return attachment(FileResponse(content, content_type=XLSX), filename)
