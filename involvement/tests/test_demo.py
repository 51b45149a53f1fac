"""The demo's ideas and hassles: a running campaign with 60+ items across departments,
votes, anonymous and merged ones, a few turned into initiatives, one overdue, change
agents, and the strategy's hassle goal measured from them."""

from django.core.management import call_command

from involvement.models import Campaign, ChangeAgent, Item
from strategy.models import FocusAreaGoal


def test_the_demo_has_what_the_issue_describes(client, db):
    call_command("demo", verbosity=0)
    items = Item.objects.filter(organisation__slug="skovby")
    campaign = Campaign.objects.get(organisation__slug="skovby")
    assert campaign.is_open() and campaign.items.exists()
    assert items.count() >= 60
    assert items.values("department").distinct().count() >= 3
    assert items.filter(votes__gt=0).exists() and items.filter(anonymous=True).exists()
    merged = items.filter(resolution="merged")
    assert merged.count() == 2 and all(m.merged_into_id for m in merged)
    assert items.filter(resolution="initiative", initiative__isnull=False).count() >= 2
    assert any(i.overdue for i in items)
    assert ChangeAgent.objects.filter(organisation__slug="skovby").exists()
    goal = FocusAreaGoal.objects.get(organisation__slug="skovby", source="hassles_on_time")
    assert goal.current is not None and 0 <= goal.current <= 100
    assert not Item.objects.filter(organisation__slug="fjellvik").exists()
    client.login(email="portefolje@skovby.dk", password="styr-demo-2026")
    page = client.get(f"/skovby/strategies/{goal.focus_area.strategy_id}/").content.decode()
    assert "beregnet" in page  # the goal's current value, computed
