"""Optimistic locking cannot be skipped: a change to something that exists names the
version it was based on, on the web, in an upload and in the API (issue 12)."""

import pytest

from benefits.models import Harvest
from core.versioning import StaleObjectError, save_versioned
from initiatives.forms import InitiativeForm
from initiatives.models import Initiative


@pytest.fixture
def harvest(benefit, department):
    return Harvest.objects.create(
        organisation=benefit.organisation,
        benefit=benefit,
        department=department,
        budget_year=2027,
        amount=100,
    )


def _harvest_url(harvest):
    return f"/skovby/benefits/{harvest.benefit_id}/harvest/{harvest.pk}/"


def _harvest_data(harvest, **extra):
    return {
        "department": harvest.department_id,
        "budget_year": 2027,
        "amount": "250",
        "status": "planned",
        **extra,
    }


def test_a_web_edit_without_the_version_is_refused_and_changes_nothing(client, member, harvest):
    client.force_login(member)
    r = client.post(_harvest_url(harvest), _harvest_data(harvest))
    assert r.status_code == 200
    assert "sagde ikke hvilken version" in r.content.decode()
    assert Harvest.objects.get().amount == 100


def test_a_web_edit_on_an_old_version_is_refused_with_409(client, member, harvest):
    client.force_login(member)
    r = client.post(_harvest_url(harvest), _harvest_data(harvest, version=harvest.version))
    assert r.status_code == 302
    r = client.post(
        _harvest_url(harvest), _harvest_data(harvest, version=harvest.version, amount="9")
    )
    assert r.status_code == 409
    assert Harvest.objects.get().amount == 250


def test_a_versioned_save_without_a_version_is_refused_below_the_forms(member, initiative, org):
    form = InitiativeForm(
        data={"title": "Overskrevet"},
        instance=initiative,
        organisation=org,
        membership=member.memberships.get(),
    )
    form.cleaned_data = {}
    with pytest.raises(StaleObjectError):
        save_versioned(form, user=member, expected_version=None)
    assert Initiative.objects.get().title != "Overskrevet"


def test_an_api_patch_without_the_version_is_refused(client, member, org, initiative):
    from initiatives.tests.test_api import BASE, _auth

    r = client.patch(
        f"{BASE}/initiatives/1",
        {"title": "Uden version"},
        content_type="application/json",
        **_auth(member, org),
    )
    assert r.status_code == 422
    assert Initiative.objects.get().title != "Uden version"
