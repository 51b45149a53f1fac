import pytest


@pytest.fixture
def approved(business_case, member):
    """The initiative with its business case approved (a frozen copy) and a benefit."""
    from benefits.models import Benefit
    from finance.services import approve_case

    approve_case(case=business_case, user=member, expected_version=business_case.version)
    initiative = business_case.initiative
    Benefit.objects.create(
        organisation=initiative.organisation,
        initiative=initiative,
        title="Færre opkald",
        category="budget",
        indicator="Opkald pr. måned",
        unit="antal",
        baseline_value=1000,
        target_likely=600,
    )
    return initiative


@pytest.fixture
def entry(approved, member):
    from catalogue.services import publish

    return publish(
        initiative=approved,
        reviewed={"lessons": "Start med nulpunktsmålingen.", "contact": ""},
        user=member,
    )


@pytest.fixture
def neighbour(other_org):
    """A portfolio manager in the other municipality (Fjellvik)."""
    from conftest import _member

    return _member(other_org, "nabo@fjellvik.no", "portfolio_manager")


@pytest.fixture
def bodies_and_gate(org, initiative, member):
    """The initiative passed the gate into operation (the decision that dates it)."""
    import datetime

    from governance.models import Body, Decision, Mandate

    body = Body.objects.create(organisation=org, name="Direktion", kind="executive_board")
    Mandate.objects.create(organisation=org, body=body, kind="pass_gate")
    initiative.stage = "operation"
    initiative.save()
    return Decision.objects.create(
        organisation=org,
        body=body,
        kind="pass_gate",
        outcome="approve",
        initiative=initiative,
        title="Drift",
        rationale="Klar",
        to_stage="operation",
        decided_on=datetime.date.today(),
    )
