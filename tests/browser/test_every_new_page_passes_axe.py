"""The pages of assessments and of ideas and hassles that no journey walks through pass axe
at 390 px and do not scroll sideways: the office's lists and forms, with the demo's data."""

import pytest
from django.core.management import call_command

from assessments.models import Round
from involvement.models import Campaign
from tests.browser.conftest import assert_accessible, login

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.xdist_group("browser"),
]


def test_the_other_new_pages_pass_axe_on_a_phone(page, live_server):
    call_command("demo", verbosity=0)
    latest = Round.objects.get(organisation__slug="skovby", title="Digital modenhed 2026")
    readiness = Round.objects.get(organisation__slug="skovby", framework__per_initiative=True)
    campaign = Campaign.objects.get(organisation__slug="skovby")
    base = live_server.url
    login(page, base, "portefolje@skovby.dk", "styr-demo-2026")
    page.set_viewport_size({"width": 390, "height": 800})
    for path in (
        "/skovby/assessments/groups/",
        f"/skovby/assessments/rounds/{latest.pk}/texts/",
        f"/skovby/assessments/rounds/{readiness.pk}/",
        f"/skovby/assessments/rounds/{readiness.pk}/respondents/",
        f"/skovby/assessments/rounds/{latest.pk}/edit/",
        "/skovby/assessments/frameworks/new/",
        "/skovby/ideas/campaigns/",
        "/skovby/ideas/campaigns/new/",
        f"/skovby/ideas/campaigns/{campaign.pk}/",
        "/skovby/ideas/new/?kind=hassle",
        "/skovby/members/",
    ):
        response = page.goto(base + path)
        assert response.status == 200, path
        assert page.evaluate("document.documentElement.scrollWidth") <= 391, path
        assert_accessible(page)
    page.context.clear_cookies()
    login(page, base, "admin@skovby.dk", "styr-demo-2026")
    assert page.goto(base + "/skovby/settings/").status == 200
    assert_accessible(page)
