"""Answering without an account from a one-time link or an open link, or as a member:
page by page, resumable, once per link, and nothing stored that leads back."""

import datetime
import re
import threading

import pytest
from django.db import connection
from django.urls import reverse

from assessments import services
from assessments.models import Answer, Draft, Invitation, Response, Tally
from assessments.services import AlreadyAnswered


@pytest.fixture
def invitation(round, departments, groups):
    return Invitation.objects.create(
        organisation=round.organisation,
        round=round,
        name="Mette",
        email="mette@skovby.dk",
        department=departments[0],
        group=groups["employee"],
    )


def _first_page(round):
    return list(round.framework.dimensions.first().statements.all())


def test_a_respondent_answers_leaves_and_resumes_with_the_link(client, invitation, round):
    url = reverse("answer:invitation", args=[invitation.token])
    page = client.get(url)
    assert page.status_code == 200
    assert "anonym" in page.content.decode().lower()
    first = _first_page(round)
    data = {f"s{s.pk}": "4" for s in first} | {"action": "next"}
    assert client.post(f"{url}?page=0", data).status_code == 302
    draft = Draft.objects.get(invitation=invitation)
    assert draft.page == 1 and draft.levels == {str(s.pk): 4 for s in first}
    saved = client.post(f"{url}?page=1", {"action": "save"})
    assert "gemt" in saved.content.decode() or "saved" in saved.content.decode()
    # Later, from the same link: the draft opens where it was left, the answers kept.
    again = client.get(url)
    assert again.status_code == 200
    back = client.get(f"{url}?page=0").content.decode()
    assert re.search(rf'name="s{first[0].pk}" id="[^"]*" value="4" checked', back)


def test_submitting_stores_an_answer_without_the_link_and_uses_the_link_up(
    client, invitation, round
):
    url = reverse("answer:invitation", args=[invitation.token])
    first = _first_page(round)
    client.post(f"{url}?page=0", {f"s{s.pk}": "5" for s in first} | {"action": "next"})
    last = round.framework.dimensions.count()
    done = client.post(f"{url}?page={last}", {"action": "submit"})
    assert done.status_code == 200
    invitation.refresh_from_db()
    assert invitation.used
    assert not Draft.objects.exists()
    response = Response.objects.get()
    assert Answer.objects.filter(response=response).count() == len(first)
    assert Tally.objects.filter(round=round, level=5).count() == len(first)
    # The link answers once; a second visit gets a clear page, not an error.
    used = client.get(url)
    assert used.status_code == 200 and 'name="action"' not in used.content.decode()
    assert client.post(f"{url}?page={last}", {"action": "submit"}).status_code == 200
    assert Response.objects.count() == 1


def test_nothing_in_the_answers_leads_back_to_a_person_or_link():
    from assessments.models import Answer, Response, TextAnswer

    for model in (Response, Answer, TextAnswer):
        names = {f.name for f in model._meta.get_fields()}
        assert not names & {
            "invitation",
            "user",
            "token",
            "email",
            "created",
            "submitted",
            "draft",
            "key",
        }
    # A response's key is random, so not even its order lines up with the links used.
    assert Response._meta.pk.get_internal_type() == "UUIDField"


def test_two_submits_of_one_draft_give_one_answer(invitation, round):
    draft = Draft.objects.create(
        organisation=round.organisation,
        round=round,
        invitation=invitation,
        department=invitation.department,
        group=invitation.group,
        levels={},
    )
    services.submit(draft=draft)
    with pytest.raises(AlreadyAnswered):
        services.submit(draft=draft)
    assert Response.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_submits_at_the_same_moment_give_one_answer(
    org, framework, departments, groups, member
):
    if connection.vendor != "postgresql":
        pytest.skip("two connections writing at once need PostgreSQL")
    from assessments.models import Round

    today = datetime.date.today()
    round = Round.objects.create(
        organisation=org, framework=framework, title="R", opens_on=today, closes_on=today
    )
    invitation = Invitation.objects.create(
        organisation=org,
        round=round,
        email="a@b.dk",
        department=departments[0],
        group=groups["employee"],
    )
    statement = framework.dimensions.first().statements.first()
    drafts = [
        Draft.objects.create(
            organisation=org,
            round=round,
            invitation=None,
            department=departments[0],
            group=groups["employee"],
            levels={str(statement.pk): 3},
        )
        for _ in range(2)
    ]
    Draft.objects.filter(pk__in=[d.pk for d in drafts]).update(invitation=None)
    # Both drafts claim the same link, as two browsers on one link would.
    for d in drafts:
        d.invitation_id = invitation.pk
    outcomes = []
    barrier = threading.Barrier(2)

    def go(d):
        barrier.wait()
        try:
            services.submit(draft=d)
            outcomes.append("ok")
        except AlreadyAnswered:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=go, args=(d,)) for d in drafts]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["ok", "refused"]
    assert Response.objects.filter(round=round).count() == 1
    assert Tally.objects.get(round=round, statement=statement).count == 1


def test_a_closed_or_unopened_round_gets_a_clear_page(client, invitation, round):
    url = reverse("answer:invitation", args=[invitation.token])
    round.closes_on = datetime.date.today() - datetime.timedelta(days=1)
    round.save()
    page = client.get(url)
    assert page.status_code == 200 and 'name="action"' not in page.content.decode()
    assert client.post(f"{url}?page=0", {"action": "next"}).status_code == 200
    assert not Draft.objects.exists()
    round.opens_on = round.closes_on = datetime.date.today() + datetime.timedelta(days=5)
    round.save()
    assert client.get(url).status_code == 200


def test_an_unknown_link_is_a_404(client, db):
    assert client.get(reverse("answer:invitation", args=["nope"])).status_code == 404
    assert client.get(reverse("answer:open", args=["nope"])).status_code == 404


def test_an_open_link_answers_once_per_browser(client, round, departments, groups):
    services.ensure_open_links(round=round)
    link = round.open_links.get(department=departments[1], group=groups["employee"])
    url = reverse("answer:open", args=[link.token])
    assert client.get(url).status_code == 200
    assert not Draft.objects.exists()  # nothing is stored on a GET
    client.post(f"{url}?page=0", {"action": "next"})
    draft = Draft.objects.get()
    assert (draft.department, draft.group) == (departments[1], groups["employee"])
    last = round.framework.dimensions.count()
    client.post(f"{url}?page={last}", {"action": "submit"})
    assert Response.objects.get().department == departments[1]
    assert (
        "svaret" in client.get(url).content.decode()
        or "answered" in client.get(url).content.decode()
    )
    # Another browser may answer too.
    other = type(client)()
    assert other.get(url).status_code == 200


def test_a_member_answers_once_choosing_department_and_group(
    client, member, round, departments, groups
):
    client.force_login(member)
    url = reverse("assessments:answer", args=["skovby", round.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {}).status_code == 400
    client.post(url, {"department": departments[2].pk, "group": groups["manager"].pk})
    last = round.framework.dimensions.count()
    client.post(f"{url}?page={last}", {"action": "submit"})
    assert Response.objects.get().group == groups["manager"]
    assert 'name="action"' not in client.get(url).content.decode()
    assert Response.objects.count() == 1


def test_a_level_outside_the_scale_is_refused_and_nothing_saved(client, invitation, round):
    url = reverse("answer:invitation", args=[invitation.token])
    s = _first_page(round)[0]
    page = client.post(f"{url}?page=0", {f"s{s.pk}": "7", "action": "next"})
    assert page.status_code == 400
    assert not Draft.objects.exists()
    assert client.get(f"{url}?page=99").status_code == 404
