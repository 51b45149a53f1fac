"""Frozen versions over the API: listed and read with their snapshot; another
municipality's are not found."""

from accounts.models import PersonalAccessToken
from governance.models import BodyKind
from publication import services


def _headers(user, org):
    _t, raw = PersonalAccessToken.issue(user=user, organisation=org, name="t", scope="read")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_versions_are_listed_and_read_with_their_snapshot(
    client, org, other_org, strategy, bodies, decider, outsider
):
    version = services.recommend(
        strategy=strategy, body=bodies[BodyKind.EXECUTIVE_BOARD], user=decider
    )
    services.approve(version=version, body=bodies[BodyKind.COUNCIL], user=decider)
    url = f"/api/v1/organisations/skovby/strategies/{strategy.pk}/versions"
    h = _headers(decider, org)
    listed = client.get(url, **h).json()
    assert listed["count"] == 1
    assert listed["items"][0]["status"] == "approved"
    assert listed["items"][0]["approved_on"] is not None
    one = client.get(url + "/1", **h).json()
    assert one["snapshot"]["strategy"]["title"] == "Digitaliseringsstrategi"
    assert client.get(url + "/2", **h).status_code == 404
    h = _headers(outsider, other_org)
    assert client.get(url.replace("skovby", "fjellvik"), **h).json()["count"] == 0
    assert client.get(url.replace("skovby", "fjellvik") + "/1", **h).status_code == 404
