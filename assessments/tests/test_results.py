"""A round's results from the tallies: figures, threshold, gap, change, tallies = answers."""

import datetime

import pytest

from assessments import services
from assessments.models import Round, Tally
from assessments.results import free_texts, results

from .conftest import answer


def test_dimension_means_departments_and_groups_are_computed_from_the_answers(
    answered, departments, groups
):
    out = results(answered)
    assert out.responses == 12 and out.shown
    d = out.dimensions[0]
    # 4 employees × 4, 2 managers × 5, 5 × 2 and 1 × 1, four statements each.
    assert d.overall.answers == 12 * 4
    assert d.overall.mean == pytest.approx((4 * 4 + 2 * 5 + 5 * 2 + 1) / 12)
    shown = {x.name: s.mean for x, s in d.by_department}
    assert shown == {"Borgerservice": pytest.approx((16 + 10) / 6)}
    # Sundhed has one answer: it is hidden, and so is the next smallest (the total minus
    # the shown ones would otherwise reveal it) — unless the hidden ones reach 5 together.
    parts = {p.obj.name: p.shown for p in out.departments}
    assert parts["Sundhed"] is False
    assert parts["Skole"] is False  # 1 + 5 ≥ 5 only with Skole hidden too
    assert parts["Borgerservice"] is True


def test_the_leaders_gap_needs_enough_leaders(answered, departments, groups):
    out = results(answered)
    assert out.dimensions[0].leaders is None  # two middle managers: below 5
    for _ in range(3):
        answer(answered, departments[3], groups["executive"], 5)
    out = results(answered)
    d = out.dimensions[0]
    assert d.leaders.mean == 5.0
    assert d.employees.mean == pytest.approx((16 + 10 + 1) / 10)
    assert d.gap == pytest.approx(5.0 - 2.7)


def test_nothing_is_shown_below_the_threshold(round, departments, groups):
    for _ in range(4):
        answer(round, departments[0], groups["employee"], 3)
    out = results(round)
    assert not out.shown and out.dimensions == [] and out.overall is None
    assert round.score() is None


def test_the_change_since_the_previous_round_of_the_same_framework(
    answered, org, framework, departments, groups
):
    last_year = Round.objects.create(
        organisation=org,
        framework=framework,
        title="Modenhed 2025",
        opens_on=answered.opens_on - datetime.timedelta(days=365),
        closes_on=answered.closes_on - datetime.timedelta(days=365),
    )
    for _ in range(5):
        answer(last_year, departments[0], groups["employee"], 2)
    out = results(answered)
    assert out.previous_round == last_year
    assert out.dimensions[0].previous == 2.0
    assert out.dimensions[0].change == pytest.approx(out.dimensions[0].overall.mean - 2.0)


def test_the_tallies_equal_a_recount_of_the_answers(answered):
    def tallies():
        return sorted(
            Tally.objects.filter(round=answered).values_list(
                "statement_id", "department_id", "group_id", "level", "count"
            )
        )

    counted_as_submitted = tallies()
    services.recount(round=answered)
    assert tallies() == counted_as_submitted
    assert sum(row[4] for row in counted_as_submitted) == 12 * 36


def test_dont_know_counts_as_an_answer_but_not_in_the_mean(round, departments, groups):
    for _ in range(5):
        answer(round, departments[0], groups["employee"], [0, 4, 2, 0])
    d = results(round).dimensions[0]
    assert d.overall.dont_know == 10 and d.overall.mean == 3.0
    assert d.overall.dont_know_share == 0.5


def test_free_text_is_shown_only_for_groups_above_the_threshold(
    round, departments, groups, framework
):
    question = framework.questions.first()
    for i in range(6):
        answer(round, departments[0], groups["employee"], 3, {question.pk: f"Svar {i}"})
    for _ in range(5):
        answer(round, departments[1], groups["manager"], 3, {question.pk: "Leder"})
    answer(round, departments[1], groups["executive"], 3, {question.pk: "Kun én direktør"})
    texts = free_texts(results(round))
    assert [g for g, _ in texts] == [groups["employee"]]
    shown = [t for _, questions in texts for _, answers in questions for t in answers]
    # The lone executive is hidden, and with them the managers (else the total minus the
    # employees would reveal the executive's answer).
    assert "Kun én direktør" not in shown and "Leder" not in shown and len(shown) == 6
