"""The ideas API: list, read, create (anonymity respected), vote and unvote, comment,
answer; bad calls get 4xx and change nothing."""

from accounts.models import PersonalAccessToken
from involvement.models import Item, Vote

from .conftest import make

API = "/api/v1/organisations/skovby/ideas"


def _h(user, org, scope="write"):
    _t, raw = PersonalAccessToken.issue(user=user, organisation=org, name="t", scope=scope)
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_an_anonymous_hassle_is_created_and_read_without_its_submitter(
    client, member, reader, org, departments
):
    body = {
        "kind": "hassle",
        "title": "VPN falder ud",
        "description": "Hver dag.",
        "system": "VPN",
        "minutes": 10,
        "times": 2,
        "per": "day",
        "people": 5,
        "department": departments[0].pk,
        "anonymous": True,
    }
    r = client.post(API, data=body, content_type="application/json", **_h(member, org))
    assert r.status_code == 201, r.content
    assert r.json()["submitted_by"] == str(member)  # the submitter sees their own
    assert r.json()["hours_per_year"] == round(10 * 2 * 220 * 5 / 60, 1)
    seen = client.get(f"{API}/1", **_h(reader, org, "read")).json()
    assert seen["submitted_by"] is None and seen["anonymous"] is True
    bad = client.post(
        API,
        data=body | {"title": "", "kind": "rant"},
        content_type="application/json",
        **_h(member, org),
    )
    assert bad.status_code == 422 and Item.objects.count() == 1


def test_vote_unvote_and_a_second_vote(client, member, reader, org):
    make(org, member)
    h = _h(reader, org)
    assert client.post(f"{API}/1/vote", **h).json()["votes"] == 1
    assert client.post(f"{API}/1/vote", **h).status_code == 409
    assert client.delete(f"{API}/1/vote", **h).status_code == 204
    assert client.delete(f"{API}/1/vote", **h).status_code == 404
    assert not Vote.objects.exists()
    assert client.post(f"{API}/1/vote", **_h(reader, org, "read")).status_code == 403


def test_voting_on_another_organisations_item_is_a_404(client, member, outsider, other_org, org):
    make(org, member)
    assert client.post(f"{API}/1/vote", **_h(outsider, other_org)).status_code == 404
    assert client.get(f"{API}/1", **_h(outsider, other_org)).status_code == 404
    assert not Vote.objects.exists()


def test_comment_and_answer_with_the_right_to_triage(client, member, reader, admin_member, org):
    item = make(org, member)
    assert (
        client.post(
            f"{API}/1/comments",
            data={"text": "Enig"},
            content_type="application/json",
            **_h(reader, org),
        ).status_code
        == 201
    )
    assert (
        client.post(
            f"{API}/1/comments",
            data={"text": " "},
            content_type="application/json",
            **_h(reader, org),
        ).status_code
        == 422
    )
    answer = {"resolution": "fixed", "answer": "Løst", "version": item.version}
    assert (
        client.post(
            f"{API}/1/answer", data=answer, content_type="application/json", **_h(reader, org)
        ).status_code
        == 403
    )
    r = client.post(
        f"{API}/1/answer", data=answer, content_type="application/json", **_h(admin_member, org)
    )
    assert (
        r.status_code == 200
        and r.json()["status"] == "answered"
        and r.json()["resolution"] == "fixed"
    )
    stale = client.post(
        f"{API}/1/answer", data=answer, content_type="application/json", **_h(admin_member, org)
    )
    assert stale.status_code == 409


def test_the_list_is_paged_and_filtered(client, member, org):
    for i in range(3):
        make(org, member, title=f"H{i}")
    make(org, member, kind="idea", title="I")
    body = client.get(f"{API}?kind=idea&limit=200", **_h(member, org, "read")).json()
    assert body["count"] == 1 and body["items"][0]["title"] == "I"
    assert client.get(f"{API}?limit=201", **_h(member, org, "read")).status_code == 422
