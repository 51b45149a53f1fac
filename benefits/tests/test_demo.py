"""The demo municipality shows business cases and benefits on every page of this issue."""

from django.core.management import call_command


def test_the_demo_has_cases_benefits_lag_and_harvest(client, db):
    from django.contrib.auth import get_user_model

    from benefits.models import Benefit, Harvest
    from finance.models import BusinessCase

    call_command("demo", verbosity=0)
    client.force_login(get_user_model().objects.get(email="portefolje@skovby.dk"))
    case = BusinessCase.objects.filter(organisation__slug="skovby").first()
    benefit = Benefit.objects.filter(organisation__slug="skovby").first()
    year = Harvest.objects.filter(organisation__slug="skovby").first().budget_year
    for url in (
        "/skovby/business-cases/",
        f"/skovby/business-cases/{case.pk}/",
        "/skovby/benefits/",
        f"/skovby/benefits/{benefit.pk}/",
        f"/skovby/initiatives/{benefit.initiative.number}/benefits/",
        f"/skovby/benefits/harvest/{year}/",
    ):
        assert client.get(url).status_code == 200, url
    page = client.get("/skovby/benefits/").content.decode()
    assert 'id="lagging-list"' in page
