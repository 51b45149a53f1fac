"""The scenario's problem: the domain rules of seed 002 as the optimiser's JSON."""

import pytest

from portfolio import optimizer
from portfolio.formulation import build, weighted_scores
from portfolio.models import Criterion, ResourcePool, ScenarioEntry, Score


def by_id(problem):
    return {i["id"]: i for i in problem["initiatives"]}


def test_mandatory_solutions_are_forced_in_with_their_ambition_variants(scenario):
    problem, labels = build(scenario)
    items = by_id(problem)
    mandatory = items["I-002"]
    assert mandatory["mandatory"] is True
    assert [v["id"] for v in mandatory["variants"]] == ["high", "low"]
    # The expected investment of each variant, counted from its start.
    assert mandatory["variants"][1]["budgets"] == {"investment": [300.0]}
    assert labels["I-002"]["title"] == "Ny ydelsesplatform"
    optimizer.parse_problem(problem)  # the JSON the web builds is valid


def test_prerequisites_become_requires_and_windows_default_to_the_horizon(scenario):
    items = by_id(build(scenario)[0])
    assert items["I-001"]["requires"] == ["I-003"]
    assert items["I-001"]["mandatory"] is False
    assert (items["I-003"]["earliest_start"], items["I-003"]["latest_start"]) == (0, 2)


def test_an_initiative_under_way_keeps_its_start_and_only_the_rest_of_its_profile(
    scenario, portfolio
):
    portal = portfolio["portal"]
    portal.stage = "implementation"
    portal.save()
    scenario.first_year = 2028  # the case began in 2027: its 2027 investment is spent
    scenario.save()
    item = by_id(build(scenario)[0])["I-001"]
    assert (item["earliest_start"], item["latest_start"]) == (0, 0)
    assert item["variants"][0]["budgets"] == {"running": [100.0, 100.0, 100.0]}


def test_forced_out_and_start_windows_come_from_the_entries(scenario, portfolio):
    ScenarioEntry.objects.create(
        organisation=scenario.organisation,
        scenario=scenario,
        initiative=portfolio["mandatory"],
        decision="out",
    )
    ScenarioEntry.objects.create(
        organisation=scenario.organisation,
        scenario=scenario,
        initiative=portfolio["portal"],
        earliest_year=2028,
        latest_year=2029,
    )
    items = by_id(build(scenario)[0])
    assert items["I-002"]["excluded"] is True and items["I-002"]["mandatory"] is False
    assert (items["I-001"]["earliest_start"], items["I-001"]["latest_start"]) == (1, 2)


def test_alternatives_exclude_each_other(scenario, portfolio):
    portfolio["portal"].alternatives.add(portfolio["prerequisite"])
    items = by_id(build(scenario)[0])
    assert items["I-001"]["excludes"] == ["I-003"]
    assert items["I-003"]["excludes"] == ["I-001"]


def test_internal_hours_that_name_a_pool_are_capacity_needs(scenario, business_case):
    pool = ResourcePool.objects.create(organisation=scenario.organisation, name="Projektledere")
    business_case.lines.create(
        organisation=scenario.organisation,
        side="cost",
        description="Projektledelse",
        cost_kind="investment",
        cost_source="internal",
        unit="hours",
        amounts=[500, 100],
        pool=pool,
    )
    variant = by_id(build(scenario)[0])["I-001"]["variants"][0]
    assert variant["capacities"] == {"Projektledere": [500.0, 100.0]}
    # The hours also cost money at the case's hourly rate.
    assert variant["budgets"]["investment"][0] == pytest.approx(
        1000 + 500 * float(business_case.hourly_rate)
    )


def test_weighted_scores_average_the_scorers_and_weigh_the_criteria(
    org, member, admin_member, initiative
):
    a = Criterion.objects.create(organisation=org, name="Mål", weight=3)
    b = Criterion.objects.create(organisation=org, name="Økonomi", weight=1)
    for user, va, vb in ((member, 5, 1), (admin_member, 3, 3)):
        Score.objects.create(
            organisation=org, initiative=initiative, criterion=a, scorer=user, value=va
        )
        Score.objects.create(
            organisation=org, initiative=initiative, criterion=b, scorer=user, value=vb
        )
    w = weighted_scores(org)[initiative.pk]
    # Averages: Mål 4, Økonomi 2; weighted (3 × 4 + 1 × 2) / 4 = 3.5; on 0-100 points 62.5.
    assert w.by_criterion == {a.pk: 4.0, b.pk: 2.0}
    assert w.score == pytest.approx(3.5)
    assert w.points == pytest.approx(62.5)
    assert w.scorers == 2


def test_the_score_objective_scales_an_ambition_variant_by_its_benefits(
    scenario, portfolio, member
):
    Score.objects.filter(initiative=portfolio["mandatory"]).update(value=5)
    variants = {v["id"]: v["value"] for v in by_id(build(scenario)[0])["I-002"]["variants"]}
    # Score 5 is 100 points; low ambition brings 300 of high's 1200 in benefits.
    assert variants == {"high": 100.0, "low": 25.0}
