"""Scenarios and scores over the API."""

from accounts.models import PersonalAccessToken
from jobs.queue import drain
from portfolio.models import SolveRun


def headers(user, org, scope="write"):
    _token, raw = PersonalAccessToken.issue(user=user, organisation=org, name="t", scope=scope)
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_it_queues_a_solve_and_returns_the_result(client, member, org, scenario):
    h = headers(member, org)
    r = client.post(f"/api/v1/organisations/skovby/scenarios/{scenario.pk}/solve", **h)
    assert r.status_code == 202 and r.json()["status"] == "queued"
    drain()
    data = client.get(f"/api/v1/organisations/skovby/scenarios/{scenario.pk}", **h).json()
    assert data["latest_run"]["result"]["status"] == "optimal"
    assert data["latest_run"]["problem"]["periods"] == ["2027", "2028", "2029"]


def test_a_read_token_and_a_reader_cannot_solve(client, member, reader, org, scenario):
    r = client.post(
        f"/api/v1/organisations/skovby/scenarios/{scenario.pk}/solve",
        **headers(member, org, "read"),
    )
    assert r.status_code == 403
    r = client.post(
        f"/api/v1/organisations/skovby/scenarios/{scenario.pk}/solve", **headers(reader, org)
    )
    assert r.status_code == 403
    assert not SolveRun.objects.exists()


def test_it_lists_the_weighted_scores(client, member, org, scenario):
    scores = client.get("/api/v1/organisations/skovby/scores", **headers(member, org)).json()[
        "items"
    ]
    assert {s["initiative"]: s["weighted_score"] for s in scores} == {1: 5.0, 2: 4.0, 3: 3.0}
