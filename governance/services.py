"""Decisions within mandates, and the default bodies and mandates of seed 002."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from core.models import Change, record_change
from initiatives.tracks import Track

from .models import Body, BodyKind, Decision, DecisionKind, Mandate


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
        ),
    ),
    (BodyKind.STEERING_GROUP, ()),
    (BodyKind.PROJECT_COUNCIL, ((DecisionKind.PASS_GATE, Track.PREREQUISITE, None),)),
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
