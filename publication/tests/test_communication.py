"""Stakeholders on the influence × interest grid, and communication activities on the
yearly cycle, in the owner's calendar feed, and reminded once before the day."""

import datetime

from cycle import ical
from notifications.models import Notification
from publication.models import CommunicationActivity, Stakeholder
from publication.services import remind_activity_owners


def _activity(org, strategy, owner, days=5, **kwargs):
    return CommunicationActivity.objects.create(
        organisation=org,
        strategy=strategy,
        audience="Alle medarbejdere",
        message="Kortversionen på intranettet",
        channel="intranet",
        date=datetime.date.today() + datetime.timedelta(days=days),
        owner=owner,
        **kwargs,
    )


def test_the_office_adds_a_stakeholder_and_sees_it_on_the_grid(client, member, strategy):
    client.force_login(member)
    base = f"/skovby/strategies/{strategy.pk}/communication/"
    r = client.post(
        base + "stakeholders/add/",
        {"name": "Kommunalbestyrelsen", "influence": 3, "interest": 2, "needs": "Fremdrift"},
    )
    assert r.status_code == 302
    s = Stakeholder.objects.get()
    assert s.strategy == strategy and s.initiative is None
    page = client.get(base).content.decode()
    assert "Kommunalbestyrelsen" in page and "Fremdrift" in page


def test_a_bad_activity_is_refused_and_nothing_is_saved(client, member, strategy):
    client.force_login(member)
    r = client.post(
        f"/skovby/strategies/{strategy.pk}/communication/activities/add/",
        {"audience": "", "message": "x", "channel": "pigeon", "date": "i morgen"},
    )
    assert r.status_code == 400
    assert not CommunicationActivity.objects.exists()


def test_an_activity_is_on_the_yearly_cycle_and_in_its_owners_feed(client, org, member, strategy):
    activity = _activity(org, strategy, member, days=1)
    client.force_login(member)
    page = client.get("/skovby/cycle/").content.decode()
    if activity.date.year == datetime.date.today().year:
        assert "Alle medarbejdere" in page
    token = ical.make_token(org.pk, "user", member.pk)
    feed = client.get(f"/calendar/{token}.ics").content.decode()
    assert f"communication-{activity.pk}@styr" in feed
    assert "Kortversionen på intranettet" in feed


def test_the_owner_is_reminded_once_before_the_day(org, member, strategy):
    soon = _activity(org, strategy, member, days=3)
    _activity(org, strategy, member, days=30)  # too early to remind
    _activity(org, strategy, member, days=2, status="cancelled")
    assert remind_activity_owners.call() == 1
    assert remind_activity_owners.call() == 0
    (note,) = Notification.objects.filter(user=member)
    assert "Alle medarbejdere" in note.subject
    soon.refresh_from_db()
    assert soon.reminded


def test_moving_an_activity_reminds_again(client, org, member, strategy):
    activity = _activity(org, strategy, member, days=3)
    remind_activity_owners.call()
    client.force_login(member)
    later = datetime.date.today() + datetime.timedelta(days=4)
    r = client.post(
        f"/skovby/communication/activities/{activity.pk}/",
        {
            "audience": "Alle medarbejdere",
            "message": "Ny dato",
            "channel": "intranet",
            "date": later.isoformat(),
            "owner": member.pk,
            "status": "planned",
            "remind_days": 7,
        },
    )
    assert r.status_code == 302
    activity.refresh_from_db()
    assert activity.date == later and not activity.reminded


def test_an_initiative_has_its_own_plan_and_readers_only_read(
    client, org, member, reader, initiative
):
    client.force_login(reader)
    assert client.get("/skovby/initiatives/1/communication/").status_code == 200
    r = client.post(
        "/skovby/initiatives/1/communication/stakeholders/add/",
        {"name": "Brugerne", "influence": 1, "interest": 3},
    )
    assert r.status_code == 403
    client.force_login(member)
    r = client.post(
        "/skovby/initiatives/1/communication/stakeholders/add/",
        {"name": "Brugerne", "influence": 1, "interest": 3},
    )
    assert r.status_code == 302
    assert Stakeholder.objects.get().initiative == initiative


def test_another_municipality_cannot_reach_the_plan(client, org, member, strategy, outsider):
    s = Stakeholder.objects.create(organisation=org, strategy=strategy, name="Direktionen")
    client.force_login(outsider)
    for url in (
        f"/fjellvik/strategies/{strategy.pk}/communication/",
        f"/fjellvik/communication/stakeholders/{s.pk}/",
        f"/skovby/communication/stakeholders/{s.pk}/",
        "/fjellvik/initiatives/1/communication/",
    ):
        assert client.get(url).status_code == 404, url


def test_a_stakeholder_is_edited_and_removed_by_its_plans_editors_only(
    client, org, member, reader, strategy
):
    s = Stakeholder.objects.create(organisation=org, strategy=strategy, name="KB")
    client.force_login(reader)
    assert client.get(f"/skovby/communication/stakeholders/{s.pk}/").status_code == 403
    assert client.post(f"/skovby/communication/stakeholder/{s.pk}/remove/").status_code == 403
    client.force_login(member)
    r = client.post(
        f"/skovby/communication/stakeholders/{s.pk}/",
        {"name": "Kommunalbestyrelsen", "influence": 3, "interest": 3},
    )
    assert r.status_code == 302
    s.refresh_from_db()
    assert s.name == "Kommunalbestyrelsen" and s.strategy == strategy
    assert client.post(f"/skovby/communication/nonsense/{s.pk}/remove/").status_code == 404
    assert client.post(f"/skovby/communication/stakeholder/{s.pk}/remove/").status_code == 302
    assert not Stakeholder.objects.exists()
