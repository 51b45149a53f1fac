"""Test set-up shared by every app: the three personas and their organisations."""

import pytest


@pytest.fixture
def org(db):
    from organisations.models import Organisation

    return Organisation.objects.create(
        name="Skovby Kommune",
        slug="skovby",
        code="0999",
        country="DK",
        language="da",
        currency="DKK",
    )


@pytest.fixture
def other_org(db):
    from organisations.models import Organisation

    return Organisation.objects.create(
        name="Fjellvik kommune",
        slug="fjellvik",
        code="0998",
        country="NO",
        language="nb",
        currency="NOK",
    )


def _member(org, email, role):
    from django.contrib.auth import get_user_model

    from organisations.models import Membership

    user = get_user_model().objects.create_user(email, "password-123-abc", name=email.split("@")[0])
    Membership.objects.create(user=user, organisation=org, role=role)
    return user


@pytest.fixture
def member(org):
    """A portfolio manager: may write the strategy and any initiative."""
    return _member(org, "member@skovby.dk", "portfolio_manager")


@pytest.fixture
def admin_member(org):
    return _member(org, "admin@skovby.dk", "admin")


@pytest.fixture
def reader(org):
    return _member(org, "reader@skovby.dk", "reader")


@pytest.fixture
def outsider(other_org):
    """An administrator of another municipality: must see nothing of Skovby's."""
    return _member(other_org, "outsider@fjellvik.no", "admin")


@pytest.fixture
def strategy(org):
    from strategy.models import BusinessGoal, FocusArea, FocusAreaGoal, Strategy, Theme

    s = Strategy.objects.create(
        organisation=org,
        title="Digitaliseringsstrategi",
        period_start=2026,
        period_end=2029,
        vision="Mere *velfærd*",
    )
    BusinessGoal.objects.create(
        organisation=org, strategy=s, title="Flere hænder", source="Budgetaftale"
    )
    theme = Theme.objects.create(organisation=org, strategy=s, title="Borgeren i centrum")
    fa = FocusArea.objects.create(organisation=org, strategy=s, theme=theme, title="Selvbetjening")
    FocusAreaGoal.objects.create(
        organisation=org,
        focus_area=fa,
        indicator="Digitale ansøgninger",
        unit="%",
        baseline=70,
        target=90,
        target_date="2028-12-31",
    )
    return s


@pytest.fixture
def initiative(org, strategy, member):
    from initiatives.models import Initiative

    i = Initiative.objects.create(
        organisation=org,
        number=1,
        title="Ny borgerportal",
        track="must_win",
        result_goals="Færre opkald",
        stage="clarify",
        initiative_lead=member,
    )
    i.focus_areas.add(strategy.focus_areas.first())
    return i


@pytest.fixture
def benefit_owner(org):
    return _member(org, "owner@skovby.dk", "benefit_owner")


@pytest.fixture
def department(org):
    from organisations.models import Department

    return Department.objects.create(organisation=org, name="Borgerservice")


@pytest.fixture
def business_case(initiative):
    """Invest 1000 in 2027, run for 100 a year and release 500 a year in 2028-2030."""
    from finance.models import BusinessCase, CaseLine, CaseRisk

    case = BusinessCase.objects.create(
        organisation=initiative.organisation,
        initiative=initiative,
        first_year=2027,
        horizon_years=4,
        discount_rate="5.00",
        scenario_0="Borgerne ringer",
        scenario_1="Borgerne bruger portalen",
    )
    common = {"organisation": initiative.organisation, "business_case": case}
    CaseLine.objects.create(
        **common,
        side="cost",
        description="Licens og implementering",
        cost_kind="investment",
        cost_source="external",
        amounts=[1000, 0, 0, 0],
    )
    CaseLine.objects.create(
        **common,
        side="cost",
        description="Drift",
        cost_kind="running",
        cost_source="external",
        amounts=[0, 100, 100, 100],
    )
    CaseLine.objects.create(
        **common,
        side="benefit",
        description="Færre opkald",
        category="budget",
        amounts=[0, 500, 500, 500],
    )
    CaseRisk.objects.create(
        **common, description="Forsinket leverance", probability_pct=0, consequence=0, year=2028
    )
    return case


@pytest.fixture
def benefit(initiative, benefit_owner, department):
    """Calls per month, 1000 at the baseline, planned down to 600 over 2026 in quarters."""
    import datetime

    from benefits.models import Benefit
    from benefits.services import save_plan

    b = Benefit.objects.create(
        organisation=initiative.organisation,
        initiative=initiative,
        title="Færre telefonopkald",
        category="budget",
        owner=benefit_owner,
        department=department,
        indicator="Opkald pr. måned",
        unit="opkald",
        direction="decrease",
        baseline_value=1000,
        baseline_date=datetime.date(2025, 12, 15),
        target_pessimistic=700,
        target_likely=600,
        target_optimistic=500,
        target_date=datetime.date(2026, 12, 31),
        frequency=3,
        annual_value=400000,
    )
    save_plan(benefit=b, plan=b.linear_plan())
    return b
