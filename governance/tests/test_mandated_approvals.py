"""Approvals on their own pages (business case, scenario, strategy) are decisions of a body
with the mandate once the bodies are set up; without bodies the permission alone decides."""

from governance.models import Decision, Mandate
from organisations.models import Membership
from portfolio.models import RunStatus, Scenario, SolveRun


def _decider(member):
    Membership.objects.filter(user=member).update(role="admin")
    return member


def test_a_business_case_above_the_bodys_amount_is_refused(client, bodies, business_case, member):
    _decider(member)
    Mandate.objects.filter(
        body=bodies["executive_board"], kind="approve_business_case", track="must_win"
    ).update(max_amount=500)
    client.force_login(member)
    url = f"/skovby/business-cases/{business_case.pk}/approve/"
    page = client.get(url).content.decode()
    assert "Besluttet af" in page
    data = {"version": business_case.version, "note": "", "body": bodies["executive_board"].pk}
    r = client.post(url, data)
    assert r.status_code == 400
    assert "Mandatet ligger hos: Kommunalbestyrelse" in r.content.decode()
    business_case.refresh_from_db()
    assert business_case.status == "draft" and not Decision.objects.exists()
    r = client.post(url, data | {"body": bodies["council"].pk})
    assert r.status_code == 302
    business_case.refresh_from_db()
    decision = Decision.objects.get()
    assert business_case.status == "approved"
    assert (decision.kind, decision.body, decision.initiative) == (
        "approve_business_case",
        bodies["council"],
        business_case.initiative,
    )
    assert decision.amount > 1000  # the expected total cost over the horizon


def test_without_bodies_the_permission_alone_approves(client, business_case, member):
    _decider(member)
    client.force_login(member)
    url = f"/skovby/business-cases/{business_case.pk}/approve/"
    assert "Besluttet af" not in client.get(url).content.decode()
    r = client.post(url, {"version": business_case.version, "note": ""})
    assert r.status_code == 302 and not Decision.objects.exists()


def test_the_api_needs_the_body_once_bodies_exist(client, bodies, business_case, member, org):
    from accounts.models import PersonalAccessToken

    _decider(member)
    _token, raw = PersonalAccessToken.issue(user=member, organisation=org, name="t", scope="write")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    url = f"/api/v1/organisations/skovby/business-cases/{business_case.pk}/approve"
    payload = {"version": business_case.version}
    r = client.post(url, payload, content_type="application/json", **headers)
    assert r.status_code == 422
    payload["body"] = bodies["council"].pk
    r = client.post(url, payload, content_type="application/json", **headers)
    assert r.status_code == 200 and Decision.objects.get().body == bodies["council"]


def test_a_scenario_is_committed_by_the_body_with_the_mandate(
    client, bodies, strategy, member, org
):
    _decider(member)
    scenario = Scenario.objects.create(
        organisation=org, strategy=strategy, name="Budget 2027", first_year=2027
    )
    SolveRun.objects.create(
        organisation=org,
        scenario=scenario,
        problem={},
        status=RunStatus.DONE,
        result={"status": "optimal", "selected": [], "objective": 1},
    )
    client.force_login(member)
    url = f"/skovby/scenarios/{scenario.pk}/commit/"
    client.post(url, {"version": scenario.version, "body": bodies["project_council"].pk})
    scenario.refresh_from_db()
    assert scenario.status == "draft" and not Decision.objects.exists()
    client.post(url, {"version": scenario.version, "body": bodies["executive_board"].pk})
    scenario.refresh_from_db()
    assert scenario.status == "committed"
    assert Decision.objects.get().kind == "commit_scenario"


def test_with_bodies_the_strategy_is_approved_in_two_steps_not_on_the_status_page(
    client, bodies, strategy, member
):
    _decider(member)
    strategy.status = "draft"
    strategy.save()
    client.force_login(member)
    url = f"/skovby/strategies/{strategy.pk}/status/"
    r = client.post(
        url, {"status": "approved", "body": bodies["council"].pk, "version": strategy.version}
    )
    assert r.status_code == 400
    assert "to trin" in r.content.decode() or "two steps" in r.content.decode()
    strategy.refresh_from_db()
    assert strategy.status == "draft" and not Decision.objects.exists()
    client.post(url, {"status": "archived", "version": strategy.version})  # not an approval
    strategy.refresh_from_db()
    assert strategy.status == "archived" and not Decision.objects.exists()
