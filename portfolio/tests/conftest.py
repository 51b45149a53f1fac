import pytest

from initiatives.models import Initiative
from portfolio.models import Scenario, ScenarioLimit


@pytest.fixture
def portfolio(org, initiative, business_case):
    """Three initiatives: the portal (invest 1000 in its first year), a mandatory solution
    with low and high ambition, and a prerequisite the portal depends on."""
    from finance.models import BusinessCase, CaseLine

    mandatory = Initiative.objects.create(
        organisation=org,
        number=2,
        title="Ny ydelsesplatform",
        track="mandatory",
        ambition="medium",
        deadline="2028-12-31",
        stage="idea",
    )
    prerequisite = Initiative.objects.create(
        organisation=org, number=3, title="Fælles login", track="prerequisite", stage="idea"
    )
    initiative.depends_on.add(prerequisite)
    for variant, invest, benefit in (("low", 300, 100), ("high", 800, 400)):
        case = BusinessCase.objects.create(
            organisation=org,
            initiative=mandatory,
            variant=variant,
            first_year=2027,
            horizon_years=4,
            discount_rate="3.50",
        )
        common = {"organisation": org, "business_case": case}
        CaseLine.objects.create(
            **common,
            side="cost",
            description="Implementering",
            cost_kind="investment",
            cost_source="external",
            amounts=[invest, 0, 0, 0],
        )
        CaseLine.objects.create(
            **common,
            side="benefit",
            description="Tid",
            category="economic",
            amounts=[0, benefit, benefit, benefit],
        )
    case = BusinessCase.objects.create(
        organisation=org,
        initiative=prerequisite,
        first_year=2027,
        horizon_years=4,
        discount_rate="3.50",
    )
    CaseLine.objects.create(
        organisation=org,
        business_case=case,
        side="cost",
        description="Login",
        cost_kind="investment",
        cost_source="external",
        amounts=[200, 0, 0, 0],
    )
    return {"portal": initiative, "mandatory": mandatory, "prerequisite": prerequisite}


@pytest.fixture
def scenario(org, strategy, portfolio, member):
    """Scored 5, 4 and 3 on one criterion; investment limited to 1500 a year."""
    from portfolio.models import Criterion, Score

    criterion = Criterion.objects.create(organisation=org, name="Mål", weight=1)
    for key, value in (("portal", 5), ("mandatory", 4), ("prerequisite", 3)):
        Score.objects.create(
            organisation=org,
            initiative=portfolio[key],
            criterion=criterion,
            scorer=member,
            value=value,
        )
    s = Scenario.objects.create(
        organisation=org,
        strategy=strategy,
        name="Budget 2027",
        first_year=2027,
        periods=3,
        objective="score",
        time_limit=10,
    )
    ScenarioLimit.objects.create(
        organisation=org,
        scenario=s,
        kind="budget",
        budget="investment",
        amounts=[1500, 1500, 1500],
    )
    return s
