"""Decisions within mandates, and the default bodies and mandates of seed 002."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from core.models import Change, record_change, snapshot
from core.versioning import StaleObjectError
from initiatives.models import Initiative
from initiatives.tracks import DEFAULT_ENGAGEMENT, Ambition, Stage, Track
from notifications.services import notify
from strategy.models import Strategy, StrategyStatus

from . import gates
from .models import Body, BodyKind, Decision, DecisionKind, Mandate, Outcome


class MandateError(Exception):
    """The body holds no mandate for the decision; `holders` are the bodies that do."""

    def __init__(self, body: Body, kind: str, holders: list[Body]):
        self.body, self.kind, self.holders = body, kind, holders
        super().__init__(refusal(body, kind, holders))


def refusal(body: Body, kind: str, holders: list[Body]) -> str:
    what = DecisionKind(kind).label
    if holders:
        return _(
            "%(body)s has no mandate to “%(decision)s” here. The mandate lies with: %(holders)s."
        ) % {"body": body, "decision": what, "holders": ", ".join(str(h) for h in holders)}
    return _(
        "%(body)s has no mandate to “%(decision)s” here, and no body has. Give a body "
        "the mandate on the governance page first."
    ) % {"body": body, "decision": what}


def holders(organisation, kind: str, track: str = "", amount: Decimal | None = None) -> list[Body]:
    """The bodies whose mandates cover a decision."""
    ids = Mandate.objects.for_org(organisation).covering(kind, track, amount).values("body_id")
    return list(Body.objects.for_org(organisation).filter(pk__in=ids))


def check_mandate(body: Body, kind: str, track: str = "", amount: Decimal | None = None) -> None:
    allowed = holders(body.organisation, kind, track, amount)
    if body not in allowed:
        raise MandateError(body, kind, allowed)


def record_decision(*, decision: Decision, user) -> Decision:
    """Save a decision only if its body holds the mandate; the log keeps who and when."""
    track = decision.initiative.track if decision.initiative_id else ""
    with transaction.atomic():
        check_mandate(decision.body, decision.kind, track, decision.amount)
        decision.recorded_by = user
        decision.save()
        record_change(
            obj=decision,
            user=user,
            action=Change.Action.CREATED,
            after={
                "body": str(decision.body),
                "outcome": decision.get_outcome_display(),
                "rationale": decision.rationale,
            },
            parent=decision.initiative,
        )
        _tell_the_lead(decision)
    return decision


def _tell_the_lead(decision: Decision) -> None:
    """The initiative lead hears of every decision about the initiative (after commit)."""
    initiative = decision.initiative
    if initiative is None or initiative.initiative_lead_id is None:
        return
    notify(
        organisation=decision.organisation,
        users=[initiative.initiative_lead],
        subject=_("Decision: %(title)s") % {"title": decision.title},
        body=_("%(body)s decided: %(outcome)s.\n\n%(rationale)s")
        % {
            "body": decision.body,
            "outcome": decision.get_outcome_display(),
            "rationale": decision.rationale,
        },
        url=reverse("initiatives:detail", args=[decision.organisation.slug, initiative.number]),
        key=f"decision-{decision.pk}",
    )


def record_approval(
    *,
    body: Body,
    kind: str,
    user,
    title: str,
    rationale: str = "",
    initiative: Initiative | None = None,
    amount: Decimal | None = None,
) -> Decision:
    """An approval given on its own page (a business case, a scenario, a strategy), logged
    as the decision of the body that gave it; refused (MandateError) outside its mandate.
    Call it inside the approval's transaction so neither is saved without the other."""
    decision = Decision(
        organisation=body.organisation,
        body=body,
        kind=kind,
        outcome=Outcome.APPROVE,
        initiative=initiative,
        amount=None if amount is None else Decimal(round(amount)),
        title=title,
        rationale=rationale or "—",
        decided_on=datetime.date.today(),
    )
    return record_decision(decision=decision, user=user)


def set_strategy_status(
    *, strategy: Strategy, status: str, body: Body | None, user, expected_version: int
) -> None:
    """Change a strategy's status. Approving it is the decision of `body` (checked against
    its mandate and logged) once the organisation has bodies; an approved strategy is not
    approved again. The change is in the strategy's history."""
    if body is not None and strategy.status == StrategyStatus.APPROVED:
        body = None  # already approved: nothing new is decided
    with transaction.atomic():
        if body is not None:
            record_approval(
                body=body, kind=DecisionKind.APPROVE_STRATEGY, user=user, title=str(strategy)
            )
        before = snapshot(strategy, ["status"])
        strategy.claim(expected_version, status=status)
        record_change(
            obj=strategy,
            user=user,
            action=Change.Action.UPDATED,
            before=before,
            after=snapshot(strategy, ["status"]),
        )


class GateError(Exception):
    """The gate cannot be passed: artefacts are missing, or the checklist is not done."""

    def __init__(self, messages: list):
        self.messages = [str(m) for m in messages]
        super().__init__(" ".join(self.messages))


def move_stage(*, initiative: Initiative, to_stage: str, user, from_stage: str) -> None:
    """Move the initiative, refusing when someone moved it since the decision was opened."""
    try:
        initiative.claim(only_if=Q(stage=from_stage), stage=to_stage)
    except StaleObjectError:
        raise GateError(
            [_("The initiative's stage was changed by someone else. Open it again.")]
        ) from None
    record_change(
        obj=initiative,
        user=user,
        action=Change.Action.UPDATED,
        before={"stage": from_stage},
        after={"stage": to_stage},
    )
    initiative.stage = to_stage


def pass_gate(*, decision: Decision, done: set[int], user) -> Decision:
    """Decide a stage gate: the artefacts must be there; an approval needs every checklist
    point ticked, "approved with changes" names the open points as conditions. An approval
    moves the initiative to the gate's stage."""
    initiative = decision.initiative
    to_stage = decision.to_stage
    if to_stage not in gates.NEXT_STAGES.get(initiative.stage, ()):
        raise GateError(
            [
                _("%(initiative)s is in the stage “%(stage)s” and has no gate into “%(to)s”.")
                % {
                    "initiative": initiative.reference,
                    "stage": initiative.get_stage_display(),
                    "to": Stage(to_stage).label,
                }
            ]
        )
    passes = decision.outcome in (Outcome.APPROVE, Outcome.CHANGE)
    if passes:
        missing = gates.missing_artefacts(initiative, to_stage)
        if missing:
            raise GateError(missing)
    points = gates.checklist(initiative, to_stage)
    open_points = [p.text for p in points if p.pk not in done]
    if decision.outcome == Outcome.APPROVE and open_points:
        raise GateError(
            [
                _(
                    "Every point on the checklist must be ticked to approve. Choose “approved "
                    "with changes” and state the conditions, or postpone."
                )
            ]
        )
    if decision.outcome == Outcome.CHANGE and open_points and not decision.conditions.strip():
        raise GateError([_("State the conditions for the points that are not done.")])
    decision.kind = DecisionKind.PASS_GATE
    decision.checklist = [{"text": p.text, "done": p.pk in done} for p in points]
    from_stage = initiative.stage
    with transaction.atomic():
        record_decision(decision=decision, user=user)
        if passes:
            move_stage(initiative=initiative, to_stage=to_stage, user=user, from_stage=from_stage)
    return decision


def stop_initiative(*, decision: Decision, user) -> Decision:
    """Stop an initiative: a decision with its rationale and the lessons learned."""
    initiative = decision.initiative
    if initiative.stage in (Stage.CLOSED, Stage.STOPPED):
        raise GateError([_("The initiative is already closed or stopped.")])
    if not decision.lessons.strip():
        raise GateError([_("Write down the lessons learned, so the next initiative can use them.")])
    decision.kind = DecisionKind.STOP_INITIATIVE
    decision.outcome = Outcome.STOP
    from_stage = initiative.stage
    with transaction.atomic():
        record_decision(decision=decision, user=user)
        move_stage(initiative=initiative, to_stage=Stage.STOPPED, user=user, from_stage=from_stage)
    return decision


def set_ambition(*, decision: Decision, ambition: str, user) -> Decision:
    """Set a mandatory solution's ambition level (seed 003) as the decision of the body with
    the mandate; the engagement per stage follows the level's defaults."""

    initiative = decision.initiative
    if initiative.track != Track.MANDATORY:
        raise GateError([_("Only a mandatory solution has an ambition level.")])
    decision.kind = DecisionKind.SET_AMBITION
    decision.outcome = Outcome.APPROVE
    clarify, pilot, implement = DEFAULT_ENGAGEMENT[Ambition(ambition)]
    before = {"ambition": initiative.ambition}
    with transaction.atomic():
        record_decision(decision=decision, user=user)
        initiative.claim(
            ambition=ambition,
            engagement_clarify=clarify,
            engagement_pilot=pilot,
            engagement_implement=implement,
        )
        record_change(
            obj=initiative,
            user=user,
            action=Change.Action.UPDATED,
            before=before,
            after={"ambition": ambition},
        )
    initiative.ambition = ambition
    return decision


# Seed 002: must-win challenges are decided by the council and the executive board; the
# mandatory solutions by the executive board as a portfolio (the office as secretariat);
# the prerequisites by the digitalisation office with the executive board as adviser.
DEFAULT_BODIES = (
    (
        BodyKind.COUNCIL,
        (
            (DecisionKind.APPROVE_STRATEGY, "", None),
            (DecisionKind.APPROVE_INITIATIVE, Track.MUST_WIN, None),
            (DecisionKind.APPROVE_BUSINESS_CASE, Track.MUST_WIN, None),
            (DecisionKind.STOP_INITIATIVE, Track.MUST_WIN, None),
        ),
    ),
    (
        BodyKind.EXECUTIVE_BOARD,
        (
            (DecisionKind.RECOMMEND_STRATEGY, "", None),
            (DecisionKind.APPROVE_INITIATIVE, Track.MUST_WIN, Decimal(2_000_000)),
            (DecisionKind.APPROVE_BUSINESS_CASE, Track.MUST_WIN, Decimal(2_000_000)),
            (DecisionKind.PASS_GATE, Track.MUST_WIN, None),
            (DecisionKind.STOP_INITIATIVE, Track.MUST_WIN, None),
            (DecisionKind.APPROVE_INITIATIVE, Track.MANDATORY, None),
            (DecisionKind.APPROVE_BUSINESS_CASE, Track.MANDATORY, None),
            (DecisionKind.SET_AMBITION, Track.MANDATORY, None),
            (DecisionKind.PASS_GATE, Track.MANDATORY, None),
            (DecisionKind.STOP_INITIATIVE, Track.MANDATORY, None),
            (DecisionKind.COMMIT_SCENARIO, "", None),
            (DecisionKind.FOLLOW_UP, "", None),
        ),
    ),
    (BodyKind.STEERING_GROUP, ()),
    (
        BodyKind.PROJECT_COUNCIL,
        (
            (DecisionKind.PASS_GATE, Track.PREREQUISITE, None),
            (DecisionKind.FOLLOW_UP, "", None),
        ),
    ),
    (BodyKind.DIGITALISATION_COUNCIL, ()),
    (BodyKind.ARCHITECTURE_COUNCIL, ()),
    (
        BodyKind.DIGITALISATION_OFFICE,
        (
            (DecisionKind.APPROVE_INITIATIVE, Track.PREREQUISITE, Decimal(1_000_000)),
            (DecisionKind.APPROVE_BUSINESS_CASE, Track.PREREQUISITE, Decimal(1_000_000)),
            (DecisionKind.STOP_INITIATIVE, Track.PREREQUISITE, None),
        ),
    ),
)


def create_defaults(organisation) -> list[Body]:
    """The default bodies and mandates, once; the office edits them afterwards."""
    with transaction.atomic():
        if Body.objects.for_org(organisation).exists():
            return []
        bodies = []
        for position, (kind, mandates) in enumerate(DEFAULT_BODIES):
            body = Body.objects.create(
                organisation=organisation, kind=kind, name=str(kind.label), position=position
            )
            Mandate.objects.bulk_create(
                Mandate(organisation=organisation, body=body, kind=k, track=t, max_amount=a)
                for k, t, a in mandates
            )
            bodies.append(body)
        return bodies
