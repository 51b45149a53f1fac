import pytest

from governance.models import Body
from governance.services import create_defaults


@pytest.fixture
def bodies(org):
    """Seed 002's default bodies: the executive board recommends, the council approves."""
    create_defaults(org)
    return {b.kind: b for b in Body.objects.for_org(org)}


@pytest.fixture
def decider(org):
    from conftest import _member

    return _member(org, "direktion@skovby.dk", "decision_maker")


@pytest.fixture
def plan(org, strategy, initiative, member):
    """A committed action plan: one solved run holding the initiative from 2027, with an
    investment of 400,000 a year for two years, and a business case with its benefits."""
    from finance.models import BusinessCase, CaseLine
    from portfolio.models import RunStatus, Scenario, ScenarioStatus, SolveRun

    case = BusinessCase.objects.create(
        organisation=org,
        initiative=initiative,
        first_year=2027,
        horizon_years=4,
        discount_rate="3.5",
    )
    CaseLine.objects.create(
        organisation=org,
        business_case=case,
        side="benefit",
        category="budget",
        description="Færre opkald",
        amounts=[100_000, 200_000, 300_000, 300_000],
    )
    scenario = Scenario.objects.create(
        organisation=org, strategy=strategy, name="Handleplan", first_year=2026, periods=4
    )
    run = SolveRun.objects.create(
        organisation=org,
        scenario=scenario,
        status=RunStatus.DONE,
        problem={
            "periods": ["2026", "2027", "2028", "2029"],
            "budgets": {},
            "capacities": {},
            "initiatives": [
                {
                    "id": "I-001",
                    "name": initiative.title,
                    "variants": [
                        {"id": "base", "value": 1, "budgets": {"investment": [400_000, 400_000]}}
                    ],
                }
            ],
        },
        labels={"I-001": {"number": 1, "title": initiative.title, "track": "must_win"}},
        result={
            "status": "optimal",
            "objective": 1,
            "selected": [{"id": "I-001", "variant": "base", "start": 1}],
            "usage": {},
        },
    )
    scenario.status = ScenarioStatus.COMMITTED
    scenario.committed_run = run
    scenario.save()
    return scenario
