from core.models import Change
from strategy.models import BusinessGoal, FocusArea, FocusAreaGoal, Theme


def test_it_adds_a_theme_a_focus_area_and_a_goal(client, member, org, strategy):
    client.force_login(member)
    base = f"/{org.slug}/strategies/{strategy.pk}"
    assert (
        client.post(
            f"{base}/themes/add/", {"title": "Data", "description": "", "order": 2}
        ).status_code
        == 302
    )
    theme = Theme.objects.get(title="Data")
    assert theme.organisation == org and theme.strategy == strategy
    r = client.post(
        f"{base}/focus-areas/add/", {"theme": theme.pk, "title": "Datadrevet ledelse", "order": 0}
    )
    assert r.status_code == 302
    fa = FocusArea.objects.get(title="Datadrevet ledelse")
    r = client.post(
        f"{base}/measurable-goals/add/",
        {
            "focus_area": fa.pk,
            "indicator": "Ledere med dashboards",
            "unit": "%",
            "baseline": "10",
            "target": "80",
            "target_date": "2028-01-01",
        },
    )
    assert r.status_code == 302
    assert FocusAreaGoal.objects.get(indicator="Ledere med dashboards").organisation == org
    assert Change.objects.filter(parent_id=strategy.pk, action="created").count() == 3


def test_a_focus_area_cannot_use_another_strategys_theme(client, member, org, strategy, other_org):
    from strategy.models import Strategy

    foreign = Strategy.objects.create(
        organisation=other_org, title="X", period_start=2025, period_end=2026
    )
    foreign_theme = Theme.objects.create(organisation=other_org, strategy=foreign, title="Fremmed")
    client.force_login(member)
    r = client.post(
        f"/{org.slug}/strategies/{strategy.pk}/focus-areas/add/",
        {"theme": foreign_theme.pk, "title": "Snyd", "order": 0},
    )
    assert r.status_code == 200
    assert not FocusArea.objects.filter(title="Snyd").exists()


def test_it_deletes_a_business_goal_on_post_only(client, member, org, strategy):
    goal = BusinessGoal.objects.get()
    client.force_login(member)
    url = f"/{org.slug}/strategies/{strategy.pk}/business-goals/{goal.pk}/delete/"
    assert client.get(url).status_code == 200
    assert BusinessGoal.objects.exists()
    client.post(url)
    assert not BusinessGoal.objects.exists()
    assert Change.objects.filter(action="deleted", object_repr="Flere hænder").exists()


def test_a_theme_with_focus_areas_is_not_deleted(client, member, org, strategy):
    theme = Theme.objects.get()
    client.force_login(member)
    client.post(f"/{org.slug}/strategies/{strategy.pk}/themes/{theme.pk}/delete/")
    assert Theme.objects.filter(pk=theme.pk).exists()


def test_a_new_strategy_is_created_in_the_members_organisation(client, member, org):
    client.force_login(member)
    r = client.post(
        f"/{org.slug}/strategies/new/",
        {"title": "Strategi", "period_start": 2026, "period_end": 2029},
    )
    assert r.status_code == 302
    from strategy.models import Strategy

    assert Strategy.objects.get().organisation == org
