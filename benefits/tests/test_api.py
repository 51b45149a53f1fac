"""The benefits API: create with a plan, measure, lagging filter, permissions."""

from accounts.models import PersonalAccessToken
from benefits.models import Benefit, Measurement


def _headers(user, org, scope="write"):
    _t, raw = PersonalAccessToken.issue(user=user, organisation=org, name="t", scope=scope)
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_it_creates_a_benefit_with_a_linear_plan(client, initiative, member, org):
    r = client.post(
        "/api/v1/organisations/skovby/initiatives/1/benefits",
        data={
            "title": "Kortere sagsbehandling",
            "category": "economic",
            "indicator": "Dage pr. sag",
            "unit": "dage",
            "direction": "decrease",
            "baseline_value": "20",
            "baseline_date": "2026-12-31",
            "target_likely": "12",
            "target_date": "2027-12-31",
        },
        content_type="application/json",
        **_headers(member, org),
    )
    assert r.status_code == 201, r.content
    benefit = Benefit.objects.get()
    assert [float(p.value) for p in benefit.plan.all()] == [18, 16, 14, 12]
    assert [p["planned"] for p in r.json()["periods"]] == [18, 16, 14, 12]


def test_it_refuses_targets_out_of_order(client, initiative, member, org):
    r = client.post(
        "/api/v1/organisations/skovby/initiatives/1/benefits",
        data={
            "title": "X",
            "category": "budget",
            "indicator": "kr",
            "unit": "kr",
            "target_pessimistic": "10",
            "target_likely": "5",
            "target_optimistic": "20",
        },
        content_type="application/json",
        **_headers(member, org),
    )
    assert r.status_code == 422
    assert r.json()["detail"][0]["field"] == "target_likely"


def test_the_owner_records_a_measurement_and_the_benefit_lags(client, benefit, benefit_owner, org):
    url = f"/api/v1/organisations/skovby/benefits/{benefit.pk}/measurements"
    # planned 900 in 2026 Q1 (from 1000 towards 600); 980 is only 20 % of the way
    r = client.post(
        url,
        data={"measured_on": "2026-03-31", "value": "980"},
        content_type="application/json",
        **_headers(benefit_owner, org),
    )
    assert r.status_code == 201, r.content
    assert Measurement.objects.get().source == "api"
    r = client.get(
        "/api/v1/organisations/skovby/benefits?lagging=true", **_headers(benefit_owner, org)
    )
    assert [b["id"] for b in r.json()["items"]] == [benefit.pk]


def test_a_reader_cannot_record_a_measurement(client, benefit, reader, org):
    r = client.post(
        f"/api/v1/organisations/skovby/benefits/{benefit.pk}/measurements",
        data={"measured_on": "2026-03-31", "value": "980"},
        content_type="application/json",
        **_headers(reader, org),
    )
    assert r.status_code == 403
    assert not Measurement.objects.exists()


def test_the_list_says_the_same_as_the_benefit_itself(client, benefit, benefit_owner, org):
    from benefits.models import Measurement

    Measurement.objects.create(
        organisation=org, benefit=benefit, measured_on="2026-03-31", value="980"
    )
    headers = _headers(benefit_owner, org)
    (row,) = client.get("/api/v1/organisations/skovby/benefits", **headers).json()["items"]
    one = client.get(f"/api/v1/organisations/skovby/benefits/{benefit.pk}", **headers).json()
    assert row["lagging"] is one["lagging"] is True
    assert row["next_due"] == one["next_due"]
    assert "periods" not in row and one["periods"]
    assert {k: v for k, v in one.items() if k != "periods"} == row
