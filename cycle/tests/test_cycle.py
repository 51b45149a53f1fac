"""The yearly cycle: its events create meetings, due reports and reminders; feeds; e-mail."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command

from cycle import ical
from cycle.models import CycleEvent
from cycle.services import create_defaults, run_cycle
from governance.models import Body
from governance.services import create_defaults as create_bodies
from meetings.models import Meeting
from notifications.models import Notification
from notifications.services import notify, send_digests, send_outbox
from organisations.models import Membership
from reporting.models import StatusDue, StatusReport

TODAY = datetime.date(2027, 3, 28)


@pytest.fixture
def cycle(org):
    create_bodies(org)
    create_defaults(org)
    return CycleEvent.objects.for_org(org)


def test_the_default_cycle_has_budget_status_and_meetings(cycle):
    kinds = {e.kind for e in cycle}
    assert {"strategy", "budget", "status", "benefits", "meeting"} <= kinds
    assert cycle.filter(kind="meeting", body__kind="project_council", repeat=1).exists()


def test_events_create_meetings_with_agendas_and_due_reports_once(cycle, org, initiative):
    StatusReport.objects.create(
        organisation=org,
        initiative=initiative,
        reported_on=TODAY,
        time="red",
        cost="green",
        scope="green",
        benefits="green",
        summary="x",
    )
    result = run_cycle(org, today=TODAY)
    # Within 14 days: 31 March, status reports due; 10 April, the project council.
    assert StatusDue.objects.get().due_on == datetime.date(2027, 3, 31)
    meeting = Meeting.objects.get(body__kind="project_council")
    assert meeting.date == datetime.date(2027, 4, 10) and meeting.cycle_event is not None
    assert [i.kind for i in meeting.items.all()] == ["red_status"]
    assert (result.meetings, result.dues) == (1, 1)
    again = run_cycle(org, today=TODAY)
    assert (again.meetings, again.dues, again.notifications) == (0, 0, 0)
    assert Meeting.objects.count() == 1 and StatusDue.objects.count() == 1
    Meeting.objects.update(status="cancelled")  # a cancelled meeting is not made again
    assert run_cycle(org, today=TODAY).meetings == 0


def test_the_lead_is_reminded_of_a_due_report_once(
    cycle, org, initiative, member, django_capture_on_commit_callbacks
):
    StatusDue.objects.create(
        organisation=org, initiative=initiative, due_on=TODAY + datetime.timedelta(days=3)
    )
    with django_capture_on_commit_callbacks(execute=True):
        run_cycle(org, today=TODAY)
        run_cycle(org, today=TODAY)
    send_outbox()
    send_outbox()
    reminders = [m for m in mail.outbox if "I-001" in m.subject]
    assert len(reminders) == 1 and reminders[0].to == ["member@skovby.dk"]
    assert "Statusrapport" in reminders[0].subject


def test_a_digest_collects_the_day_in_one_email(org, member, django_capture_on_commit_callbacks):
    Membership.objects.filter(user=member).update(email_digest=True)
    with django_capture_on_commit_callbacks(execute=True):
        notify(organisation=org, users=[member], subject="A", body="a", key="a")
        notify(organisation=org, users=[member], subject="B", body="b", key="b")
    assert send_outbox().sent == 0 and mail.outbox == []  # the digest takes them
    assert send_digests() == 1
    assert len(mail.outbox) == 1 and "A" in mail.outbox[0].body and "B" in mail.outbox[0].body
    assert send_digests() == 0
    assert not Notification.objects.filter(sent_at__isnull=True).exists()


def test_send_reminders_runs_every_organisation(cycle, org, capsys):
    call_command("send_reminders")
    out = capsys.readouterr().out
    assert "skovby:" in out and "e-mails" in out


def test_the_calendar_feed_needs_a_valid_token_of_a_member(client, cycle, org, member):
    Meeting.objects.create(
        organisation=org, body=Body.objects.get(kind="project_council"), date=TODAY
    )
    from governance.models import BodyMember

    BodyMember.objects.create(
        organisation=org, body=Body.objects.get(kind="project_council"), user=member
    )
    token = ical.make_token(org.pk, "user", member.pk)
    r = client.get(f"/calendar/{token}.ics")
    assert r.status_code == 200 and r["Content-Type"].startswith("text/calendar")
    text = r.content.decode()
    assert text.startswith("BEGIN:VCALENDAR\r\n") and "SUMMARY:Projektråd" in text
    assert "Budget" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert client.get(f"/calendar/{token}x.ics").status_code == 404
    Membership.objects.filter(user=member).delete()
    assert client.get(f"/calendar/{token}.ics").status_code == 404
    body = Body.objects.get(kind="project_council")
    r = client.get(f"/calendar/{ical.make_token(org.pk, 'body', body.pk)}.ics")
    assert r.status_code == 200 and r.content.decode().count("BEGIN:VEVENT") == 1


def test_the_wheel_page_shows_the_year(client, cycle, member):
    client.force_login(member)
    r = client.get("/skovby/cycle/")
    page = r.content.decode()
    assert r.status_code == 200 and "<svg" in page and "Budget" in page
    assert "/calendar/" in page


def test_a_meeting_event_needs_its_body(client, cycle, member):
    client.force_login(member)
    n = CycleEvent.objects.count()
    data = {"title": "Møde", "kind": "meeting", "month": 5, "day": 3, "repeat": 12}
    r = client.post("/skovby/cycle/events/new/", data)
    assert r.status_code == 400 and CycleEvent.objects.count() == n
    data["body"] = Body.objects.get(kind="executive_board").pk
    assert client.post("/skovby/cycle/events/new/", data).status_code == 302
    r = client.post("/skovby/cycle/events/new/", data | {"month": 13})
    assert r.status_code == 400


def test_a_person_chooses_the_daily_digest(client, org, member):
    client.force_login(member)
    assert client.get("/skovby/notifications/").status_code == 200
    client.post("/skovby/notifications/", {"email_digest": "on"})
    assert Membership.objects.get(user=member).email_digest


def test_a_norwegian_municipality_is_reminded_in_bokmal(
    other_org, django_capture_on_commit_callbacks
):
    from conftest import _member
    from initiatives.models import Initiative

    lead = _member(other_org, "leder@fjellvik.no", "initiative_lead")
    initiative = Initiative.objects.create(
        organisation=other_org,
        number=1,
        title="Ny nettside",
        track="prerequisite",
        stage="pilot",
        initiative_lead=lead,
    )
    StatusDue.objects.create(
        organisation=other_org, initiative=initiative, due_on=datetime.date.today()
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders")
    assert any("skal leveres" in m.subject for m in mail.outbox if m.to == [lead.email])
