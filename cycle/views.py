"""The yearly cycle as a wheel and a list, its calendar feeds, and notification settings."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from assessments.models import Round
from core.views import save_form_page
from governance.models import Body, BodyMember
from meetings.models import Meeting
from organisations.access import org_required
from organisations.models import Membership, Organisation
from organisations.permissions import Perm
from reporting.models import StatusDue

from . import calendar, ical, services, wheel
from .forms import CycleEventForm
from .models import CycleEvent, EventKind

FEED_DAYS = 400


@dataclass(frozen=True)
class RoundDate:
    """An assessment round's opening or closing day in the cycle's list."""

    title: str
    kind: str
    url: str


def _events(request: HttpRequest):
    return CycleEvent.objects.for_org(request.organisation).select_related("body")


@org_required(Perm.VIEW)
def wheel_page(request: HttpRequest) -> HttpResponse:
    today = datetime.date.today()
    events = list(_events(request))
    kinds = [k for k in EventKind if any(e.kind == k for e in events)]
    marks = [
        wheel.Mark(e.title, kinds.index(e.kind), wheel.months_of(e.month, e.repeat), e.day)
        for e in events
    ]
    by_month: dict[int, list] = defaultdict(list)
    start = datetime.date(today.year, 1, 1)
    for e in events:
        for date in e.occurrences(start, datetime.date(today.year, 12, 31)):
            by_month[date.month].append((date, e))
    rounds = list(
        Round.objects.for_org(request.organisation).filter(
            opens_on__lte=datetime.date(today.year, 12, 31),
            closes_on__gte=datetime.date(today.year, 1, 1),
        )
    )
    legend_labels = [str(k.label) for k in kinds]
    if rounds:
        ring = len(legend_labels)
        legend_labels.append(_("Assessment rounds"))
        for r in rounds:
            url = reverse("assessments:round", args=[request.organisation.slug, r.pk])
            for date, what in ((r.opens_on, _("opens")), (r.closes_on, _("closes"))):
                if date.year == today.year:
                    by_month[date.month].append(
                        (date, RoundDate(f"{r.title} {what}", _("Assessment round"), url))
                    )
                    marks.append(wheel.Mark(f"{r.title} {what}", ring, [date.month], date.day))
    # Dated work of higher apps (cycle.calendar), one ring per kind.
    year_start, year_end = datetime.date(today.year, 1, 1), datetime.date(today.year, 12, 31)
    for d in calendar.dated(request.organisation, year_start, year_end):
        if d.kind not in legend_labels:
            legend_labels.append(d.kind)
        by_month[d.date.month].append((d.date, RoundDate(d.title, d.kind, d.url)))
        marks.append(wheel.Mark(d.title, legend_labels.index(d.kind), [d.date.month], d.date.day))
    months = [(MONTHS[m], sorted(by_month[m], key=lambda pair: pair[0])) for m in range(1, 13)]
    svg = wheel.wheel_svg(
        marks,
        [str(MONTHS[m]) for m in range(1, 13)],
        legend_labels,
        _("The yearly cycle %(year)d") % {"year": today.year},
        today=today,
    )
    org = request.organisation
    feed = reverse("calendar_feed", args=[ical.make_token(org.pk, "user", request.user.pk)])
    body_feeds = [
        (b, reverse("calendar_feed", args=[ical.make_token(org.pk, "body", b.pk)]))
        for b in Body.objects.for_org(org)
    ]
    return render(
        request,
        "cycle/wheel.html",
        {
            "svg": mark_safe(svg),  # built from escaped text in wheel.py
            "legend": list(zip(legend_labels, range(len(legend_labels)), strict=True)),
            "months": months,
            "events": events,
            "year": today.year,
            "feed": request.build_absolute_uri(feed),
            "body_feeds": [(b, request.build_absolute_uri(u)) for b, u in body_feeds],
            "can_manage": request.membership.can(Perm.MANAGE_GOVERNANCE),
        },
    )


@org_required(Perm.MANAGE_GOVERNANCE)
def event_edit(request: HttpRequest, event_id: int | None = None) -> HttpResponse:
    org = request.organisation
    event = (
        get_object_or_404(CycleEvent.objects.for_org(org), pk=event_id)
        if event_id
        else CycleEvent(organisation=org)
    )
    return save_form_page(
        request,
        CycleEventForm(request.POST or None, instance=event, organisation=org),
        _("Edit the event") if event.pk else _("New event in the yearly cycle"),
        reverse("cycle:wheel", args=[org.slug]),
        _("The event was saved."),
    )


@org_required(Perm.MANAGE_GOVERNANCE)
@require_POST
def event_remove(request: HttpRequest, event_id: int) -> HttpResponse:
    get_object_or_404(CycleEvent.objects.for_org(request.organisation), pk=event_id).delete()
    messages.success(request, _("The event was removed."))
    return redirect("cycle:wheel", request.organisation.slug)


@org_required(Perm.MANAGE_GOVERNANCE)
@require_POST
def defaults(request: HttpRequest) -> HttpResponse:
    if services.create_defaults(request.organisation):
        messages.success(request, _("A default yearly cycle was created."))
    return redirect("cycle:wheel", request.organisation.slug)


@org_required(Perm.MANAGE_GOVERNANCE)
@require_POST
def run_now(request: HttpRequest) -> HttpResponse:
    result = services.run_cycle(request.organisation)
    messages.success(
        request,
        _(
            "The next %(days)d days: %(meetings)d meetings with agendas, %(dues)d status "
            "reports due, %(notes)d notifications."
        )
        % {
            "days": services.HORIZON_DAYS,
            "meetings": result.meetings,
            "dues": result.dues,
            "notes": result.notifications,
        },
    )
    return redirect("cycle:wheel", request.organisation.slug)


def _entries_for_user(org: Organisation, user_id: int, start, end) -> list[ical.Entry]:
    site = settings.SITE_URL.rstrip("/")
    entries = []
    for event in CycleEvent.objects.for_org(org).exclude(kind=EventKind.MEETING):
        for date in event.occurrences(start, end):
            entries.append(
                ical.Entry(
                    f"event-{event.pk}-{date:%Y%m%d}@styr", date, event.title, event.description
                )
            )
    bodies = BodyMember.objects.filter(user_id=user_id, body__organisation=org).values("body_id")
    entries += _meetings(org, Meeting.objects.filter(body_id__in=bodies), start, end)
    for due in (
        StatusDue.objects.for_org(org)
        .open()
        .filter(initiative__initiative_lead_id=user_id, due_on__gte=start)
        .select_related("initiative")
    ):
        url = reverse("reporting:report_create", args=[org.slug, due.initiative.number])
        entries.append(
            ical.Entry(
                f"status-due-{due.pk}@styr",
                due.due_on,
                _("Status report due: %(initiative)s") % {"initiative": due.initiative},
                url=site + url,
            )
        )
    entries += [
        ical.Entry(f"{d.uid}@styr", d.date, d.title, d.description, site + d.url)
        for d in calendar.dated(org, start, end)
        if d.owner_id == user_id
    ]
    return entries


def _meetings(org, qs, start, end) -> list[ical.Entry]:
    site = settings.SITE_URL.rstrip("/")
    return [
        ical.Entry(
            f"meeting-{m.pk}@styr",
            m.date,
            str(m),
            m.location,
            site + reverse("meetings:meeting", args=[org.slug, m.pk]),
        )
        for m in qs.filter(date__gte=start, date__lte=end).select_related("body")
    ]


def feed(request: HttpRequest, token: str) -> HttpResponse:
    """A calendar feed for a person or a body; the signed token is the only key."""
    data = ical.read_token(token)
    if data is None:
        raise Http404
    org = get_object_or_404(Organisation, pk=data["o"])
    today = datetime.date.today()
    start, end = today - datetime.timedelta(days=90), today + datetime.timedelta(days=FEED_DAYS)
    if data["k"] == "user":
        if not Membership.objects.filter(organisation=org, user_id=data["id"]).exists():
            raise Http404
        name = _("Styr, %(org)s") % {"org": org.name}
        entries = _entries_for_user(org, data["id"], start, end)
    else:
        body = get_object_or_404(Body.objects.for_org(org), pk=data["id"])
        name = f"Styr, {body}"
        entries = _meetings(org, Meeting.objects.filter(body=body), start, end)
    content = ical.calendar(name, entries, timezone.now())
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="styr.ics"'
    return response
