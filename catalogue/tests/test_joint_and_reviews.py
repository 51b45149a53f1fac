"""The joint solutions kept by a platform administrator and taken into a portfolio in one
step (counts across organisations only from five up); the after-review as the gate's
artefact for closing; the lessons register."""

import datetime

from django.contrib.auth import get_user_model

from catalogue import reviews
from catalogue.joint_views import MIN_ORGANISATIONS, spread
from catalogue.models import AfterReview, JointSolution, JointSolutionUse
from conftest import _member
from governance.gates import missing_artefacts
from governance.models import Decision
from initiatives.models import Initiative
from notifications.models import Notification
from organisations.models import Organisation


def _solution():
    return JointSolution.objects.create(
        name="Ny løsning for ydelsesrefusion",
        owner="KOMBIT",
        source="kombit",
        deadline=datetime.date(2027, 6, 30),
    )


def test_only_a_platform_administrator_keeps_the_joint_solutions(client, admin_member):
    client.force_login(admin_member)
    data = {"name": "SAPA", "owner": "KOMBIT", "source": "kombit", "deadline": "2027-12-31"}
    assert client.post("/skovby/catalogue/joint/new/", data).status_code == 403
    get_user_model().objects.filter(pk=admin_member.pk).update(is_platform_admin=True)
    assert client.post("/skovby/catalogue/joint/new/", data).status_code == 302
    assert JointSolution.objects.get().name == "SAPA"


def test_a_joint_solution_joins_the_portfolio_in_one_step_once(client, member, org):
    solution = _solution()
    client.force_login(member)
    r = client.post(f"/skovby/catalogue/joint/{solution.pk}/use/")
    assert r.status_code == 302
    initiative = Initiative.objects.get(organisation=org)
    assert initiative.track == "mandatory" and initiative.source == "kombit"
    assert initiative.deadline == solution.deadline and initiative.ambition == "medium"
    client.post(f"/skovby/catalogue/joint/{solution.pk}/use/")
    assert JointSolutionUse.objects.count() == 1


def test_counts_across_organisations_only_from_five_up_and_never_names(member):
    solution = _solution()
    for n in range(MIN_ORGANISATIONS):
        org = Organisation.objects.create(
            name=f"Kommune {n}",
            slug=f"k{n}",
            code=f"{n:04d}",
            country="DK",
            language="da",
            currency="DKK",
            discount_rate=3.5,
        )
        initiative = Initiative.objects.create(
            organisation=org,
            number=1,
            title="Refusion",
            track="mandatory",
            ambition="high" if n < 2 else "low",
            stage="pilot" if n else "clarify",
        )
        JointSolutionUse.objects.create(solution=solution, organisation=org, initiative=initiative)
        figures = spread([solution.pk])[solution.pk]
        if n + 1 < MIN_ORGANISATIONS:
            assert not figures["shown"] and figures["ambitions"] == []
    assert figures["shown"] and figures["organisations"] == MIN_ORGANISATIONS
    assert [n for _label, n in figures["ambitions"]] == [2, 0, 3]  # high, medium, low
    assert [n for _label, n in figures["stages"]] == [1, 4, 0]  # clarify, pilot, implement


def test_closing_needs_a_completed_after_review(org, initiative, member):
    Initiative.objects.filter(pk=initiative.pk).update(stage="operation", track="prerequisite")
    initiative.refresh_from_db()
    assert any(
        "after-review" in str(m) or "efterevaluering" in str(m).lower()
        for m in missing_artefacts(initiative, "closed")
    )
    review = reviews.ask(initiative=initiative, today=datetime.date(2027, 1, 1))
    assert missing_artefacts(initiative, "closed")  # asked, not completed
    review.routines, review.lessons = "yes", "Superbrugere i hver afdeling virker."
    review.save()
    reviews.complete(review=review, user=member)
    assert missing_artefacts(initiative, "closed") == []


def test_the_lead_is_asked_half_a_year_into_operation_once(
    org, initiative, member, bodies_and_gate
):
    today = datetime.date.today()
    Decision.objects.filter(pk=bodies_and_gate.pk).update(
        decided_on=today - datetime.timedelta(days=reviews.REVIEW_AFTER_DAYS + 1)
    )
    assert reviews.ask_for_after_reviews.call() == 1
    assert reviews.ask_for_after_reviews.call() == 0
    assert AfterReview.objects.get().initiative == initiative
    assert Notification.objects.filter(user=member).count() == 1


def test_the_after_review_page_completes_it_and_the_lessons_register_lists_it(
    client, org, initiative, member
):
    Initiative.objects.filter(pk=initiative.pk).update(stage="operation")
    reviews.ask(initiative=initiative, today=datetime.date.today())
    client.force_login(member)
    url = f"/skovby/initiatives/{initiative.number}/after-review/"
    r = client.post(url, {"complete": "on", "routines": "", "lessons": ""})
    assert r.status_code == 400  # completing needs the routines and the lessons
    assert not AfterReview.objects.get().is_completed
    r = client.post(
        url,
        {
            "complete": "on",
            "routines": "partly",
            "lessons": "Tidlig inddragelse betaler sig.",
            "wellbeing": 4,
        },
    )
    assert r.status_code == 302
    assert AfterReview.objects.get().is_completed
    page = client.get("/skovby/lessons/?q=inddragelse").content.decode()
    assert "Tidlig inddragelse betaler sig." in page
    assert "Tidlig" not in client.get("/skovby/lessons/?track=mandatory").content.decode()


def test_another_municipality_never_sees_a_review_or_a_lesson(
    client, org, initiative, member, outsider
):
    Initiative.objects.filter(pk=initiative.pk).update(stage="operation")
    review = reviews.ask(initiative=initiative, today=datetime.date.today())
    review.lessons = "Hemmelig erfaring"
    review.routines = "yes"
    review.save()
    reviews.complete(review=review, user=member)
    _member(org, "x@skovby.dk", "reader")
    client.force_login(outsider)
    assert client.get(f"/skovby/initiatives/{initiative.number}/after-review/").status_code == 404
    assert "Hemmelig" not in client.get("/fjellvik/lessons/").content.decode()


def test_the_review_offers_a_survey_and_shows_one_only_above_its_threshold(
    client, org, initiative, member
):
    from assessments.models import Round
    from assessments.services import install_framework

    Initiative.objects.filter(pk=initiative.pk).update(stage="operation")
    reviews.ask(initiative=initiative, today=datetime.date.today())
    framework = install_framework(organisation=org, key="change-readiness", language="da")
    Round.objects.create(
        organisation=org,
        framework=framework,
        initiative=initiative,
        scope="initiative",
        title="Trivsel efter skærmbesøg",
        opens_on=datetime.date.today(),
        closes_on=datetime.date.today(),
    )
    client.force_login(member)
    page = client.get(f"/skovby/initiatives/{initiative.number}/after-review/").content.decode()
    assert "Trivsel efter skærmbesøg" in page
    assert f"/skovby/assessments/rounds/new/?initiative={initiative.number}" in page
    assert "gennemsnit" not in page  # no answers yet: no mean shown
