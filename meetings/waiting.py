"""What awaits a body: the items its next agenda can be built from.

* requests: an initiative lead asked the body for a stage-gate decision;
* red status: the initiative's latest status report has a red light;
* lagging benefits: a benefit is behind its plan (for a must-win challenge, a stop signal);
* new proposals: ideas waiting to be approved as initiatives;
* scenarios to commit: solved portfolio scenarios that are not yet the action plan.

A body only sees what it has a mandate to decide, and an item that was on one of its
agendas in the last RECENT_DAYS days (or is on a coming one) is not offered again.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _

from benefits.portfolio import lagging_initiatives
from governance.models import Body, DecisionKind
from initiatives.models import Initiative
from initiatives.tracks import Stage, Track
from portfolio.models import WITH_PLAN, Scenario, ScenarioStatus
from reporting.status import red_initiatives

from .models import AgendaItem, ItemKind

RECENT_DAYS = 60
# What a waiting item shows of its initiative (its title, reference and track).
SHOWN = ("organisation_id", "number", "title", "track")


@dataclass(frozen=True)
class Waiting:
    kind: str
    title: str
    reason: str
    initiative: Initiative | None = None
    scenario: object | None = None
    to_stage: str = ""
    request: AgendaItem | None = None

    @property
    def key(self) -> str:
        if self.request is not None:
            return f"request:{self.request.pk}"
        target = self.initiative.pk if self.initiative else f"s{self.scenario.pk}"
        return f"{self.kind}:{target}"


def _recent(body: Body, today: datetime.date) -> set[tuple[str, int | None, int | None]]:
    since = today - datetime.timedelta(days=RECENT_DAYS)
    rows = AgendaItem.objects.filter(body=body, meeting__isnull=False).filter(
        Q(meeting__date__gte=since) | Q(decision__isnull=True)
    )
    return set(rows.values_list("kind", "initiative_id", "scenario_id"))


def waiting_items(body: Body, today: datetime.date | None = None) -> list[Waiting]:
    today = today or datetime.date.today()
    org = body.organisation
    recent = _recent(body, today)
    items: list[Waiting] = []
    for request in (
        AgendaItem.objects.filter(body=body, meeting__isnull=True, decision__isnull=True)
        .select_related("initiative", "requested_by")
        .order_by("id")
    ):
        items.append(
            Waiting(
                request.kind,
                request.title,
                _("Asked for by %(who)s") % {"who": request.requested_by or "—"},
                request.initiative,
                request.scenario,
                request.to_stage,
                request,
            )
        )

    def fresh(kind: str, initiative_id=None, scenario_id=None) -> bool:
        return (kind, initiative_id, scenario_id) not in recent

    # Each kind's wording translated once, not once per item (a hundred items wait).
    held = body.tracks_by_kind()
    follow = held[DecisionKind.FOLLOW_UP] | held[DecisionKind.STOP_INITIATIVE]
    title, reason = _("Red status: %(initiative)s"), _("The latest status report has a red light.")
    for initiative in red_initiatives(org, follow) if follow else ():
        if fresh(ItemKind.RED_STATUS, initiative.pk):
            items.append(
                Waiting(ItemKind.RED_STATUS, title % {"initiative": initiative}, reason, initiative)
            )
    lagging_numbers = lagging_initiatives(org, tracks=follow) if follow else set()
    if lagging_numbers:
        lagging = Initiative.objects.for_org(org).filter(number__in=lagging_numbers)
        title, reason = (
            _("Lagging benefits: %(initiative)s"),
            _("One or more benefits are behind plan."),
        )
        stopped = reason + " " + _("A must-win challenge that does not deliver is stopped.")
        for initiative in lagging.only(*SHOWN):
            if fresh(ItemKind.LAGGING, initiative.pk):
                items.append(
                    Waiting(
                        ItemKind.LAGGING,
                        title % {"initiative": initiative},
                        stopped if initiative.track == Track.MUST_WIN else reason,
                        initiative,
                    )
                )
    approve = held[DecisionKind.APPROVE_INITIATIVE]
    title = _("New proposal: %(initiative)s")
    reason = _("An idea waiting to be taken into clarification.")
    for initiative in (
        Initiative.objects.for_org(org).filter(stage=Stage.IDEA, track__in=approve).only(*SHOWN)
    ):
        if fresh(ItemKind.PROPOSAL, initiative.pk):
            items.append(
                Waiting(ItemKind.PROPOSAL, title % {"initiative": initiative}, reason, initiative)
            )
    if held[DecisionKind.COMMIT_SCENARIO]:
        drafts = Scenario.objects.for_org(org).filter(status=ScenarioStatus.DRAFT)
        for scenario in drafts.with_latest_solve():
            solved = scenario.latest_solve in WITH_PLAN
            if solved and fresh(ItemKind.SCENARIO, None, scenario.pk):
                items.append(
                    Waiting(
                        ItemKind.SCENARIO,
                        _("Commit the scenario “%(name)s” as action plan") % {"name": scenario},
                        _("Solved: a plan is ready for decision."),
                        scenario=scenario,
                    )
                )
    return items
