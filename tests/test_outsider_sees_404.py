"""For every URL pattern under /<org>/ and every API endpoint, a user from another
municipality gets 404 — never data, never a hint that the object exists."""

import datetime

import pytest

from accounts.models import PersonalAccessToken

from .routes import catalogue_ids, fill, org_routes, publication_ids


@pytest.fixture
def ids(strategy, initiative, member, business_case, benefit, department):

    from benefits.models import Harvest, Measurement, Output
    from finance.models import Approval
    from organisations.models import Membership

    approval = Approval.objects.create(
        organisation=business_case.organisation,
        business_case=business_case,
        case_version=1,
        data=business_case.to_data(),
    )
    common = {"organisation": benefit.organisation, "benefit": benefit}
    measurement = Measurement.objects.create(
        **common, measured_on=datetime.date(2027, 4, 1), value=900
    )
    harvest = Harvest.objects.create(
        **common, department=department, budget_year=2028, amount=100000
    )
    output = Output.objects.create(
        organisation=benefit.organisation, initiative=initiative, title="Portal"
    )
    from portfolio.models import Criterion, Scenario, SolveRun

    criterion = Criterion.objects.create(organisation=strategy.organisation, name="Value")
    scenario = Scenario.objects.create(
        organisation=strategy.organisation, strategy=strategy, name="Budget 2027", first_year=2027
    )
    run = SolveRun.objects.create(
        organisation=strategy.organisation, scenario=scenario, problem={"periods": ["2027"]}
    )
    from governance.models import Body, BodyMember, Mandate

    body = Body.objects.create(
        organisation=strategy.organisation, name="Direktion", kind="executive_board"
    )
    seat = BodyMember.objects.create(organisation=strategy.organisation, body=body, user=member)
    mandate = Mandate.objects.create(
        organisation=strategy.organisation, body=body, kind="commit_scenario"
    )
    from cycle.models import CycleEvent
    from governance.models import GateCheck
    from meetings.models import AgendaItem, Meeting
    from reporting.models import Risk

    meeting = Meeting.objects.create(
        organisation=strategy.organisation, body=body, date=datetime.date(2027, 3, 1)
    )
    item = AgendaItem.objects.create(
        organisation=strategy.organisation,
        body=body,
        meeting=meeting,
        kind="other",
        title="Status",
        initiative=initiative,
    )
    point = GateCheck.objects.create(
        organisation=strategy.organisation, to_stage="pilot", text="Klar"
    )
    entry = Risk.objects.create(
        organisation=strategy.organisation,
        initiative=initiative,
        title="Leverandør",
        probability=2,
        consequence=3,
    )
    event = CycleEvent.objects.create(
        organisation=strategy.organisation, title="Budget", kind="budget", month=9, day=15
    )
    from assessments.models import RespondentGroup, Round
    from assessments.services import install_framework

    framework = install_framework(
        organisation=strategy.organisation, key="success-criteria", language="da"
    )
    assessment = Round.objects.create(
        organisation=strategy.organisation,
        framework=framework,
        title="Modenhed",
        opens_on=datetime.date.today(),
        closes_on=datetime.date.today(),
    )
    assessment.groups.set(RespondentGroup.objects.for_org(strategy.organisation))
    from django.core.files.base import ContentFile

    from involvement.models import Campaign, Item, Screenshot

    campaign = Campaign.objects.create(
        organisation=strategy.organisation,
        title="Hvad stjæler din tid?",
        opens_on=datetime.date.today(),
        closes_on=datetime.date.today(),
    )
    idea = Item.objects.create(
        organisation=strategy.organisation,
        number=1,
        kind="hassle",
        title="Printer",
        description="Hænger",
        due_on=datetime.date.today(),
        submitter=member,
    )
    shot = Screenshot(organisation=strategy.organisation, item=idea, content_type="image/png")
    shot.image.save("s.png", ContentFile(b"\x89PNG\r\n\x1a\n"), save=True)
    from publication.models import CommunicationActivity, Stakeholder
    from publication.services import recommend
    from strategy.models import GoalMeasurement

    Mandate.objects.create(organisation=strategy.organisation, body=body, kind="recommend_strategy")
    from catalogue.models import Entry, JointSolution, JointSolutionUse

    Entry.objects.create(
        organisation=strategy.organisation,
        initiative=initiative,
        publisher_name="Skovby Kommune",
        title="Portal",
        description="x",
        track="must_win",
        source="own",
        published_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
    )
    solution = JointSolution.objects.create(
        name="SAPA", owner="KOMBIT", deadline=datetime.date(2027, 1, 1)
    )
    JointSolutionUse.objects.create(
        solution=solution, organisation=strategy.organisation, initiative=initiative
    )
    recommend(strategy=strategy, body=body, user=member)
    Stakeholder.objects.create(organisation=strategy.organisation, strategy=strategy, name="KB")
    CommunicationActivity.objects.create(
        organisation=strategy.organisation,
        strategy=strategy,
        audience="Alle",
        message="Strategien",
        channel="intranet",
        date=datetime.date(2027, 1, 1),
    )
    GoalMeasurement.objects.create(
        organisation=strategy.organisation,
        goal=strategy.focus_areas.first().goals.first(),
        measured_on=datetime.date(2026, 1, 1),
        value=75,
    )
    return {
        "item_number": idea.number,
        "shot_id": shot.pk,
        "campaign_id": campaign.pk,
        "framework_id": framework.pk,
        "dimension_id": framework.dimensions.first().pk,
        "round_id": assessment.pk,
        "meeting_id": meeting.pk,
        "item_id": item.pk,
        "point_id": point.pk,
        "entry_id": entry.pk,
        "event_id": event.pk,
        "criterion_id": criterion.pk,
        "scenario_id": scenario.pk,
        "run_id": run.pk,
        "body_id": body.pk,
        "member_id": seat.pk,
        "mandate_id": mandate.pk,
        "strategy_id": strategy.pk,
        "case_id": business_case.pk,
        "line_id": business_case.lines.first().pk,
        "risk_id": business_case.risks.first().pk,
        "approval_id": approval.pk,
        "benefit_id": benefit.pk,
        "measurement_id": measurement.pk,
        "harvest_id": harvest.pk,
        "output_id": output.pk,
        "year": 2028,
        "pk": strategy.pk,
        "number": initiative.number,
        "section": "vision",
        "kind": "themes",
        "part_pk": strategy.themes.first().pk,
        "membership_id": Membership.objects.get(user=member).pk,
        "track": "must_win",
        **publication_ids(strategy.organisation, strategy),
        **catalogue_ids(strategy.organisation),
    }


def test_every_org_url_is_404_for_an_outsider(client, outsider, ids):
    routes = list(org_routes())
    assert len(routes) >= 15
    client.force_login(outsider)
    for route in routes:
        url = fill(route, ids)
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"title": "x"}).status_code == 404, url


def test_every_org_url_works_for_a_member(client, admin_member, ids):
    # The joint solutions' own pages are for a platform administrator (a site-wide role).
    admin_member.is_platform_admin = True
    admin_member.save()
    client.force_login(admin_member)
    for route in org_routes():
        url = fill(route, ids)
        assert client.get(url).status_code in (200, 302, 405), url


def test_every_api_endpoint_is_404_for_an_outsider(client, outsider, other_org, ids):
    _token, raw = PersonalAccessToken.issue(
        user=outsider, organisation=other_org, name="t", scope="write"
    )
    headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    urls = [
        "/api/v1/organisations/skovby",
        "/api/v1/organisations/skovby/strategies",
        f"/api/v1/organisations/skovby/strategies/{ids['pk']}",
        "/api/v1/organisations/skovby/focus-areas",
        "/api/v1/organisations/skovby/focus-areas/1",
        "/api/v1/organisations/skovby/initiatives",
        f"/api/v1/organisations/skovby/initiatives/{ids['number']}",
        "/api/v1/organisations/skovby/scenarios",
        f"/api/v1/organisations/skovby/scenarios/{ids['scenario_id']}",
        "/api/v1/organisations/skovby/scores",
        "/api/v1/organisations/skovby/decisions",
        "/api/v1/organisations/skovby/meetings",
        "/api/v1/organisations/skovby/status",
        "/api/v1/organisations/skovby/cycle",
        f"/api/v1/organisations/skovby/initiatives/{ids['number']}/status-reports",
        f"/api/v1/organisations/skovby/initiatives/{ids['number']}/risks",
        "/api/v1/organisations/skovby/assessment-frameworks",
        f"/api/v1/organisations/skovby/assessment-frameworks/{ids['framework_id']}",
        "/api/v1/organisations/skovby/assessment-rounds",
        f"/api/v1/organisations/skovby/assessment-rounds/{ids['round_id']}",
        f"/api/v1/organisations/skovby/assessment-rounds/{ids['round_id']}/results",
        "/api/v1/organisations/skovby/ideas",
        f"/api/v1/organisations/skovby/ideas/{ids['item_number']}",
        f"/api/v1/organisations/skovby/goals/{ids['goal_id']}/measurements",
        f"/api/v1/organisations/skovby/strategies/{ids['pk']}/versions",
        f"/api/v1/organisations/skovby/strategies/{ids['pk']}/versions/1",
        "/api/v1/organisations/skovby/catalogue",
        f"/api/v1/organisations/skovby/catalogue/{ids['key']}",
        "/api/v1/organisations/skovby/joint-solutions",
    ]
    for path in ("vote", "comments", "answer"):
        url = f"/api/v1/organisations/skovby/ideas/{ids['item_number']}/{path}"
        r = client.post(
            url,
            data={"text": "x", "version": 1, "resolution": "fixed", "answer": "x"},
            content_type="application/json",
            **headers,
        )
        assert r.status_code == 404, url
    r = client.delete(f"/api/v1/organisations/skovby/ideas/{ids['item_number']}/vote", **headers)
    assert r.status_code == 404
    new_round = {
        "title": "x",
        "framework": ids["framework_id"],
        "opens_on": "2027-01-01",
        "closes_on": "2027-01-02",
    }
    respondent = [{"email": "x@y.dk", "department": "Borgerservice", "group": "Employee"}]
    for url, data in (
        ("/api/v1/organisations/skovby/assessment-rounds", new_round),
        (
            f"/api/v1/organisations/skovby/assessment-rounds/{ids['round_id']}/respondents",
            respondent,
        ),
    ):
        r = client.post(url, data=data, content_type="application/json", **headers)
        assert r.status_code == 404, url
    r = client.post(
        f"/api/v1/organisations/skovby/goals/{ids['goal_id']}/measurements",
        data={"measured_on": "2026-01-02", "value": 1},
        content_type="application/json",
        **headers,
    )
    assert r.status_code == 404
    r = client.post(f"/api/v1/organisations/skovby/scenarios/{ids['scenario_id']}/solve", **headers)
    assert r.status_code == 404
    report = {
        "reported_on": "2027-01-01",
        "time": "green",
        "cost": "green",
        "scope": "green",
        "benefits": "green",
        "summary": "x",
    }
    r = client.post(
        f"/api/v1/organisations/skovby/initiatives/{ids['number']}/status-reports",
        data=report,
        content_type="application/json",
        **headers,
    )
    assert r.status_code == 404
    for url in urls:
        assert client.get(url, **headers).status_code == 404, url
        assert client.patch(
            url, data={"version": 1}, content_type="application/json", **headers
        ).status_code in (404, 405), url
    for url in urls[1::2]:
        if url.endswith(("strategies", "focus-areas", "initiatives")):
            r = client.post(
                url,
                data={
                    "title": "x",
                    "track": "must_win",
                    "strategy": ids["pk"],
                    "theme": 1,
                    "period_start": 2026,
                    "period_end": 2027,
                },
                content_type="application/json",
                **headers,
            )
            assert r.status_code == 404, url
    listed = client.get("/api/v1/organisations", **headers).json()
    assert [o["slug"] for o in listed["items"]] == ["fjellvik"]


def test_the_api_openapi_schema_is_served(client):
    r = client.get("/api/v1/openapi.json")
    assert r.status_code == 200
    paths = r.json()["paths"]
    assert "/api/v1/organisations/{org_slug}/initiatives" in paths
