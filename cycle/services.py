"""The yearly cycle at work: events create meetings, due status reports and reminders.

`run_cycle` is idempotent: a meeting is made once per body and date, a due report once
per initiative and date, a reminder once per key. `run_due_cycles` runs it once per
organisation and day, whoever asks (the `run_daily` job every minute, `styr send-reminders`
from a scheduler, on one machine or several): the day is claimed with a unique row first.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks import task

from benefits.portfolio import overview
from governance.models import Body, BodyKind
from initiatives.models import Initiative
from meetings.models import Meeting
from meetings.services import add_to_agenda
from meetings.waiting import waiting_items
from notifications.services import notify, send_digests
from organisations.models import Membership, Organisation
from organisations.permissions import Role
from reporting.models import StatusDue

from .models import CycleEvent, DailyRun, EventKind, Repeat

HORIZON_DAYS = 14  # how far ahead an event creates its meeting and due reports
REMIND_DAYS = 7  # a due status report is announced this many days before


@dataclass
class CycleResult:
    meetings: int = 0
    dues: int = 0
    notifications: int = 0


# A Danish municipality's year (seed 000/004: decisions tied to the budget cycle).
DEFAULT_EVENTS = (
    (gettext_lazy("Revise the digitalisation strategy"), EventKind.STRATEGY_REVISION, 1, 15, 12),
    (gettext_lazy("Budget: frames and proposals from the departments"), EventKind.BUDGET, 2, 1, 12),
    (gettext_lazy("Budget: the KL–government economy agreement"), EventKind.BUDGET, 6, 1, 12),
    (gettext_lazy("Budget: first reading in the council"), EventKind.BUDGET, 9, 15, 12),
    (gettext_lazy("Budget: second reading and adoption"), EventKind.BUDGET, 10, 10, 12),
    (gettext_lazy("Quarterly status reports due"), EventKind.QUARTERLY_STATUS, 3, 31, 3),
    (gettext_lazy("Benefit follow-up before the budget"), EventKind.BENEFIT_FOLLOW_UP, 2, 15, 6),
)
DEFAULT_MEETINGS = (
    (BodyKind.PROJECT_COUNCIL, 1, 10, Repeat.MONTHLY),
    (BodyKind.EXECUTIVE_BOARD, 1, 20, Repeat.QUARTERLY),
)


def create_defaults(organisation) -> int:
    """A default yearly cycle, once; meetings only for bodies that exist."""
    with transaction.atomic():
        if CycleEvent.objects.for_org(organisation).exists():
            return 0
        rows = [
            CycleEvent(
                organisation=organisation,
                title=str(title),
                kind=kind,
                month=month,
                day=day,
                repeat=repeat,
            )
            for title, kind, month, day, repeat in DEFAULT_EVENTS
        ]
        bodies = {b.kind: b for b in Body.objects.for_org(organisation)}
        for kind, month, day, repeat in DEFAULT_MEETINGS:
            if kind in bodies:
                rows.append(
                    CycleEvent(
                        organisation=organisation,
                        title=_("Meeting: %(body)s") % {"body": bodies[kind]},
                        kind=EventKind.MEETING,
                        body=bodies[kind],
                        month=month,
                        day=day,
                        repeat=repeat,
                    )
                )
        CycleEvent.objects.bulk_create(rows)
        return len(rows)


def _office(organisation) -> list:
    return [
        m.user
        for m in Membership.objects.filter(
            organisation=organisation, role__in=(Role.ADMIN, Role.PORTFOLIO_MANAGER)
        ).select_related("user")
    ]


def run_cycle(
    organisation, *, today: datetime.date | None = None, horizon: int = HORIZON_DAYS
) -> CycleResult:
    """Create the work of every event occurring from today to `horizon` days ahead, and
    remind initiative leads and benefit owners of what is due."""
    today = today or datetime.date.today()
    end = today + datetime.timedelta(days=horizon)
    result = CycleResult()
    slug = organisation.slug
    active = list(Initiative.objects.for_org(organisation).active().only("id"))
    for event in CycleEvent.objects.for_org(organisation).select_related("body"):
        for date in event.occurrences(today, end):
            with transaction.atomic():
                if event.kind == EventKind.MEETING and event.body_id:
                    if Meeting.objects.filter(body=event.body, date=date).exists():
                        continue
                    meeting = Meeting.objects.create(
                        organisation=organisation, body=event.body, date=date, cycle_event=event
                    )
                    keys = [w.key for w in waiting_items(event.body, date)]
                    add_to_agenda(meeting=meeting, keys=keys)
                    result.meetings += 1
                elif event.kind == EventKind.QUARTERLY_STATUS:
                    dues = StatusDue.objects.for_org(organisation).filter(due_on=date)
                    before = dues.count()
                    StatusDue.objects.bulk_create(
                        [
                            StatusDue(organisation=organisation, initiative=i, due_on=date)
                            for i in active
                        ],
                        ignore_conflicts=True,  # one due per initiative and date
                    )
                    result.dues += dues.count() - before
                else:  # strategy, budget, benefit follow-up: the office is told
                    result.notifications += notify(
                        organisation=organisation,
                        users=_office(organisation),
                        subject=f"{event.title} ({date:%d.%m.%Y})",
                        body=event.description or event.title,
                        url=reverse("cycle:wheel", args=[slug]),
                        key=f"event-{event.pk}-{date}",
                    )
    # Reminders: status reports due within a week or overdue, measurements due.
    soon = today + datetime.timedelta(days=REMIND_DAYS)
    dues = (
        StatusDue.objects.for_org(organisation)
        .open()
        .filter(due_on__lte=soon, initiative__initiative_lead__isnull=False)
        .select_related("initiative__initiative_lead")
    )
    for due in dues:
        initiative = due.initiative
        overdue = due.due_on < today
        subject = (
            _("Overdue: status report for %(initiative)s")
            if overdue
            else _("Status report due for %(initiative)s")
        ) % {"initiative": initiative}
        result.notifications += notify(
            organisation=organisation,
            users=[initiative.initiative_lead],
            subject=subject,
            body=_("The status report is due %(date)s.") % {"date": f"{due.due_on:%d.%m.%Y}"},
            url=reverse("reporting:report_create", args=[slug, initiative.number]),
            key=f"status-{'overdue' if overdue else 'due'}-{due.pk}",
        )
    due = [row for row in overview(organisation, today=today).due if row.owner_id]
    owners = {
        m.user_id: m.user
        for m in Membership.objects.filter(
            organisation=organisation, user_id__in={row.owner_id for row in due}
        ).select_related("user")
    }
    for row in due:
        result.notifications += notify(
            organisation=organisation,
            users=[owners.get(row.owner_id)],  # an owner who left is not reminded
            subject=_("Measurement due: %(benefit)s") % {"benefit": row.title},
            body=_("%(indicator)s for %(initiative)s is due to be measured.")
            % {"indicator": row.indicator, "initiative": row.initiative_reference},
            url=reverse("benefits:detail", args=[slug, row.id]),
            key=f"measure-{row.id}-{row.status.next_due}",
        )
    return result


@dataclass
class DailyResult:
    organisation: Organisation
    cycle: CycleResult
    digests: int


def claim_day(organisation, day: datetime.date) -> DailyRun | None:
    """Claim `organisation`'s cycle for `day`, or None when another process has it: the
    unique row decides, on one machine or many. An unfinished claim older than
    DailyRun.STALE_AFTER (its process died) is taken over with a conditional update."""
    now = timezone.now()
    try:
        with transaction.atomic():
            return DailyRun.objects.create(organisation=organisation, day=day, started=now)
    except IntegrityError:
        stale = Q(finished__isnull=True, started__lt=now - DailyRun.STALE_AFTER)
        taken = DailyRun.objects.filter(stale, organisation=organisation, day=day).update(
            started=now
        )
        return DailyRun.objects.get(organisation=organisation, day=day) if taken else None


def run_due_cycles(*, today: datetime.date | None = None) -> list[DailyResult]:
    """Run the daily cycle of every organisation that has not had today's, each once:
    the yearly cycle's work and reminders (run_cycle), then the digests of those who chose
    one. The `run_daily` job calls this every minute; `styr send-reminders` once."""
    today = today or timezone.localdate()
    fresh = timezone.now() - DailyRun.STALE_AFTER
    done_today = DailyRun.objects.filter(
        Q(finished__isnull=False) | Q(started__gte=fresh), day=today
    ).values("organisation")
    results = []
    for organisation in Organisation.objects.exclude(pk__in=done_today).order_by("slug"):
        claim = claim_day(organisation, today)
        if claim is None:
            continue
        with translation.override(organisation.language):  # Bokmål for Norwegian ones
            cycle = run_cycle(organisation, today=today)
            digests = send_digests(organisation=organisation)
        DailyRun.objects.filter(pk=claim.pk).update(finished=timezone.now())
        results.append(DailyResult(organisation, cycle, digests))
    return results


@task()
def run_daily() -> int:
    """The worker's job for the daily cycle, queued every minute by each worker (see
    settings.STYR_PERIODIC_JOBS); returns how many organisations had their day."""
    return len(run_due_cycles())
