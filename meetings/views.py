"""Meetings: the agenda built from waiting items, a decision per item, minutes, exports."""

from __future__ import annotations

import datetime
from html import escape

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.versioning import STALE_MESSAGE, StaleObjectError, refused_as_stale, save_versioned
from core.views import attachment, download_name, form_page, save_form_page
from governance import gates
from governance.forms import decided
from governance.models import Body
from governance.services import holders
from initiatives.access import get_initiative, require_edit
from organisations.access import org_required
from organisations.permissions import Perm

from . import documents
from . import services as meetings
from .forms import AgendaItemForm, ItemDecisionForm, MeetingForm, MinutesForm
from .models import AgendaItem, ItemKind, Meeting
from .waiting import waiting_items


def _meeting(request: HttpRequest, meeting_id: int) -> Meeting:
    return get_object_or_404(
        Meeting.objects.for_org(request.organisation).select_related("body"), pk=meeting_id
    )


def _item(request: HttpRequest, meeting: Meeting, item_id: int) -> AgendaItem:
    return get_object_or_404(
        AgendaItem.objects.for_org(request.organisation).select_related("initiative", "scenario"),
        pk=item_id,
        meeting=meeting,
    )


@org_required(Perm.VIEW)
def meeting_list(request: HttpRequest) -> HttpResponse:
    qs = Meeting.objects.for_org(request.organisation).select_related("body")
    body = request.GET.get("body", "")
    if body.isdigit():
        qs = qs.filter(body_id=int(body))
    return render(
        request,
        "meetings/meetings.html",
        {
            "meetings": qs[:200],
            "bodies": Body.objects.for_org(request.organisation),
            "selected": body,
            "can_record": request.membership.can(Perm.RECORD_DECISIONS),
        },
    )


@org_required(Perm.RECORD_DECISIONS)
def meeting_create(request: HttpRequest) -> HttpResponse:
    initial = {}
    if request.GET.get("body", "").isdigit():
        initial["body"] = int(request.GET["body"])
    form = MeetingForm(request.POST or None, organisation=request.organisation, initial=initial)
    back = reverse("meetings:meetings", args=[request.organisation.slug])
    if request.method == "POST" and form.is_valid():
        meeting = form.save(commit=False)
        meeting.organisation = request.organisation
        meeting.save()
        messages.success(request, _("The meeting was created. Build its agenda below."))
        return redirect("meetings:meeting", request.organisation.slug, meeting.pk)
    return form_page(
        request,
        form,
        _("New meeting"),
        back,
        status=400 if form.errors else 200,
    )


@org_required(Perm.RECORD_DECISIONS)
def meeting_edit(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, meeting_id)
    back = reverse("meetings:meeting", args=[request.organisation.slug, meeting.pk])
    if not meeting.is_open:
        messages.error(request, _("The meeting is closed; its agenda cannot change."))
        return redirect(back)
    form = MeetingForm(request.POST or None, instance=meeting, organisation=request.organisation)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            save_versioned(form, user=request.user, expected_version=form.cleaned_data["version"])
        except StaleObjectError:
            status = refused_as_stale(form)
        else:
            messages.success(request, _("The meeting was saved."))
            return redirect(back)
    return form_page(
        request,
        form,
        _("Edit the meeting"),
        back,
        status=400 if status == 200 and form.errors else status,
    )


def waiting_list(waiting: list) -> str:
    """What waits, as the agenda form's checkboxes, written in one pass with the standard
    library's escape (a body in a large portfolio has a hundred items waiting)."""
    labels = {kind: escape(str(ItemKind(kind).label)) for kind in {w.kind for w in waiting}}
    return mark_safe(  # noqa: S308 - every value is escaped here
        "".join(
            f'<li class="form-group-checkbox"><input class="form-checkbox" type="checkbox" '
            f'name="items" value="{escape(w.key)}" id="w-{k}" checked><label for="w-{k}">'
            f'<strong>{escape(str(w.title))}</strong> <span class="styr-muted">· '
            f"{labels[w.kind]} · {escape(str(w.reason))}</span></label></li>"
            for k, w in enumerate(waiting, start=1)
        )
    )


@org_required(Perm.VIEW)
def meeting_detail(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, meeting_id)
    can_record = request.membership.can(Perm.RECORD_DECISIONS)
    open_meeting = meeting.is_open
    items = list(
        meeting.items.select_related(
            "initiative", "scenario", "decision__recorded_by", "decision__body"
        )
    )
    # Each item's three addresses from one reverse per kind, not four per item (20 items).
    slug = request.organisation.slug
    for kind in ("item_decide", "item_move", "item_remove"):
        head, tail = reverse(f"meetings:{kind}", args=[slug, meeting.pk, 0]).rsplit("/0/", 1)
        for item in items:
            setattr(item, f"{kind}_url", f"{head}/{item.pk}/{tail}")
    return render(
        request,
        "meetings/meeting.html",
        {
            "meeting": meeting,
            "items": items,
            # What waits is only worked out for someone who can put it on the agenda.
            "waiting": waiting_list(waiting_items(meeting.body, meeting.date))
            if can_record and open_meeting
            else "",
            "can_record": can_record,
            "open_meeting": open_meeting,
            "minutes_form": MinutesForm(instance=meeting) if can_record else None,
        },
    )


@org_required(Perm.RECORD_DECISIONS)
@require_POST
def agenda_add(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, meeting_id)
    if not meeting.is_open:
        messages.error(request, _("The meeting is closed; its agenda cannot change."))
    else:
        added = meetings.add_to_agenda(meeting=meeting, keys=request.POST.getlist("items"))
        if added:
            messages.success(request, _("%(n)d items were put on the agenda.") % {"n": added})
        else:
            messages.error(request, _("Choose at least one waiting item."))
    return redirect("meetings:meeting", request.organisation.slug, meeting.pk)


@org_required(Perm.RECORD_DECISIONS)
def item_add(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, meeting_id)
    if not meeting.is_open:
        raise Http404

    def prepare(item: AgendaItem) -> None:
        item.organisation, item.body, item.meeting = request.organisation, meeting.body, meeting
        item.kind = ItemKind.OTHER
        item.position = meetings.next_position(meeting)

    return save_form_page(
        request,
        AgendaItemForm(request.POST or None, organisation=request.organisation),
        _("Add an item to the agenda"),
        reverse("meetings:meeting", args=[request.organisation.slug, meeting.pk]),
        _("The item was put on the agenda."),
        prepare=prepare,
    )


@org_required(Perm.RECORD_DECISIONS)
@require_POST
def item_remove(request: HttpRequest, meeting_id: int, item_id: int) -> HttpResponse:
    meeting = _meeting(request, meeting_id)
    item = _item(request, meeting, item_id)
    if item.decision_id:
        messages.error(request, _("A decided item stays on the agenda."))
    elif item.requested_by_id:  # a request goes back to wait for the next meeting
        item.meeting = None
        item.save(update_fields=["meeting"])
    else:
        item.delete()
    return redirect("meetings:meeting", request.organisation.slug, meeting.pk)


@org_required(Perm.RECORD_DECISIONS)
@require_POST
def item_move(request: HttpRequest, meeting_id: int, item_id: int) -> HttpResponse:
    meeting = _meeting(request, meeting_id)
    item = _item(request, meeting, item_id)
    if meeting.is_open:
        meetings.move_item(item=item, up=request.POST.get("direction") == "up")
    url = reverse("meetings:meeting", args=[request.organisation.slug, meeting.pk])
    return redirect(f"{url}#item-{item.pk}")


@org_required(Perm.RECORD_DECISIONS)
@require_POST
def meeting_cancel(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, meeting_id)
    if meetings.cancel(meeting=meeting, user=request.user):
        messages.success(request, _("The meeting was cancelled; its requests wait again."))
    else:
        messages.error(request, _("A held meeting, or one with decisions, cannot be cancelled."))
    return redirect("meetings:meeting", request.organisation.slug, meeting.pk)


@org_required(Perm.RECORD_DECISIONS)
def item_decide(request: HttpRequest, meeting_id: int, item_id: int) -> HttpResponse:
    """The decision an agenda item ends in: a page of its own, or (htmx) its form loaded
    into the meeting page. The form posts normally, so it works without JavaScript."""
    meeting = _meeting(request, meeting_id)
    item = _item(request, meeting, item_id)
    url = reverse("meetings:meeting", args=[request.organisation.slug, meeting.pk])
    if item.decision_id or not meeting.is_open:
        messages.error(request, _("This item is already decided."))
        return redirect(f"{url}#item-{item.pk}")
    points = (
        gates.checklist(item.initiative, item.to_stage)
        if item.kind == ItemKind.GATE and item.initiative
        else ()
    )
    form = ItemDecisionForm(request.POST or None, item=item, points=points)
    if request.method == "POST" and form.is_valid():
        decision = form.save(commit=False)
        # Decided at the meeting — or today, when it is recorded ahead of the meeting's date
        # (a log never holds a decision dated in the future).
        decision.decided_on = min(meeting.date, datetime.date.today())
        done = set(form.cleaned_data.get("done") or ())
        if decided(
            form,
            lambda: meetings.decide_item(
                item=item, decision=decision, done=done, user=request.user
            ),
        ):
            messages.success(request, _("The decision was recorded in the log."))
            return redirect(f"{url}#item-{item.pk}")
    template = "meetings/item_decision.html"
    if request.htmx:
        template += "#form"
    return render(
        request,
        template,
        {"meeting": meeting, "item": item, "form": form},
        status=400 if form.errors else 200,
    )


@org_required(Perm.RECORD_DECISIONS)
@require_POST
def meeting_publish(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, meeting_id)
    if meetings.publish(meeting=meeting, user=request.user):
        messages.success(request, _("The agenda was published and sent to the members."))
    else:
        messages.error(request, _("The agenda is already published."))
    return redirect("meetings:meeting", request.organisation.slug, meeting.pk)


@org_required(Perm.RECORD_DECISIONS)
@require_POST
def meeting_close(request: HttpRequest, meeting_id: int) -> HttpResponse:
    meeting = _meeting(request, meeting_id)
    form = MinutesForm(request.POST, instance=meeting)
    if not meeting.is_open:
        messages.error(request, _("The meeting is closed; its agenda cannot change."))
    elif form.is_valid():
        try:
            meetings.close(
                meeting=meeting,
                minutes=form.cleaned_data["minutes"],
                user=request.user,
                expected_version=form.cleaned_data["version"] or meeting.version,
            )
        except StaleObjectError:
            messages.error(request, str(STALE_MESSAGE))
        else:
            messages.success(request, _("The minutes were saved and the meeting closed."))
    return redirect("meetings:meeting", request.organisation.slug, meeting.pk)


@org_required(Perm.VIEW)
def meeting_document(request: HttpRequest, meeting_id: int, doc: str, fmt: str) -> HttpResponse:
    meeting = _meeting(request, meeting_id)
    data = documents.meeting_data(meeting, minutes=doc == "minutes")
    name = download_name(
        _("minutes") if doc == "minutes" else _("agenda"), f"{meeting.date:%Y-%m-%d}", ext=fmt
    )
    if fmt == "pdf":
        response = HttpResponse(documents.as_pdf(data), content_type="application/pdf")
    else:
        response = HttpResponse(
            documents.as_docx(data),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
    return attachment(response, name)


@org_required(Perm.VIEW)
@require_POST
def gate_request(request: HttpRequest, number: int) -> HttpResponse:
    """The initiative lead asks the body with the mandate for a gate decision."""
    initiative = get_initiative(request, number)
    require_edit(request, initiative)
    to_stage = request.POST.get("to", "")
    if to_stage not in gates.NEXT_STAGES.get(initiative.stage, ()):
        raise Http404
    bodies = holders(request.organisation, "pass_gate", initiative.track)
    if not bodies:
        messages.error(request, _("No body holds the mandate to pass this gate."))
    else:
        meetings.request_gate(
            initiative=initiative, body=bodies[0], to_stage=to_stage, user=request.user
        )
        messages.success(
            request,
            _("%(body)s will find the gate among its waiting items.") % {"body": bodies[0]},
        )
    url = reverse("governance:gate", args=[request.organisation.slug, number])
    return redirect(f"{url}?to={to_stage}")
