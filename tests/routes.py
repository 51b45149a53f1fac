"""Every URL pattern under /<org>/ and every API operation, with their parameters filled
from an organisation's own objects: shared by the outsider test and the query-count walk."""

from __future__ import annotations

import datetime
import re

from django.db.models import Count
from django.urls import URLPattern, URLResolver, get_resolver

from organisations.models import Membership

PARAMETER = re.compile(r"<(\w+:)?(\w+)>")


def org_routes() -> list[str]:
    """The route of every page under /<org_slug>/, without the organisation's part."""
    routes = []
    for entry in get_resolver().url_patterns:
        if isinstance(entry, URLResolver) and "org_slug" in str(entry.pattern):
            routes += _flatten(entry, "")
    return routes


def _flatten(resolver, prefix) -> list[str]:
    routes = []
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            routes += _flatten(p, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            routes.append(prefix + str(p.pattern))
    return routes


def fill(route: str, ids: dict, slug: str = "skovby") -> str:
    """The page's address in `slug`, each parameter taken from `ids` (1 when missing)."""
    return f"/{slug}/" + PARAMETER.sub(lambda m: str(ids.get(m.group(2), 1)), route)


def fill_api(path: str, ids: dict, slug: str) -> str:
    """An OpenAPI path with {org_slug} and the other parameters filled."""
    return re.sub(
        r"{(\w+)}", lambda m: slug if m.group(1) == "org_slug" else str(ids[m.group(1)]), path
    )


def route_ids(org) -> dict:
    """A filled-in value for every route parameter, from `org`'s own objects: the richest
    initiative (a case, a benefit with harvest, decisions, then the most risks and tags), so
    that no prefetch is skipped for lack of rows. Needs the data `styr generate` makes."""
    from assessments.models import Round
    from benefits.models import Benefit
    from cycle.models import CycleEvent
    from finance.models import Approval, BusinessCase
    from governance.models import Body, BodyMember, GateCheck, Mandate
    from initiatives.models import Initiative
    from involvement.models import Campaign, Screenshot
    from meetings.models import Meeting
    from portfolio.models import Criterion, Scenario
    from reporting.models import Risk
    from strategy.models import Strategy

    initiative = (
        Initiative.objects.for_org(org)
        .annotate(
            n_cases=Count("business_cases", distinct=True),
            n_risks=Count("risk_register", distinct=True),
            n_decisions=Count("decisions", distinct=True),
            n_tags=Count("tags", distinct=True),
        )
        .filter(n_cases__gt=0, n_decisions__gt=0, benefits__harvests__isnull=False)
        .order_by("-n_risks", "-n_tags", "number")
        .first()
    )
    case = BusinessCase.objects.for_org(org).filter(initiative=initiative).first()
    benefit = Benefit.objects.for_org(org).filter(initiative=initiative).first()
    approval = Approval.objects.for_org(org).first()
    scenario = Scenario.objects.for_org(org).first()
    body = Body.objects.for_org(org).get(kind="project_council")
    meeting = Meeting.objects.for_org(org).filter(status="draft").first()
    strategy = Strategy.objects.for_org(org).first()
    assessment = Round.objects.for_org(org).order_by("pk").first()
    shot = Screenshot.objects.for_org(org).select_related("item").first()
    return {
        "item_number": shot.item.number,
        "shot_id": shot.pk,
        "campaign_id": Campaign.objects.for_org(org).first().pk,
        "framework_id": assessment.framework_id,
        "dimension_id": assessment.framework.dimensions.first().pk,
        "round_id": assessment.pk,
        "meeting_id": meeting.pk,
        "item_id": meeting.items.first().pk,
        "point_id": GateCheck.objects.for_org(org).first().pk,
        "entry_id": Risk.objects.for_org(org).filter(initiative=initiative).first().pk,
        "event_id": CycleEvent.objects.for_org(org).first().pk,
        "criterion_id": Criterion.objects.for_org(org).first().pk,
        "scenario_id": scenario.pk,
        "run_id": scenario.runs.order_by("-pk").first().pk,
        "body_id": body.pk,
        "member_id": BodyMember.objects.for_org(org).filter(body=body).first().pk,
        "mandate_id": Mandate.objects.for_org(org).filter(body=body).first().pk,
        "strategy_id": strategy.pk,
        "pk": strategy.pk,
        "case_id": case.pk,
        "line_id": case.lines.first().pk,
        "risk_id": case.risks.first().pk,
        "approval_id": approval.pk,
        "approval_case_id": approval.business_case_id,
        "focus_area_pk": strategy.focus_areas.first().pk,
        "benefit_id": benefit.pk,
        "measurement_id": benefit.measurements.first().pk,
        "harvest_id": benefit.harvests.first().pk,
        "output_id": benefit.outputs.first().pk,
        "year": datetime.date.today().year + 1,
        "number": initiative.number,
        "section": "vision",
        "kind": "themes",
        "part_pk": strategy.themes.first().pk,
        "membership_id": Membership.objects.filter(organisation=org).first().pk,
        "track": "must_win",
        **publication_ids(org, strategy),
        **catalogue_ids(org),
    }


def catalogue_ids(org) -> dict:
    """The organisation's first catalogue entry and the joint solution it uses."""
    from catalogue.models import Entry, JointSolutionUse

    use = JointSolutionUse.objects.filter(organisation=org).first()
    return {
        "key": Entry.objects.filter(organisation=org).order_by("pk").first().key,
        "solution_id": use.solution_id,
    }


def publication_ids(org, strategy) -> dict:
    """The strategy's first version, a goal with a measurement, a stakeholder."""
    from publication.models import CommunicationActivity, Stakeholder
    from strategy.models import GoalMeasurement

    measurement = GoalMeasurement.objects.for_org(org).filter(goal__focus_area__strategy=strategy)
    measurement = measurement.order_by("pk").first()
    return {
        "version_number": strategy.versions.order_by("number").first().number,
        "document": "note",
        "fmt": "pdf",
        "what": "stakeholder",
        "row_pk": Stakeholder.objects.for_org(org).filter(strategy=strategy).first().pk,
        "stakeholder_pk": Stakeholder.objects.for_org(org).filter(strategy=strategy).first().pk,
        "activity_pk": CommunicationActivity.objects.for_org(org).order_by("pk").first().pk,
        "goal_pk": measurement.goal_id,
        "goal_id": measurement.goal_id,
        "m_pk": measurement.pk,
    }


def for_route(route: str, ids: dict) -> dict:
    """Parameters whose object depends on the route: an approval's own case, and `pk`,
    which is a strategy on the pages and a focus area in the API's focus-area path."""
    if "approval_id" in route:
        ids = ids | {"case_id": ids["approval_case_id"]}
    if "focus-areas/{pk}" in route:
        ids = ids | {"pk": ids["focus_area_pk"]}
    return ids
