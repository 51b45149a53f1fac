"""The business case API: figures, version checks, all-or-nothing line replacement."""

import pytest

from accounts.models import PersonalAccessToken
from finance.models import BusinessCase, CaseStatus


def _headers(user, org, scope="write"):
    _t, raw = PersonalAccessToken.issue(user=user, organisation=org, name="t", scope=scope)
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_it_reads_a_case_with_its_key_figures(client, business_case, member, org):
    r = client.get(
        f"/api/v1/organisations/skovby/business-cases/{business_case.pk}", **_headers(member, org)
    )
    assert r.status_code == 200
    body = r.json()
    assert body["figures"]["expected"]["npv"] == pytest.approx(89.299211, abs=1e-5)
    assert body["figures"]["expected"]["payback_year"] == 2030
    assert body["initiative"] == 1


@pytest.mark.parametrize("stored", [True, False])
def test_the_list_gives_each_cases_key_figures(client, business_case, member, org, stored):
    if stored:
        business_case.store_figures()
    else:
        BusinessCase.objects.filter(pk=business_case.pk).update(figures_version=None)
    r = client.get("/api/v1/organisations/skovby/business-cases", **_headers(member, org))
    assert r.status_code == 200
    (row,) = r.json()["items"]
    assert row["id"] == business_case.pk and row["initiative"] == 1
    assert row["key_figures"]["npv"] == pytest.approx(89.299211, abs=1e-5)
    assert row["key_figures"]["payback_year"] == 2030


def test_it_creates_a_case_with_the_organisations_defaults(client, initiative, member, org):
    r = client.post(
        "/api/v1/organisations/skovby/initiatives/1/business-cases",
        data={"first_year": 2027},
        content_type="application/json",
        **_headers(member, org),
    )
    assert r.status_code == 201, r.content
    case = BusinessCase.objects.get()
    assert case.horizon_years == 10
    assert str(case.discount_rate) == "3.50"


def test_it_replaces_lines_only_when_all_are_valid(client, business_case, member, org):
    url = f"/api/v1/organisations/skovby/business-cases/{business_case.pk}/lines"
    bad = {
        "version": business_case.version,
        "lines": [
            {
                "side": "cost",
                "description": "Ok",
                "cost_kind": "running",
                "cost_source": "internal",
                "amounts": [1],
            },
            {"side": "benefit", "description": "Ingen kategori", "amounts": [1, 2]},
        ],
    }
    r = client.put(url, data=bad, content_type="application/json", **_headers(member, org))
    assert r.status_code == 422
    assert r.json()["detail"][0]["line"] == 1
    assert business_case.lines.count() == 3
    good = {
        "version": business_case.version,
        "lines": [
            {
                "side": "cost",
                "description": "Ny",
                "cost_kind": "investment",
                "cost_source": "external",
                "amounts": [50, 0],
            },
            {"side": "benefit", "description": "Tid", "category": "economic", "amounts": [0, 80]},
        ],
    }
    r = client.put(url, data=good, content_type="application/json", **_headers(member, org))
    assert r.status_code == 200, r.content
    assert r.json()["figures"]["expected"]["total_cost"] == 50
    assert business_case.lines.count() == 2
    r = client.put(url, data=good, content_type="application/json", **_headers(member, org))
    assert r.status_code == 409


def test_only_a_decision_maker_approves(client, business_case, member, org):
    from conftest import _member

    url = f"/api/v1/organisations/skovby/business-cases/{business_case.pk}/approve"
    payload = {"version": business_case.version}
    r = client.post(url, data=payload, content_type="application/json", **_headers(member, org))
    assert r.status_code == 403
    boss = _member(org, "direktion@skovby.dk", "decision_maker")
    r = client.post(url, data=payload, content_type="application/json", **_headers(boss, org))
    assert r.status_code == 200
    business_case.refresh_from_db()
    assert business_case.status == CaseStatus.APPROVED
    assert business_case.approvals.count() == 1


def test_a_read_token_cannot_change_a_case(client, business_case, member, org):
    r = client.patch(
        f"/api/v1/organisations/skovby/business-cases/{business_case.pk}",
        data={"version": business_case.version, "horizon_years": 5},
        content_type="application/json",
        **_headers(member, org, scope="read"),
    )
    assert r.status_code == 403
