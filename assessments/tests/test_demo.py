"""The demo's assessments: Skovby's two rounds a year apart (better on some dimensions),
one department below the threshold, a finding acted on, a readiness round for an
initiative; Fjellvik's round in Bokmål."""

from django.core.management import call_command

from assessments.models import Round
from assessments.results import results


def test_the_demo_has_the_rounds_the_issue_describes(db):
    call_command("demo", verbosity=0)
    first, second = Round.objects.filter(
        organisation__slug="skovby", framework__key="success-criteria"
    ).order_by("opens_on")
    assert (second.opens_on - first.opens_on).days >= 360
    out = results(second)
    assert out.previous_round == first
    changes = [d.change for d in out.dimensions]
    assert sum(1 for c in changes if c is not None and c > 0.2) >= 3
    answered = [p for p in out.departments if p.responses]
    assert len(answered) == 4
    assert [p.obj.name for p in answered if not p.shown]  # one (at least) below the threshold
    assert first.findings.get().initiative.track == "prerequisite"
    readiness = Round.objects.get(organisation__slug="skovby", framework__per_initiative=True)
    assert readiness.initiative is not None and readiness.score() is not None
    assert readiness.invitations.filter(used=False).exists()
    fjellvik = Round.objects.get(organisation__slug="fjellvik")
    assert fjellvik.framework.language == "nb"
    assert fjellvik.framework.dimensions.first().name == "Toppledelsen tar eierskap"
    assert results(fjellvik).shown
