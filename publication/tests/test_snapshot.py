"""A snapshot holds the whole strategy and its committed action plan as plain data."""

import json

from publication import snapshot
from strategy.models import FocusAreaGoal


def test_a_snapshot_holds_the_strategys_parts_and_goals(strategy):
    snap = snapshot.take(strategy)
    assert snap["strategy"]["title"] == "Digitaliseringsstrategi"
    assert [g["title"] for g in snap["business_goals"]] == ["Flere hænder"]
    (theme,) = snap["themes"]
    (fa,) = theme["focus_areas"]
    (goal,) = fa["goals"]
    assert goal == {
        "id": FocusAreaGoal.objects.get().pk,
        "indicator": "Digitale ansøgninger",
        "unit": "%",
        "baseline": 70.0,
        "target": 90.0,
        "target_date": "2028-12-31",
        "source": "",
    }
    assert snap["action_plan"] is None  # nothing committed
    json.dumps(snap)  # plain data, storable as it is


def test_the_action_plan_holds_each_initiatives_start_investment_and_benefits(
    strategy, plan, initiative
):
    initiative.business_goals.add(strategy.business_goals.first())
    data = snapshot.take(strategy)["action_plan"]
    assert data["scenario"] == "Handleplan"
    assert data["years"] == [2026, 2027, 2028, 2029]
    (row,) = data["rows"]
    assert row["reference"] == "I-001"
    assert row["start"] == 2027
    assert row["business_goals"] == ["Flere hænder"]
    # The investment profile starts in the start year; the case's benefits likewise.
    assert data["investment"] == [0, 400_000, 400_000, 0]
    assert data["benefits"] == [0, 100_000, 200_000, 300_000]
    assert data["joint_share"] == 0
    assert data["by_track"]["must_win"] == 1


def test_a_committed_scenario_without_a_finished_run_gives_no_plan(strategy, plan):
    from portfolio.models import RunStatus

    plan.committed_run.status = RunStatus.RUNNING
    plan.committed_run.save()
    assert snapshot.take(strategy)["action_plan"] is None


def test_a_snapshot_for_comparison_finds_the_same_differences_with_fewer_queries(
    strategy, plan, initiative
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from publication import compare

    initiative.business_goals.add(strategy.business_goals.first())
    before = snapshot.take(strategy)
    strategy.vision = "En ny vision"
    strategy.save()
    initiative.title = "Nyt navn"
    initiative.save()
    with CaptureQueriesContext(connection) as full:
        whole = snapshot.take(strategy)
    with CaptureQueriesContext(connection) as light:
        outline = snapshot.take(strategy, for_comparison=True)
    found = compare.differences(before, outline)
    assert found == compare.differences(before, whole)
    assert {(d.part, d.field) for d in found} == {("strategy", "vision")}
    # The plan's rows without figures: no goals, investment or benefits were read.
    (row,) = outline["action_plan"]["rows"]
    assert row["title"] == "Nyt navn" and row["start"] == 2027
    assert "investment" not in row and "benefits" not in outline["action_plan"]
    assert len(light) < len(full) - 3
