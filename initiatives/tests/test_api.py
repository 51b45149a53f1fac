import pytest

from accounts.models import PersonalAccessToken
from core.models import Change
from initiatives.models import Initiative


def _auth(user, org, scope="write"):
    _token, raw = PersonalAccessToken.issue(user=user, organisation=org, name="test", scope=scope)
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


BASE = "/api/v1/organisations/skovby"


def test_it_requires_a_token(client, initiative):
    assert client.get(f"{BASE}/initiatives").status_code == 401
    assert (
        client.get(f"{BASE}/initiatives", HTTP_AUTHORIZATION="Bearer styr_wrong").status_code == 401
    )


def test_it_lists_with_paging_and_filters(client, member, org, initiative):
    Initiative.objects.create(organisation=org, number=2, title="Netværk", track="prerequisite")
    headers = _auth(member, org, "read")
    body = client.get(f"{BASE}/initiatives?limit=1", **headers).json()
    assert body["count"] == 2 and len(body["items"]) == 1
    body = client.get(f"{BASE}/initiatives?track=prerequisite", **headers).json()
    assert [i["reference"] for i in body["items"]] == ["I-002"]


def test_it_creates_with_the_forms_validation(client, member, org, strategy):
    headers = _auth(member, org)
    r = client.post(
        f"{BASE}/initiatives",
        {"title": "KOMBIT", "track": "mandatory"},
        content_type="application/json",
        **headers,
    )
    assert r.status_code == 422
    fields = {e["field"] for e in r.json()["detail"]}
    assert {"ambition", "deadline"} <= fields
    assert not Initiative.objects.exists()
    r = client.post(
        f"{BASE}/initiatives",
        {
            "title": "KOMBIT",
            "track": "mandatory",
            "ambition": "low",
            "deadline": "2027-12-31",
            "tags": ["KOMBIT"],
            "focus_areas": [strategy.focus_areas.first().pk],
        },
        content_type="application/json",
        **headers,
    )
    assert r.status_code == 201, r.content
    body = r.json()
    assert (
        body["number"] == 1
        and body["engagement_implement"] == "wait"
        and body["tags"] == ["KOMBIT"]
    )
    assert Change.objects.get(object_id=body["id"]).via_api


def test_a_read_token_cannot_write(client, member, org, initiative):
    headers = _auth(member, org, "read")
    r = client.patch(
        f"{BASE}/initiatives/1",
        {"title": "X", "version": 1},
        content_type="application/json",
        **headers,
    )
    assert r.status_code == 403
    initiative.refresh_from_db()
    assert initiative.title == "Ny borgerportal"


def test_a_reader_with_a_write_token_cannot_write(client, reader, org, initiative):
    headers = _auth(reader, org, "write")
    r = client.patch(
        f"{BASE}/initiatives/1",
        {"title": "X", "version": 1},
        content_type="application/json",
        **headers,
    )
    assert r.status_code == 403


def test_patch_keeps_what_it_does_not_mention_and_checks_the_version(
    client, member, org, initiative, strategy
):
    headers = _auth(member, org)
    r = client.patch(
        f"{BASE}/initiatives/1",
        {"stage": "idea", "version": 1},
        content_type="application/json",
        **headers,
    )
    assert r.status_code == 200, r.content
    body = r.json()
    assert body["stage"] == "idea" and body["title"] == "Ny borgerportal" and body["version"] == 2
    assert body["focus_areas"] == [strategy.focus_areas.first().pk]
    r = client.patch(
        f"{BASE}/initiatives/1",
        {"stage": "clarify", "version": 1},
        content_type="application/json",
        **headers,
    )
    assert r.status_code == 409
    assert Initiative.objects.get().stage == "idea"


def test_a_gated_stage_cannot_be_set_over_the_api(client, member, org, initiative):
    r = client.patch(
        f"{BASE}/initiatives/1",
        {"stage": "pilot", "version": 1},
        content_type="application/json",
        **_auth(member, org),
    )
    assert r.status_code == 422
    assert "stage gate" in r.content.decode()
    assert Initiative.objects.get().stage == "clarify"


def test_a_cycle_is_refused_over_the_api(client, member, org, initiative):
    b = Initiative.objects.create(organisation=org, number=2, title="B", track="prerequisite")
    b.depends_on.add(initiative)
    headers = _auth(member, org)
    r = client.patch(
        f"{BASE}/initiatives/1",
        {"depends_on": [2], "version": 1},
        content_type="application/json",
        **headers,
    )
    assert r.status_code == 422
    assert "I-001 → I-002 → I-001" in r.json()["detail"][0]["message"]


def test_a_token_for_one_organisation_does_not_open_another(client, member, org, other_org):
    from organisations.models import Membership

    Membership.objects.create(user=member, organisation=other_org, role="admin")
    headers = _auth(member, org)
    assert client.get("/api/v1/organisations/fjellvik/initiatives", **headers).status_code == 404
    assert client.get(f"{BASE}/initiatives", **headers).status_code == 200


def test_a_revoked_or_expired_token_is_refused(client, member, org):
    import datetime as dt

    from django.utils import timezone

    token, raw = PersonalAccessToken.issue(user=member, organisation=org, name="t", scope="read")
    token.revoked = True
    token.save()
    assert client.get(f"{BASE}/initiatives", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 401
    token2, raw2 = PersonalAccessToken.issue(
        user=member,
        organisation=org,
        name="t2",
        scope="read",
        expires=timezone.now() - dt.timedelta(days=1),
    )
    assert client.get(f"{BASE}/initiatives", HTTP_AUTHORIZATION=f"Bearer {raw2}").status_code == 401


def test_strategies_and_focus_areas_over_the_api(client, member, org, strategy):
    headers = _auth(member, org)
    body = client.get(f"{BASE}/strategies", **headers).json()
    assert body["items"][0]["title"] == "Digitaliseringsstrategi"
    r = client.patch(
        f"{BASE}/strategies/{strategy.pk}",
        {"vision": "API-vision", "version": 1},
        content_type="application/json",
        **headers,
    )
    assert (
        r.status_code == 200
        and r.json()["vision"] == "API-vision"
        and r.json()["title"] == "Digitaliseringsstrategi"
    )
    theme = strategy.themes.first()
    r = client.post(
        f"{BASE}/focus-areas",
        {"strategy": strategy.pk, "theme": theme.pk, "title": "Ny"},
        content_type="application/json",
        **headers,
    )
    assert r.status_code == 201 and r.json()["theme"] == theme.pk
    fa_id = r.json()["id"]
    r = client.patch(
        f"{BASE}/focus-areas/{fa_id}",
        {"title": "Omdøbt", "version": 1},
        content_type="application/json",
        **headers,
    )
    assert r.status_code == 200 and r.json()["title"] == "Omdøbt"
    r = client.post(
        f"{BASE}/strategies",
        {"title": "X", "period_start": 2030, "period_end": 2020},
        content_type="application/json",
        **headers,
    )
    assert r.status_code == 422


@pytest.mark.parametrize("role,status", [("admin", 200), ("reader", 403)])
def test_organisation_settings_over_the_api(client, org, role, status):
    from conftest import _member

    user = _member(org, f"{role}@x.dk", role)
    r = client.patch(
        "/api/v1/organisations/skovby",
        {"name": "Skovby"},
        content_type="application/json",
        **_auth(user, org),
    )
    assert r.status_code == status


def test_the_owner_body_is_one_of_the_organisations_bodies(client, member, org, initiative):
    from governance.models import Body
    from governance.services import create_defaults

    create_defaults(org)
    council = Body.objects.get(kind="project_council")
    headers = _auth(member, org)
    r = client.patch(
        f"{BASE}/initiatives/1",
        {"owner_body": council.pk, "version": 1},
        content_type="application/json",
        **headers,
    )
    assert r.status_code == 200, r.content
    assert (r.json()["owner_body"], r.json()["owner_body_id"]) == ("Projektråd", council.pk)
    from organisations.models import Organisation

    other = Organisation.objects.create(name="Fjellvik", slug="fjellvik", code="0998")
    foreign = Body.objects.create(organisation=other, name="Fremmed", kind="council")
    r = client.patch(
        f"{BASE}/initiatives/1",
        {"owner_body": foreign.pk, "version": 2},
        content_type="application/json",
        **headers,
    )
    assert r.status_code == 422
