"""The shared catalogue: search and read every organisation's published entries, adopt one
as an idea, publish and withdraw the organisation's own, move an entry between servers as a
file. Every read goes through `Entry.objects.published()` (or the organisation's own), so an
unpublished or withdrawn entry is never shown to another organisation."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.views import attachment, download_name
from initiatives.access import get_initiative
from organisations.access import org_required
from organisations.permissions import Perm

from . import benchmark, services
from .forms import ImportForm, ReviewForm, SearchForm
from .models import Entry

PAGE = 25


def _visible(request: HttpRequest):
    """Published entries, and the organisation's own withdrawn ones."""
    return Entry.objects.published() | Entry.objects.filter(organisation=request.organisation)


def _entry(request: HttpRequest, key) -> Entry:
    return get_object_or_404(_visible(request), key=key)


@org_required(Perm.VIEW)
def catalogue(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    entries = Entry.objects.published()
    if form.is_valid():
        data = form.cleaned_data
        entries = entries.search(
            text=data["q"],
            track=data["track"],
            source=data["source"],
            tag=data["tag"].strip(),
            joint={"yes": True, "no": False}.get(data["joint"]),
            size=data["size"],
        )
    page = Paginator(entries.defer("case", "benefits", "lessons", "description"), PAGE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "catalogue/list.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


@org_required(Perm.VIEW)
def entry_detail(request: HttpRequest, key) -> HttpResponse:
    entry = _entry(request, key)
    own = entry.organisation_id == request.organisation.pk
    adopted = (
        entry.adopted_by.filter(organisation=request.organisation)
        .select_related("initiative")
        .first()
    )
    return render(
        request,
        "catalogue/entry.html",
        {
            "entry": entry,
            "own": own,
            "adopted": adopted,
            "can_adopt": not own
            and entry.withdrawn_at is None
            and request.membership.can(Perm.PROPOSE_INITIATIVE),
            "can_manage": own and request.membership.can(Perm.EDIT_ANY_INITIATIVE),
        },
    )


@org_required(Perm.PROPOSE_INITIATIVE)
@require_POST
def adopt(request: HttpRequest, key) -> HttpResponse:
    entry = get_object_or_404(Entry.objects.published(), key=key)
    try:
        initiative = services.adopt(
            entry=entry,
            organisation=request.organisation,
            membership=request.membership,
            user=request.user,
        )
    except services.CatalogueError as refused:
        messages.error(request, str(refused))
        return redirect("catalogue:entry", request.organisation.slug, entry.key)
    messages.success(
        request, _("The entry is now an idea in your register: %(i)s.") % {"i": initiative}
    )
    return redirect("initiatives:detail", request.organisation.slug, initiative.number)


@org_required(Perm.EDIT_ANY_INITIATIVE)
@require_POST
def withdraw(request: HttpRequest, key) -> HttpResponse:
    entry = get_object_or_404(
        Entry.objects.filter(organisation=request.organisation).published(), key=key
    )
    services.withdraw(entry=entry, user=request.user)
    messages.success(request, _("The entry was withdrawn. No one can find it any more."))
    return redirect("catalogue:ours", request.organisation.slug)


@org_required(Perm.VIEW)
def export(request: HttpRequest, key) -> HttpResponse:
    entry = get_object_or_404(Entry.objects.published(), key=key)
    response = HttpResponse(
        services.export(entry, settings.SITE_URL), content_type="application/json"
    )
    return attachment(response, download_name(entry.title, ext="json"))


@org_required(Perm.EDIT_ANY_INITIATIVE)
def import_entry(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            entry = services.import_entry(
                content=form.cleaned_data["file"].read(),
                organisation=request.organisation,
                user=request.user,
            )
        except services.CatalogueError as refused:
            form.add_error("file", str(refused))
        else:
            messages.success(request, _("The entry was imported into the catalogue."))
            return redirect("catalogue:entry", request.organisation.slug, entry.key)
    return render(
        request,
        "catalogue/import.html",
        {"form": form},
        status=422 if form.errors else 200,
    )


@org_required(Perm.VIEW)
def ours(request: HttpRequest) -> HttpResponse:
    """The organisation's own entries, withdrawn ones too, with how many adopted each."""
    entries = Entry.objects.filter(organisation=request.organisation).defer(
        "case", "benefits", "lessons", "description"
    )
    return render(request, "catalogue/ours.html", {"entries": entries})


@org_required(Perm.EDIT_ANY_INITIATIVE)
def publish(request: HttpRequest, number: int) -> HttpResponse:
    """Review the profile, then publish it (or update the published entry)."""
    initiative = get_initiative(request, number)
    if not initiative.editable_by(request.membership):
        raise PermissionDenied
    draft = services.draft(initiative)
    current = Entry.objects.filter(initiative=initiative).published().first()
    form = ReviewForm(request.POST or None, instance=current or draft)
    if request.method == "POST" and form.is_valid():
        entry = services.publish(
            initiative=initiative,
            reviewed={name: form.cleaned_data[name] for name in services.REVIEWED},
            user=request.user,
        )
        messages.success(request, _("The initiative is published in the shared catalogue."))
        return redirect("catalogue:entry", request.organisation.slug, entry.key)
    return render(
        request,
        "catalogue/publish.html",
        {"form": form, "initiative": initiative, "entry": draft, "current": current},
        status=400 if form.errors else 200,
    )


@org_required(Perm.VIEW)
def benchmark_page(request: HttpRequest) -> HttpResponse:
    """The organisation's key figures beside the median and quartiles of those that share
    theirs (from five up, never named)."""
    return render(
        request,
        "catalogue/benchmark.html",
        {
            "rows": benchmark.rows(request.organisation),
            "shares": request.organisation.shares_benchmark,
            "minimum": benchmark.MIN_ORGANISATIONS,
            "can_manage": request.membership.can(Perm.MANAGE_ORGANISATION),
        },
    )
