from __future__ import annotations

from html import escape

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core.l10n import short_date
from core.models import Change
from core.templatetags.styr import initiative_url
from core.versioning import StaleObjectError, refused_as_stale
from organisations.access import org_required
from organisations.permissions import Perm

from .access import get_initiative, require_edit
from .figures import portfolio_figures
from .forms import InitiativeForm, PortfolioFilterForm
from .models import Initiative
from .services import save_initiative
from .tracks import DEFAULT_ENGAGEMENT, TRACKS, Stage, Track

GATED_FROM = (Stage.CLARIFY, Stage.PILOT, Stage.IMPLEMENTATION, Stage.OPERATION)


PAGE_SIZE = 50


def _portfolio_rows(initiatives, slug: str) -> str:
    """The overview table's rows, written in one pass with the standard library's escape
    (what the template wrote, byte for byte): the landing page of every member."""
    ambition = escape(_("Ambition"))
    tags_of, areas_of = Initiative.objects.filter(
        pk__in=[i.pk for i in initiatives]
    ).tag_and_area_names()

    def day(value) -> str:
        return escape(short_date(value)) or "—"

    out = []
    for i in initiatives:
        tags = "".join(
            f' <span class="badge badge-info">{escape(name)}</span>' for name in tags_of[i.pk]
        )
        track = escape(str(i.get_track_display()))
        if i.ambition:
            track += (
                f'<br><span class="styr-muted">{ambition}: '
                f"{escape(str(i.get_ambition_display()).lower())}</span>"
            )
        areas = ", ".join(escape(title) for title in areas_of[i.pk]) or "—"
        lead = escape(str(i.initiative_lead)) if i.initiative_lead else "—"
        out.append(
            f"\n      <tr>\n        <td>{escape(i.reference)}</td>\n"
            f'        <td><a href="{escape(initiative_url(i.number, slug))}">{escape(i.title)}</a>'
            f"{tags}</td>\n        <td>{track}</td>\n"
            f"        <td>{escape(str(i.get_stage_display()))}</td>\n"
            f"        <td>{areas}</td>\n        <td>{lead}</td>\n"
            f"        <td>{day(i.planned_start)}</td>\n        <td>{day(i.deadline)}</td>\n"
            "      </tr>\n    "
        )
    return mark_safe("".join(out))  # noqa: S308 - every value is escaped here


@org_required(Perm.VIEW)
def portfolio(request: HttpRequest) -> HttpResponse:
    org = request.organisation
    filters = PortfolioFilterForm(request.GET or None, organisation=org)
    qs = filters.filter(Initiative.objects.for_org(org))
    page = Paginator(qs.select_related("initiative_lead"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    params = request.GET.copy()
    params.pop("page", None)
    sort_params = params.copy()
    sort_params.pop("sort", None)
    context = {
        "filters": filters,
        "page": page,
        "rows": _portfolio_rows(page, org.slug),
        "query": params.urlencode(),
        "sort_query": sort_params.urlencode(),
        "sort": request.GET.get("sort") or "number",
        "can_create": request.membership.can(Perm.PROPOSE_INITIATIVE),
        **portfolio_figures(qs, org),
    }
    template = "initiatives/portfolio.html"
    if request.htmx:
        template += "#results"
    return render(request, template, context)


@org_required(Perm.VIEW)
def detail(request: HttpRequest, number: int) -> HttpResponse:
    initiative = get_object_or_404(
        Initiative.objects.for_org(request.organisation)
        .select_related("initiative_lead", "benefit_owner")
        .prefetch_related(
            "focus_areas__theme", "business_goals", "depends_on", "dependents", "tags"
        ),
        number=number,
    )
    return render(
        request,
        "initiatives/detail.html",
        {
            "initiative": initiative,
            "info": TRACKS[initiative.track],
            "can_edit": initiative.editable_by(request.membership),
            "can_share": request.membership.can(Perm.EDIT_ANY_INITIATIVE),
            "history": Change.for_page(initiative)[:30],
            "decisions": initiative.decisions.select_related("body", "recorded_by")[:50],
            "can_record": request.membership.can(Perm.RECORD_DECISIONS),
            "lagging": initiative.benefits.lagging(request.organisation.lag_threshold),
            "latest_status": initiative.status_reports.first(),
            "has_gate": initiative.stage in GATED_FROM,
            "is_open": initiative.stage not in (Stage.CLOSED, Stage.STOPPED),
        },
    )


def _form_page(request, form, initiative=None, status=200) -> HttpResponse:
    return render(
        request,
        "initiatives/form.html",
        {
            "form": form,
            "initiative": initiative,
            "tracks": [TRACKS[t] for t in Track],
            "engagement_defaults": DEFAULT_ENGAGEMENT,
        },
        status=status,
    )


@org_required(Perm.PROPOSE_INITIATIVE)
def create(request: HttpRequest) -> HttpResponse:
    org = request.organisation
    initial = {}
    if request.GET.get("track") in Track.values:
        initial["track"] = request.GET["track"]
    if request.GET.get("focus_area", "").isdigit():
        initial["focus_areas"] = [int(request.GET["focus_area"])]
    form = InitiativeForm(
        request.POST or None, organisation=org, membership=request.membership, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        initiative = save_initiative(form=form, user=request.user, expected_version=None)
        messages.success(request, _("%(initiative)s was registered.") % {"initiative": initiative})
        return redirect("initiatives:detail", org.slug, initiative.number)
    return _form_page(request, form)


@org_required(Perm.VIEW)
def edit(request: HttpRequest, number: int) -> HttpResponse:
    initiative = get_initiative(request, number)
    require_edit(request, initiative)
    form = InitiativeForm(
        request.POST or None,
        instance=initiative,
        organisation=request.organisation,
        membership=request.membership,
    )
    if request.method == "POST" and form.is_valid():
        try:
            save_initiative(
                form=form, user=request.user, expected_version=form.cleaned_data["version"]
            )
        except StaleObjectError:
            return _form_page(request, form, initiative, status=refused_as_stale(form))
        messages.success(request, _("The changes were saved."))
        return redirect("initiatives:detail", request.organisation.slug, initiative.number)
    return _form_page(request, form, initiative)


@org_required(Perm.VIEW)
def tracks(request: HttpRequest) -> HttpResponse:
    counts = dict(
        Initiative.objects.for_org(request.organisation)
        .values_list("track")
        .annotate(n=Count("id"))
        .order_by()
    )
    rows = [(TRACKS[t], counts.get(t.value, 0)) for t in Track]
    return render(request, "initiatives/tracks.html", {"rows": rows})


@org_required(Perm.VIEW)
def track_detail(request: HttpRequest, track: str) -> HttpResponse:
    if track not in Track.values:
        raise Http404
    qs = (
        Initiative.objects.for_org(request.organisation)
        .filter(track=track)
        .select_related("initiative_lead")
        .prefetch_related("dependents")
        .order_by("number")
    )
    return render(
        request,
        "initiatives/track.html",
        {
            "info": TRACKS[track],
            "initiatives": qs,
            "can_create": request.membership.can(Perm.PROPOSE_INITIATIVE),
        },
    )
