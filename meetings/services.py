"""Meeting workflows: build the agenda from waiting items, decide each item, publish the
agenda and close the meeting with minutes. Each touches several models, so each runs in
one transaction; the e-mails go out after it commits."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from core.models import Change, record_change
from core.versioning import StaleObjectError
from governance.models import Decision, Outcome
from governance.services import GateError, move_stage, pass_gate, record_decision, stop_initiative
from initiatives.tracks import Stage
from notifications.services import notify
from portfolio.models import RunKind
from portfolio.services import commit_scenario

from .models import AgendaItem, ItemKind, Meeting, MeetingStatus
from .waiting import waiting_items


def next_position(meeting: Meeting) -> int:
    return (meeting.items.aggregate(m=Max("position"))["m"] or 0) + 1


def add_to_agenda(*, meeting: Meeting, keys: list[str]) -> int:
    """Put the chosen waiting items on the agenda; an item no longer waiting is skipped."""
    chosen = set(keys)
    with transaction.atomic():
        position = next_position(meeting)
        added = 0
        for waiting in waiting_items(meeting.body, meeting.date):
            if waiting.key not in chosen:
                continue
            if waiting.request is not None:
                item = waiting.request
                item.meeting, item.position = meeting, position
                item.save(update_fields=["meeting", "position"])
            else:
                AgendaItem.objects.create(
                    organisation=meeting.organisation,
                    body=meeting.body,
                    meeting=meeting,
                    position=position,
                    kind=waiting.kind,
                    title=waiting.title,
                    notes=waiting.reason,
                    initiative=waiting.initiative,
                    scenario=waiting.scenario,
                    to_stage=waiting.to_stage,
                )
            position += 1
            added += 1
        return added


def move_item(*, item: AgendaItem, up: bool) -> None:
    """Swap the item with its neighbour on the agenda."""
    with transaction.atomic():
        items = list(item.meeting.items.select_for_update().order_by("position", "id"))
        i = next(k for k, other in enumerate(items) if other.pk == item.pk)
        j = i - 1 if up else i + 1
        if 0 <= j < len(items):
            items[i], items[j] = items[j], items[i]
        for position, other in enumerate(items, start=1):
            if other.position != position:
                AgendaItem.objects.filter(pk=other.pk).update(position=position)


def cancel(*, meeting: Meeting, user) -> bool:
    """Cancel a meeting where nothing was decided: requests on it go back to waiting, the
    other items are dropped (they are offered again). The meeting stays, cancelled, so the
    yearly cycle does not make it again."""
    with transaction.atomic():
        if meeting.items.filter(decision__isnull=False).exists():
            return False
        before = meeting.status
        try:
            meeting.claim(
                only_if=~Q(status__in=(MeetingStatus.HELD, MeetingStatus.CANCELLED)),
                status=MeetingStatus.CANCELLED,
            )
        except StaleObjectError:
            return False
        meeting.items.filter(requested_by__isnull=False).update(meeting=None)
        meeting.items.all().delete()
        meeting.status = MeetingStatus.CANCELLED
        record_change(
            obj=meeting,
            user=user,
            action=Change.Action.UPDATED,
            before={"status": before},
            after={"status": MeetingStatus.CANCELLED.value},
        )
        return True


def request_gate(*, initiative, body, to_stage: str, user) -> AgendaItem:
    """An initiative lead asks a body for a gate decision; it waits for the next agenda."""
    item, _created = AgendaItem.objects.get_or_create(
        organisation=initiative.organisation,
        body=body,
        initiative=initiative,
        kind=ItemKind.GATE,
        meeting=None,
        decision=None,
        defaults={
            "title": _("Stage gate: %(initiative)s into %(stage)s")
            % {"initiative": initiative.reference, "stage": Stage(to_stage).label},
            "to_stage": to_stage,
            "requested_by": user,
        },
    )
    return item


def decide_item(*, item: AgendaItem, decision: Decision, done: set[int], user) -> Decision:
    """End an agenda item in a decision, and do what the decision says: pass the gate,
    stop the initiative, take the idea into clarification, commit the scenario."""
    if item.decision_id:
        raise GateError([_("This item is already decided.")])
    meeting = item.meeting
    decision.organisation = item.organisation
    decision.body = meeting.body
    decision.initiative = item.initiative
    decision.title = item.title
    decision.kind = item.decision_kind
    passes = decision.outcome in (Outcome.APPROVE, Outcome.CHANGE)
    with transaction.atomic():
        if decision.outcome == Outcome.STOP:
            if item.initiative is None:
                raise GateError([_("Only an initiative can be stopped.")])
            stop_initiative(decision=decision, user=user)
        elif item.kind == ItemKind.GATE:
            decision.to_stage = item.to_stage
            pass_gate(decision=decision, done=done, user=user)
        else:
            record_decision(decision=decision, user=user)
            if passes and item.kind == ItemKind.PROPOSAL and item.initiative.stage == Stage.IDEA:
                move_stage(
                    initiative=item.initiative,
                    to_stage=Stage.CLARIFY,
                    user=user,
                    from_stage=Stage.IDEA,
                )
            if passes and item.kind == ItemKind.SCENARIO:
                scenario = item.scenario
                commit_scenario(
                    scenario=scenario,
                    run=scenario.latest_run(RunKind.SOLVE),
                    user=user,
                    expected_version=scenario.version,
                )
        # Conditional, so two secretaries deciding the same item at once cannot both win.
        if not AgendaItem.objects.filter(pk=item.pk, decision__isnull=True).update(
            decision=decision
        ):
            raise GateError([_("This item is already decided.")])
        item.decision = decision
    return decision


def _members(meeting: Meeting) -> list:
    return [m.user for m in meeting.body.members.select_related("user")]


def publish(*, meeting: Meeting, user) -> bool:
    """Publish the agenda to the body's members, once; False if it was already published."""
    with transaction.atomic():
        if not Meeting.objects.filter(pk=meeting.pk, status=MeetingStatus.DRAFT).update(
            status=MeetingStatus.PUBLISHED
        ):
            return False
        meeting.status = MeetingStatus.PUBLISHED
        record_change(
            obj=meeting,
            user=user,
            action=Change.Action.UPDATED,
            before={"status": MeetingStatus.DRAFT.value},
            after={"status": MeetingStatus.PUBLISHED.value},
        )
        lines = [f"{i}. {item.title}" for i, item in enumerate(meeting.items.all(), start=1)]
        notify(
            organisation=meeting.organisation,
            users=_members(meeting),
            subject=_("Agenda: %(meeting)s") % {"meeting": meeting},
            body="\n".join(lines) or _("No items on the agenda."),
            url=reverse("meetings:meeting", args=[meeting.organisation.slug, meeting.pk]),
            key=f"agenda-{meeting.pk}",
        )
    return True


def close(*, meeting: Meeting, minutes: str, user, expected_version: int) -> None:
    """Close a held meeting with its minutes; refused when someone saved them meanwhile."""
    with transaction.atomic():
        before = meeting.status
        meeting.claim(expected_version, status=MeetingStatus.HELD, minutes=minutes)
        record_change(
            obj=meeting,
            user=user,
            action=Change.Action.UPDATED,
            before={"status": before},
            after={"status": MeetingStatus.HELD.value},
        )
