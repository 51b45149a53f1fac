"""Ideas and hassles: the board, an item (vote, comment, answer), submitting, campaigns,
change agents, the overview and the export."""

from __future__ import annotations

import datetime
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.versioning import StaleObjectError, refused_as_stale
from core.views import download_name, form_page, xlsx_response
from core.xlsx import add_sheet, append, streamed_workbook, workbook_file
from organisations.access import org_required
from organisations.models import Department
from organisations.permissions import Perm

from . import overview, services
from .forms import AgentForm, AnswerForm, CampaignForm, CommentForm, ItemForm
from .models import Campaign, ChangeAgent, Item, Kind, Resolution, Screenshot, Status, Vote

PAGE = 50
SORTS = {
    "votes": ("-votes", "-pk"),
    "hours": ("-hours", "-pk"),
    "newest": ("-created", "-pk"),
    "oldest": ("created", "pk"),
}


def agent_departments(request: HttpRequest) -> set[int]:
    return set(
        ChangeAgent.objects.for_org(request.organisation)
        .filter(user=request.user)
        .values_list("department_id", flat=True)
    )


def can_triage(request: HttpRequest, item: Item) -> bool:
    """The office triages every item; a change agent their departments' items."""
    if request.membership.can(Perm.TRIAGE_IDEAS):
        return True
    return item.department_id is not None and item.department_id in agent_departments(request)


def _item(request: HttpRequest, item_number: int) -> Item:
    return get_object_or_404(
        Item.objects.for_org(request.organisation).select_related(
            "department", "campaign", "submitter", "merged_into", "initiative", "answered_by"
        ),
        number=item_number,
    )


def _filtered(request: HttpRequest):
    items = Item.objects.for_org(request.organisation)
    chosen = {}
    for name, field, values in (
        ("kind", "kind", Kind.values),
        ("status", "status", Status.values),
    ):
        value = request.GET.get(name, "")
        if value in values:
            items = items.filter(**{field: value})
            chosen[name] = value
    for name in ("department", "campaign"):
        value = request.GET.get(name, "")
        if value.isdigit():
            items = items.filter(**{f"{name}_id": int(value)})
            chosen[name] = value
    system = request.GET.get("system", "").strip()[:120]
    if system:
        items = items.filter(system__iexact=system)
        chosen["system"] = system
    text = request.GET.get("q", "").strip()[:100]
    if text:
        items = items.filter(Q(title__icontains=text) | Q(description__icontains=text))
        chosen["q"] = text
    sort = request.GET.get("sort", "votes")
    if sort not in SORTS:
        sort = "votes"
    chosen["sort"] = sort
    return items.order_by(*SORTS[sort]), chosen


@org_required(Perm.VIEW)
def board(request: HttpRequest) -> HttpResponse:
    items, chosen = _filtered(request)
    page = Paginator(
        items.select_related("department").only(
            "number",
            "kind",
            "title",
            "system",
            "votes",
            "hours",
            "status",
            "resolution",
            "due_on",
            "created",
            "department__name",
        ),
        PAGE,
    ).get_page(request.GET.get("page"))
    org = request.organisation
    query = urlencode(chosen)
    return render(
        request,
        "involvement/board.html",
        {
            "page": page,
            "chosen": chosen,
            "query": query,
            "kinds": Kind.choices,
            "statuses": Status.choices,
            "departments": Department.objects.for_org(org),
            "campaigns": Campaign.objects.for_org(org),
            "systems": overview.systems(org),
            "sorts": [
                ("votes", _("Most votes")),
                ("hours", _("Most hours lost")),
                ("newest", _("Newest")),
                ("oldest", _("Oldest")),
            ],
            "today": datetime.date.today(),
            "can_triage": request.membership.can(Perm.TRIAGE_IDEAS),
        },
    )


@org_required(Perm.VIEW)
def item_new(request: HttpRequest) -> HttpResponse:
    org = request.organisation
    initial = {
        "kind": request.GET.get("kind") if request.GET.get("kind") in Kind.values else Kind.IDEA
    }
    if request.membership.department_id:
        initial["department"] = request.membership.department_id
    campaign = request.GET.get("campaign", "")
    if campaign.isdigit():
        initial["campaign"] = int(campaign)
    form = ItemForm(
        request.POST if request.method == "POST" else None,
        request.FILES or None,
        instance=Item(organisation=org),
        organisation=org,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        item = services.submit(
            item=form.save(commit=False),
            user=request.user,
            screenshots=form.cleaned_data["screenshots"],
        )
        messages.success(
            request,
            _("Thank you. Number %(n)d will be answered by %(date)s.")
            % {"n": item.number, "date": item.due_on.strftime("%d.%m.%Y")},
        )
        return redirect("involvement:item", org.slug, item.number)
    return render(
        request,
        "involvement/item_form.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@org_required(Perm.VIEW)
def item_detail(request: HttpRequest, item_number: int) -> HttpResponse:
    item = _item(request, item_number)
    triage = can_triage(request, item)
    answer_form = AnswerForm(item=item) if triage and item.resolution != Resolution.MERGED else None
    return _detail(request, item, CommentForm(), answer_form, triage)


def _detail(request, item, comment_form, answer_form, triage, status=200) -> HttpResponse:
    return render(
        request,
        "involvement/item.html",
        {
            "item": item,
            "submitter": item.shown_submitter(request.user),
            "voted": Vote.objects.filter(item=item, user=request.user).exists(),
            "comments": item.comments.select_related("author"),
            "screenshots": item.screenshots.all(),
            "merged": item.merged.all(),
            "comment_form": comment_form,
            "answer_form": answer_form,
            "can_triage": triage,
        },
        status=status,
    )


@org_required(Perm.VIEW)
@require_POST
def vote(request: HttpRequest, item_number: int) -> HttpResponse:
    item = _item(request, item_number)
    if request.POST.get("withdraw"):
        if services.unvote(item=item, user=request.user):
            messages.success(request, _("Your vote was withdrawn."))
    else:
        try:
            services.vote(item=item, user=request.user)
        except services.AlreadyVoted:
            messages.error(request, _("You have voted for this already."))
        else:
            messages.success(request, _("Thank you for your vote."))
    return redirect("involvement:item", request.organisation.slug, item.number)


@org_required(Perm.VIEW)
@require_POST
def comment(request: HttpRequest, item_number: int) -> HttpResponse:
    item = _item(request, item_number)
    form = CommentForm(request.POST)
    if form.is_valid():
        services.add_comment(item=item, user=request.user, text=form.cleaned_data["text"])
        messages.success(request, _("Your comment was added."))
        return redirect("involvement:item", request.organisation.slug, item.number)
    triage = can_triage(request, item)
    return _detail(request, item, form, AnswerForm(item=item) if triage else None, triage, 400)


@org_required(Perm.VIEW)
@require_POST
def answer(request: HttpRequest, item_number: int) -> HttpResponse:
    item = _item(request, item_number)
    if not can_triage(request, item):
        raise PermissionDenied
    back = reverse("involvement:item", args=[request.organisation.slug, item.number])
    if request.POST.get("review"):
        try:
            services.review(item=item, expected_version=int(request.POST.get("version") or 0))
        except StaleObjectError:
            messages.error(request, _("Someone changed the item meanwhile; look again."))
        else:
            messages.success(request, _("The item is under review."))
        return redirect(back)
    form = AnswerForm(request.POST, item=item)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.answer(
                item=item,
                expected_version=data["version"],
                resolution=data["resolution"],
                text=data["answer"],
                user=request.user,
                membership=request.membership,
                into=data.get("into_item"),
                body=data.get("body"),
                track=data.get("track") or "",
            )
        except StaleObjectError:
            refused_as_stale(form)
        except services.NotAllowed as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("The answer was saved and the submitter told."))
            return redirect(back)
    return _detail(request, item, CommentForm(), form, True, 400)


@org_required(Perm.VIEW)
def screenshot(request: HttpRequest, item_number: int, shot_id: int) -> FileResponse:
    """An item's image, to members only (the storage is not public)."""
    item = _item(request, item_number)
    shot = get_object_or_404(Screenshot.objects.filter(item=item), pk=shot_id)
    response = FileResponse(shot.image.open("rb"), content_type=shot.content_type)
    response["Content-Security-Policy"] = "default-src 'none'"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@org_required(Perm.VIEW)
def campaigns(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "involvement/campaigns.html",
        {
            "campaigns": Campaign.objects.for_org(request.organisation).prefetch_related(
                "departments"
            ),
            "today": datetime.date.today(),
            "can_triage": request.membership.can(Perm.TRIAGE_IDEAS),
        },
    )


@org_required(Perm.TRIAGE_IDEAS)
def campaign_new(request: HttpRequest) -> HttpResponse:
    org = request.organisation
    today = datetime.date.today()
    form = CampaignForm(
        request.POST if request.method == "POST" else None,
        instance=Campaign(organisation=org, created_by=request.user),
        organisation=org,
        initial={"opens_on": today, "closes_on": today + datetime.timedelta(days=30)},
    )
    back = reverse("involvement:campaigns", args=[org.slug])
    if request.method == "POST" and form.is_valid():
        campaign = form.save()
        messages.success(request, _("The campaign was started."))
        return redirect("involvement:campaign", org.slug, campaign.pk)
    return form_page(
        request,
        form,
        _("A new campaign"),
        back,
        status=400 if form.errors else 200,
        intro=_("Ask the organisation one question for a period, e.g. “What steals your time?”"),
    )


@org_required(Perm.VIEW)
def campaign(request: HttpRequest, campaign_id: int) -> HttpResponse:
    campaign = get_object_or_404(Campaign.objects.for_org(request.organisation), pk=campaign_id)
    items = (
        campaign.items.select_related("department")
        .only("number", "title", "votes", "status", "campaign_id", "department__name")
        .order_by("-votes", "-pk")
    )
    page = Paginator(items, PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "involvement/campaign.html",
        {
            "campaign": campaign,
            "page": page,
            "query": "",
            "departments": campaign.departments.all(),
        },
    )


@org_required(Perm.VIEW)
def agents(request: HttpRequest) -> HttpResponse:
    org = request.organisation
    can_manage = request.membership.can(Perm.TRIAGE_IDEAS)
    form = AgentForm(request.POST if request.method == "POST" else None, organisation=org)
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        if request.POST.get("remove", "").isdigit():
            ChangeAgent.objects.for_org(org).filter(pk=int(request.POST["remove"])).delete()
            messages.success(request, _("The change agent was removed."))
            return redirect("involvement:agents", org.slug)
        if form.is_valid():
            ChangeAgent.objects.get_or_create(organisation=org, **form.cleaned_data)
            messages.success(request, _("The change agent was added."))
            return redirect("involvement:agents", org.slug)
    return render(
        request,
        "involvement/agents.html",
        {"rows": overview.agents(org), "form": form if can_manage else None},
        status=400 if form.errors else 200,
    )


@org_required(Perm.VIEW)
def overview_page(request: HttpRequest) -> HttpResponse:
    org = request.organisation
    return render(request, "involvement/overview.html", overview.page(org))


@org_required(Perm.VIEW)
def export(request: HttpRequest) -> HttpResponse:
    """The board as filtered, as xlsx; an anonymous item's submitter is never in it."""
    items, _chosen = _filtered(request)
    wb = streamed_workbook()
    headers = [
        _("Number"),
        _("Kind"),
        _("Title"),
        _("Department"),
        _("System or process"),
        _("Votes"),
        _("Hours lost a year"),
        _("Status"),
        _("Resolution"),
        _("Answer due"),
        _("Submitted by"),
    ]
    ws = add_sheet(wb, _("Ideas and hassles"), headers, [8, 8, 40, 20, 20, 8, 10, 12, 14, 12, 24])
    # Each label translated once, not for each of 10,000 rows.
    kinds, statuses, resolutions = (
        {key: str(label) for key, label in choices.choices}
        for choices in (Kind, Status, Resolution)
    )
    users = {
        pk: name or email
        for pk, name, email in get_user_model()
        .objects.filter(memberships__organisation=request.organisation)
        .values_list("pk", "name", "email")
    }
    # Plain rows, not model instances: an export of 10,000 items spends its time in
    # openpyxl, not in the ORM.
    rows = items.values_list(
        "number",
        "kind",
        "title",
        "department__name",
        "system",
        "votes",
        "hours",
        "status",
        "resolution",
        "due_on",
        "anonymous",
        "submitter_id",
    )
    for row in rows.iterator(chunk_size=2000):
        number, kind, title, department, system, votes, hours, status = row[:8]
        resolution, due_on, anonymous, submitter = row[8:]
        append(
            ws,
            [
                number,
                kinds.get(kind, kind),
                title,
                department or "",
                system,
                votes,
                round(hours, 1),
                statuses.get(status, status),
                resolutions.get(resolution, ""),
                due_on,
                "" if anonymous or submitter is None else users.get(submitter, ""),
            ],
        )
    return xlsx_response(workbook_file(wb), download_name(_("ideas-and-hassles"), ext="xlsx"))
