"""`styr generate` fills every kind of data the demo has, so that the benchmarks and the
query-count walk measure pages as full as a real municipality's (issue 14)."""

import random

from django.core.management import call_command

from demo.generate import generate_organisation


def test_a_generated_organisation_has_every_kind_of_data(db):
    from benefits.models import Benefit, Harvest, Measurement, Output
    from cycle.models import CycleEvent
    from finance.models import Approval, BusinessCase
    from governance.models import BodyMember, Decision
    from initiatives.models import Initiative
    from meetings.models import AgendaItem, Meeting
    from portfolio.models import Criterion, Score, SolveRun
    from reporting.models import Risk, StatusReport
    from strategy.models import FocusAreaGoal

    org = generate_organisation(
        1, initiatives=12, rng=random.Random(3), password="x", slug="gen-test"
    )
    mine = {"organisation": org}
    # Twelve, and the joint solution taken into the portfolio.
    assert Initiative.objects.filter(**mine).count() == 12 + 1
    assert Initiative.objects.filter(**mine, tags__isnull=False).exists()
    assert FocusAreaGoal.objects.filter(**mine).exists()
    assert Criterion.objects.filter(**mine).exists() and Score.objects.filter(**mine).exists()
    run = SolveRun.objects.get(**mine, result__status__in=["optimal", "feasible"])
    assert run.status == "done" and run.result["selected"]
    # Two per initiative, and the strategy's recommendation and approval.
    assert Decision.objects.filter(**mine).count() == 24 + 2
    held = Meeting.objects.get(**mine, status="held")
    assert held.minutes and AgendaItem.objects.filter(meeting=held, decision__isnull=False)
    assert Meeting.objects.filter(**mine, status="draft", items__isnull=False).exists()
    assert CycleEvent.objects.filter(**mine).exists()
    assert BodyMember.objects.filter(**mine).exists()
    assert not StatusReport.objects.filter(**mine, author__isnull=True).exists()
    assert Risk.objects.filter(**mine).exists()
    assert not Risk.objects.filter(**mine, owner__isnull=True).exists()
    assert not Benefit.objects.filter(**mine, owner__isnull=True).exists()
    assert not Benefit.objects.filter(**mine, stored_figures__isnull=True).exists()
    assert Measurement.objects.filter(**mine).exists() and Harvest.objects.filter(**mine)
    assert Output.objects.filter(**mine, benefits__isnull=False).exists()
    cases = BusinessCase.objects.filter(**mine)
    assert all(case.has_stored_figures for case in cases)
    assert Approval.objects.filter(**mine).count() == cases.approved().count() > 0
    from assessments.models import Round
    from involvement.models import Item, Screenshot, Vote

    assert Item.objects.filter(**mine).count() == 60 and Vote.objects.filter(**mine).exists()
    assert Screenshot.objects.filter(**mine).exists()
    assert Item.objects.filter(**mine, anonymous=True).exists()
    assessment = Round.objects.get(**mine)
    assert assessment.responses.count() >= 50 and assessment.open_links.exists()
    assert assessment.score() is not None
    from publication.models import CommunicationActivity, Stakeholder, StrategyVersion
    from strategy.models import GoalMeasurement

    version = StrategyVersion.objects.get(**mine)
    assert version.status == "approved" and version.public and version.intranet
    assert version.snapshot["action_plan"]["rows"]  # the committed scenario's plan
    assert GoalMeasurement.objects.filter(**mine).exists()
    assert Stakeholder.objects.filter(**mine).exists()
    assert CommunicationActivity.objects.filter(**mine).exists()
    from catalogue.models import AfterReview, Entry, JointSolutionUse

    assert Entry.objects.filter(**mine).count() == 2
    assert JointSolutionUse.objects.filter(**mine).exists()
    assert AfterReview.objects.filter(**mine, completed_at__isnull=False).exists()


def test_the_command_skips_organisations_that_exist(db, capsys):
    call_command("generate", organisations=2, initiatives=3, solve=0, ideas=20)
    call_command("generate", organisations=2, initiatives=3, solve=0, ideas=20)
    assert "0 organisations generated" in capsys.readouterr().out
