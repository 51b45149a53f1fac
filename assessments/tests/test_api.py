"""The assessments API: frameworks and rounds read, results as aggregates under the same
threshold, a round created and respondents added."""

import datetime

from accounts.models import PersonalAccessToken
from assessments.models import Invitation, Round

from .conftest import answer

API = "/api/v1/organisations/skovby"


def _headers(user, org, scope="write"):
    _t, raw = PersonalAccessToken.issue(user=user, organisation=org, name="t", scope=scope)
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_frameworks_and_rounds_are_read(client, member, org, round):
    h = _headers(member, org, "read")
    frameworks = client.get(f"{API}/assessment-frameworks", **h).json()
    assert frameworks["count"] == 1 and frameworks["items"][0]["key"] == "success-criteria"
    detail = client.get(f"{API}/assessment-frameworks/{round.framework_id}", **h).json()
    assert len(detail["dimensions"]) == 9 and detail["dimensions"][0]["statements"]
    rounds = client.get(f"{API}/assessment-rounds", **h).json()
    assert rounds["items"][0]["title"] == "Modenhed 2026" and rounds["items"][0]["state"] == "open"
    assert client.get(f"{API}/assessment-rounds/{round.pk}", **h).json()["threshold"] == 5


def test_results_hold_the_threshold_in_the_api(client, member, org, answered, departments):
    h = _headers(member, org, "read")
    body = client.get(f"{API}/assessment-rounds/{answered.pk}/results", **h).json()
    assert body["shown"] and body["responses"] == 12
    by_name = {p["name"]: p for p in body["departments"]}
    assert by_name["Sundhed"] == {
        "name": "Sundhed",
        "responses": None,
        "response_rate": None,
        "shown": False,
    }
    assert by_name["Skole"]["shown"] is False
    names = {d["name"] for dim in body["dimensions"] for d in dim["departments"]}
    assert names == {"Borgerservice"}
    assert not {"texts", "free_text"} & set(body)  # free text never leaves through the API


def test_results_below_the_threshold_show_no_figures(
    client, member, org, round, departments, groups
):
    for _ in range(4):
        answer(round, departments[0], groups["employee"], 5)
    body = client.get(
        f"{API}/assessment-rounds/{round.pk}/results", **_headers(member, org, "read")
    ).json()
    assert body["shown"] is False and body["dimensions"] == []


def test_a_round_is_created_and_respondents_added(client, member, org, framework, departments):
    h = _headers(member, org)
    today = datetime.date.today()
    created = client.post(
        f"{API}/assessment-rounds",
        data={
            "title": "API-runde",
            "framework": framework.pk,
            "opens_on": str(today),
            "closes_on": str(today + datetime.timedelta(days=7)),
            "departments": ["Skole"],
            "scope": "departments",
        },
        content_type="application/json",
        **h,
    )
    assert created.status_code == 201, created.content
    r = Round.objects.get(title="API-runde")
    assert [d.name for d in r.departments.all()] == ["Skole"] and r.groups.count() == 3
    group = r.groups.get(leader=False).name
    added = client.post(
        f"{API}/assessment-rounds/{r.pk}/respondents",
        data=[{"name": "A; B", "email": "ab@skovby.dk", "department": "Skole", "group": group}],
        content_type="application/json",
        **h,
    )
    assert added.status_code == 201 and added.json() == {"added": 1}
    assert Invitation.objects.get().name == "A; B"
    refused = client.post(
        f"{API}/assessment-rounds/{r.pk}/respondents",
        data=[{"email": "x@skovby.dk", "department": "Sundhed", "group": group}],
        content_type="application/json",
        **h,
    )
    assert refused.status_code == 422 and Invitation.objects.count() == 1


def test_bad_rounds_are_refused_with_reasons(client, member, org, framework):
    h = _headers(member, org)
    today = str(datetime.date.today())
    bad = client.post(
        f"{API}/assessment-rounds",
        data={
            "title": "X",
            "framework": framework.pk,
            "opens_on": today,
            "closes_on": "2000-01-01",
            "threshold": 1,
        },
        content_type="application/json",
        **h,
    )
    assert bad.status_code == 422
    unknown = client.post(
        f"{API}/assessment-rounds",
        data={
            "title": "X",
            "framework": framework.pk,
            "opens_on": today,
            "closes_on": today,
            "groups": ["Ukendt"],
        },
        content_type="application/json",
        **h,
    )
    assert unknown.status_code == 422 and not Round.objects.exists()


def test_a_reader_or_read_token_cannot_create_rounds(client, reader, member, org, framework):
    today = str(datetime.date.today())
    data = {"title": "X", "framework": framework.pk, "opens_on": today, "closes_on": today}
    for user, scope in ((reader, "write"), (member, "read")):
        r = client.post(
            f"{API}/assessment-rounds",
            data=data,
            content_type="application/json",
            **_headers(user, org, scope),
        )
        assert r.status_code == 403
    assert not Round.objects.exists()
