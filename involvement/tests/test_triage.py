"""Votes, comments and answers: one vote per person (also at once), merging moves the
votes, an initiative or a body's agenda from an item, change agents, and who may answer."""

import threading

import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse

from conftest import _member
from governance.models import Body
from governance.services import create_defaults
from involvement import services
from involvement.models import ChangeAgent, Comment, Item, Vote
from jobs.queue import drain
from meetings.models import AgendaItem
from meetings.waiting import waiting_items

from .conftest import make


def _answer(client, item, **data):
    item.refresh_from_db()
    return client.post(
        reverse("involvement:answer", args=["skovby", item.number]),
        {"version": item.version} | data,
    )


def test_one_vote_per_person_and_it_can_be_withdrawn(client, reader, hassle):
    client.force_login(reader)
    url = reverse("involvement:vote", args=["skovby", hassle.number])
    client.post(url)
    client.post(url)
    hassle.refresh_from_db()
    assert hassle.votes == 1 and Vote.objects.count() == 1
    assert client.get(url).status_code == 405  # never changed on GET
    client.post(url, {"withdraw": "1"})
    hassle.refresh_from_db()
    assert hassle.votes == 0 and not Vote.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_votes_at_the_same_moment_count_once(org, member, reader):
    if connection.vendor != "postgresql":
        pytest.skip("two connections writing at once need PostgreSQL")
    item = make(org, member)
    outcomes, barrier = [], threading.Barrier(2)

    def go():
        barrier.wait()
        try:
            services.vote(item=item, user=reader)
            outcomes.append("ok")
        except services.AlreadyVoted:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=go) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    item.refresh_from_db()
    assert sorted(outcomes) == ["ok", "refused"] and item.votes == 1


def test_members_comment(client, reader, hassle):
    client.force_login(reader)
    url = reverse("involvement:comment", args=["skovby", hassle.number])
    assert client.post(url, {"text": "  "}).status_code == 400
    assert client.post(url, {"text": "Også hos os."}).status_code == 302
    assert Comment.objects.get().author == reader


def test_merging_moves_the_votes_and_tells_both_submitters(
    client, admin_member, member, reader, org, departments
):
    first = make(org, member, department=departments[0])
    other_user = _member(org, "other@skovby.dk", "contributor")
    second = make(org, other_user, title="Printer igen", department=departments[0])
    for voter in (reader, member):
        services.vote(item=first, user=voter)
    services.vote(item=second, user=reader)  # votes both: keeps one
    client.force_login(admin_member)
    response = _answer(
        client, second, resolution="merged", answer="Samme sag som #1.", into=first.number
    )
    assert response.status_code == 302
    first.refresh_from_db(), second.refresh_from_db()
    assert second.merged_into == first and second.votes == 0
    assert first.votes == 2 and Vote.objects.filter(item=first).count() == 2
    drain()
    assert sorted(m.to[0] for m in mail.outbox) == sorted([member.email, other_user.email])


def test_merging_into_itself_or_nothing_is_refused(client, admin_member, hassle):
    client.force_login(admin_member)
    assert (
        _answer(client, hassle, resolution="merged", answer="x", into=hassle.number).status_code
        == 400
    )
    assert _answer(client, hassle, resolution="merged", answer="x", into=99).status_code == 400
    hassle.refresh_from_db()
    assert hassle.status == "new"


def test_an_idea_becomes_an_initiative_and_a_hassle_a_prerequisite(
    client, admin_member, member, org
):
    idea = make(org, member, kind="idea", title="SMS-påmindelser")
    hassle = make(org, member, title="Dobbeltindtastning")
    client.force_login(admin_member)
    _answer(client, idea, resolution="initiative", answer="Det gør vi.")
    _answer(client, hassle, resolution="initiative", answer="Kræver en integration.")
    idea.refresh_from_db(), hassle.refresh_from_db()
    assert idea.initiative.track == "must_win" and idea.initiative.stage == "idea"
    assert hassle.initiative.track == "prerequisite" and "460" in hassle.initiative.description
    page = client.get(
        reverse("initiatives:detail", args=["skovby", hassle.initiative.number])
    ).content.decode()
    assert (
        "Dobbeltindtastning" in page
        and reverse("involvement:item", args=["skovby", hassle.number]) in page
    )
    item_page = client.get(
        reverse("involvement:item", args=["skovby", hassle.number])
    ).content.decode()
    assert str(hassle.initiative) in item_page


def test_taken_to_a_body_it_waits_for_the_next_agenda(client, admin_member, hassle, org):
    create_defaults(org)
    body = Body.objects.for_org(org).first()
    client.force_login(admin_member)
    assert _answer(client, hassle, resolution="body", answer="Til direktionen.").status_code == 400
    assert (
        _answer(
            client, hassle, resolution="body", answer="Til direktionen.", body=body.pk
        ).status_code
        == 302
    )
    request = AgendaItem.objects.get(meeting__isnull=True, body=body)
    assert hassle.title in request.title
    assert any(w.title == request.title for w in waiting_items(body))


def test_declining_needs_a_reason(client, admin_member, hassle):
    client.force_login(admin_member)
    assert _answer(client, hassle, resolution="declined", answer="").status_code == 400
    assert (
        _answer(
            client, hassle, resolution="declined", answer="Det ligger uden for vores ansvar."
        ).status_code
        == 302
    )
    hassle.refresh_from_db()
    assert hassle.status == "answered" and hassle.resolution == "declined"


def test_a_change_agent_triages_their_departments_items_only(client, org, member, departments):
    agent = _member(org, "ildsjael@skovby.dk", "contributor")
    ChangeAgent.objects.create(organisation=org, user=agent, department=departments[0])
    own = make(org, member, department=departments[0])
    other = make(org, member, department=departments[1])
    client.force_login(agent)
    assert (
        "triage"
        in client.get(reverse("involvement:item", args=["skovby", own.number])).content.decode()
    )
    assert _answer(client, other, resolution="fixed", answer="x").status_code == 403
    assert _answer(client, own, resolution="fixed", answer="Løst.").status_code == 302
    rows = client.get(reverse("involvement:agents", args=["skovby"])).content.decode()
    assert "ildsjael@skovby.dk" in rows or "ildsjael" in rows


def test_a_contributor_cannot_answer(client, org, member, reader, hassle):
    client.force_login(reader)
    assert _answer(client, hassle, resolution="fixed", answer="x").status_code == 403
    hassle.refresh_from_db()
    assert hassle.status == "new"


def test_a_stale_answer_is_refused(client, admin_member, hassle):
    client.force_login(admin_member)
    version = hassle.version
    _answer(client, hassle, resolution="fixed", answer="Første.")
    stale = client.post(
        reverse("involvement:answer", args=["skovby", hassle.number]),
        {"version": version, "resolution": "declined", "answer": "Anden."},
    )
    assert stale.status_code == 400
    assert Item.objects.get().answer == "Første."


def test_review_marks_a_new_item_only(client, admin_member, hassle):
    client.force_login(admin_member)
    url = reverse("involvement:answer", args=["skovby", hassle.number])
    client.post(url, {"review": "1", "version": hassle.version})
    hassle.refresh_from_db()
    assert hassle.status == "review"
    _answer(client, hassle, resolution="fixed", answer="Løst.")
    hassle.refresh_from_db()
    client.post(url, {"review": "1", "version": hassle.version})
    hassle.refresh_from_db()
    assert hassle.status == "answered"
