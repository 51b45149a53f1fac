"""Campaigns, the overview (heat map, hours won back, most votes, answered on time) and the
focus area goal that reads the share of hassles answered on time."""

import datetime as dt
import re

from django.urls import reverse

from involvement import services
from involvement.models import Campaign, Item
from strategy.models import FocusAreaGoal

from .conftest import make


def test_the_office_starts_a_campaign_and_its_page_lists_what_came_in(
    client, member, org, departments
):
    client.force_login(member)
    today = dt.date.today()
    data = {
        "title": "Hvad stjæler din tid?",
        "opens_on": today.isoformat(),
        "closes_on": (today + dt.timedelta(days=14)).isoformat(),
        "departments": [departments[0].pk],
    }
    assert (
        client.post(
            reverse("involvement:campaign_new", args=["skovby"]), data | {"closes_on": "2000-01-01"}
        ).status_code
        == 400
    )
    assert (
        client.post(reverse("involvement:campaign_new", args=["skovby"]), data).status_code == 302
    )
    campaign = Campaign.objects.get()
    make(org, member, title="Langsom login", campaign=campaign, department=departments[0])
    page = client.get(
        reverse("involvement:campaign", args=["skovby", campaign.pk])
    ).content.decode()
    assert "Langsom login" in page and "Hvad stjæler din tid?" in page
    assert (
        client.get(
            reverse("involvement:board", args=["skovby"]) + f"?campaign={campaign.pk}"
        ).status_code
        == 200
    )


def test_a_campaign_with_many_answers_is_shown_a_page_at_a_time(client, member, org):
    today = dt.date.today()
    campaign = Campaign.objects.create(
        organisation=org, title="Tyvene", opens_on=today, closes_on=today + dt.timedelta(days=9)
    )
    Item.objects.bulk_create(
        Item(
            organisation=org,
            number=n,
            kind="hassle",
            title=f"Tyv {n}",
            campaign=campaign,
            due_on=today,
        )
        for n in range(1, 56)
    )
    client.force_login(member)
    url = reverse("involvement:campaign", args=["skovby", campaign.pk])
    first = client.get(url).content.decode()
    assert "55 kom ind" in first and "Side 1 af 2" in first
    item_links = re.compile(r'href="/skovby/ideas/\d+/"')
    assert len(item_links.findall(first)) == 50 and 'href="/skovby/ideas/55/"' in first
    second = client.get(url + "?page=2").content.decode()
    assert len(item_links.findall(second)) == 5 and 'href="/skovby/ideas/1/"' in second


def test_a_reader_cannot_start_a_campaign(client, reader):
    client.force_login(reader)
    assert client.get(reverse("involvement:campaign_new", args=["skovby"])).status_code == 403


def test_the_board_filters_and_sorts(client, reader, member, org, departments):
    a = make(org, member, title="A", minutes=60, department=departments[0])
    b = make(org, member, kind="idea", title="B", department=departments[1])
    services.vote(item=b, user=reader)
    client.force_login(reader)
    url = reverse("involvement:board", args=["skovby"])
    by_votes = client.get(url).content.decode()
    assert by_votes.index(">B<") < by_votes.index(">A<")
    by_hours = client.get(url + "?sort=hours").content.decode()
    assert by_hours.index(">A<") < by_hours.index(">B<")
    only = client.get(url + f"?kind=hassle&department={departments[0].pk}").content.decode()
    assert ">A<" in only and ">B<" not in only
    assert client.get(url + "?sort=evil&kind=<x>&department=abc&page=999").status_code == 200
    assert a.hours > 0


def test_the_overview_shows_hours_fixed_and_on_time(client, admin_member, member, org, departments):
    fixed = make(org, member, title="Fixed", department=departments[0])
    make(org, member, title="Open", department=departments[1], system="ESDH")
    services.answer(
        item=fixed,
        expected_version=fixed.version,
        resolution="fixed",
        text="Løst",
        user=admin_member,
        membership=admin_member.memberships.get(),
    )
    client.force_login(admin_member)
    html = client.get(reverse("involvement:overview", args=["skovby"])).content.decode()
    assert "<svg" in html and "ESDH" in html
    assert "460" in html  # hours won back by the fixed hassle


def test_a_focus_area_goal_reads_the_share_of_hassles_answered_on_time(
    org, member, admin_member, strategy, departments
):
    today = dt.date.today()
    fa = strategy.focus_areas.first()
    goal = FocusAreaGoal.objects.create(
        organisation=org,
        focus_area=fa,
        indicator="Bøvl besvaret til tiden",
        unit="%",
        baseline=40,
        target=75,
        target_date=today + dt.timedelta(days=365),
        source="hassles_on_time",
    )
    on_time = make(org, member, title="1")
    late = make(org, member, title="2")
    Item.objects.filter(pk=on_time.pk).update(
        due_on=today - dt.timedelta(days=5),
        answered_on=today - dt.timedelta(days=6),
        status="answered",
    )
    Item.objects.filter(pk=late.pk).update(due_on=today - dt.timedelta(days=2))
    assert goal.current == 50.0
    goal.source = ""
    assert goal.current is None


def test_the_database_counts_on_time_as_the_pure_rule_does(org, member, departments):
    import random

    from involvement import overview
    from involvement.figures import Answered, on_time_share

    rng = random.Random(16)
    today = dt.date(2027, 3, 15)
    items = []
    for n in range(1, 301):
        due = today + dt.timedelta(days=rng.randint(-400, 20))
        answered = rng.choice([None, due + dt.timedelta(days=rng.randint(-40, 40))])
        items.append(
            Item(
                organisation=org,
                number=n,
                kind=rng.choice(["hassle", "idea"]),
                title=f"{n}",
                department=rng.choice([None, *departments]),
                due_on=due,
                answered_on=answered,
                resolution=rng.choice(["", "", "merged", "fixed"]),
            )
        )
    Item.objects.bulk_create(items)
    start = dt.date(2026, 3, 1)  # on_time looks back twelve months of 31 days
    for kind in ("", "hassle"):
        counted = [
            Answered(i.due_on, i.answered_on, i.department_id)
            for i in items
            if start <= i.due_on <= today and i.resolution != "merged" and kind in ("", i.kind)
        ]
        keys, shares = overview.on_time(org, today=today, kind=kind)
        assert shares == on_time_share(counted, today=today)
        assert keys == sorted(shares) and len(keys) >= 11
