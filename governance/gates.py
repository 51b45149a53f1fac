"""Stage gates: which stage may follow which, what a gate requires, and its checklist.

An initiative moves clarify → pilot → implementation → operation and follow-up → closed.
Each move passes a gate named by the stage it leads into. A gate has

* required artefacts, checked here and never overridable: an approved business case
  before an own initiative is implemented, an ambition level before a mandatory solution
  is piloted or implemented, result goals before a must-win challenge leaves clarification;
* a checklist the office edits (GateCheck), seeded from seed 001's lists of what to do
  before, during and after a digital solution is acquired and implemented.

A mandatory solution that does not take part in pilots may go straight from clarify to
implementation, so clarify has two gates.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from initiatives.models import Initiative
from initiatives.tracks import Source, Stage, Track

from .models import GateCheck

NEXT_STAGES: dict[str, tuple[str, ...]] = {
    Stage.CLARIFY: (Stage.PILOT, Stage.IMPLEMENTATION),
    Stage.PILOT: (Stage.IMPLEMENTATION,),
    Stage.IMPLEMENTATION: (Stage.OPERATION,),
    Stage.OPERATION: (Stage.CLOSED,),
}

GATE_STAGES = (Stage.PILOT, Stage.IMPLEMENTATION, Stage.OPERATION, Stage.CLOSED)

# Seed 001: before (potential, readiness, what works), during (workflows, anchoring,
# competences, communication, culture), after (follow-up of goals, routines, spreading,
# learning). The gate into a stage asks whether the previous part is done.
DEFAULT_CHECKS: tuple[tuple[str, str, object], ...] = (
    (
        Stage.PILOT,
        "",
        _("The potential is described: results for citizens, efficiency, well-being."),
    ),
    (Stage.PILOT, "", _("We are ready for the change: experience, digital maturity, management.")),
    (Stage.PILOT, "", _("We know what is new and how the pilot will show what works.")),
    (Stage.PILOT, Track.MUST_WIN, _("The pilot tests the result goals, and a stop is possible.")),
    (Stage.IMPLEMENTATION, "", _("The business case shows costs, results and effects.")),
    (Stage.IMPLEMENTATION, "", _("Current and future workflows are analysed.")),
    (Stage.IMPLEMENTATION, "", _("The change is anchored with management and staff.")),
    (Stage.IMPLEMENTATION, "", _("Competence development for staff is planned.")),
    (Stage.IMPLEMENTATION, "", _("Communication to citizens, staff and partners is planned.")),
    (
        Stage.IMPLEMENTATION,
        Track.MANDATORY,
        _("The deadline and the engagement per stage follow the ambition level."),
    ),
    (Stage.OPERATION, "", _("The solution is rolled out and the new workflows are in use.")),
    (Stage.OPERATION, "", _("Culture and the new ways of working have had attention.")),
    (Stage.OPERATION, "", _("Benefits have a baseline, an owner and a measurement plan.")),
    (Stage.CLOSED, "", _("Goals and success criteria are followed up, e.g. the business case.")),
    (Stage.CLOSED, "", _("The new routines are kept, and workflows are still improved.")),
    (Stage.CLOSED, "", _("The experience is spread and the good routines anchored.")),
    (Stage.CLOSED, "", _("Lessons learned are written down for other digital projects.")),
)


def create_default_checks(organisation) -> int:
    """Seed 001's checklists, once; the office edits them afterwards."""
    with transaction.atomic():
        if GateCheck.objects.for_org(organisation).exists():
            return 0
        rows = [
            GateCheck(
                organisation=organisation,
                to_stage=stage,
                track=track,
                text=str(text),
                position=position,
            )
            for position, (stage, track, text) in enumerate(DEFAULT_CHECKS)
        ]
        GateCheck.objects.bulk_create(rows)
        return len(rows)


def checklist(initiative: Initiative, to_stage: str) -> list[GateCheck]:
    """The points of the gate into `to_stage` that apply to the initiative's track."""
    return [
        c
        for c in GateCheck.objects.for_org(initiative.organisation).filter(to_stage=to_stage)
        if c.track in ("", initiative.track)
    ]


def needs_business_case(initiative: Initiative) -> bool:
    """Own initiatives are decided on their business case; a prerequisite has none of its
    own (seed 002) and a joint solution's case is made jointly."""
    return initiative.source == Source.OWN and initiative.track != Track.PREREQUISITE


def missing_artefacts(initiative: Initiative, to_stage: str) -> list:
    """What the gate requires and the initiative lacks; a gate with any of these is refused."""
    missing: list = []  # lazy strings, shown in the user's language
    order = list(Stage.values)
    reached = order.index(to_stage)
    if initiative.track == Track.MUST_WIN and not initiative.result_goals.strip():
        missing.append(_("Result goals: a must-win challenge must state what it has to deliver."))
    if (
        initiative.track == Track.MANDATORY
        and reached >= order.index(Stage.PILOT)
        and not initiative.ambition
    ):
        missing.append(
            _("An ambition level: a mandatory solution needs one before its pilot (seed 003).")
        )
    if (
        reached >= order.index(Stage.IMPLEMENTATION)
        and needs_business_case(initiative)
        # Business cases sit a layer above the gates: reach them through the initiative.
        and not initiative.business_cases.approved().exists()
    ):
        missing.append(
            _("An approved business case: an own initiative needs one before implementation.")
        )
    if (
        to_stage == Stage.CLOSED
        # The after-review sits a layer above the gates: reach it through the initiative.
        and not initiative.after_reviews.filter(completed_at__isnull=False).exists()
    ):
        missing.append(
            _(
                "A completed after-review: the goals against what was measured, the routines "
                "and the lessons (seed 001, after)."
            )
        )
    return missing
