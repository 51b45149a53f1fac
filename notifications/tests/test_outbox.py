"""E-mail through an outbox: written with what caused it, sent by the worker once, retried
while the mail server fails, given up visibly (issue 20)."""

import datetime
import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from jobs.queue import Worker, drain
from notifications.models import Notification
from notifications.services import LEASE, backoff, notify, send_outbox


class FlakyBackend(BaseEmailBackend):
    """A mail server that refuses the first `failures` messages, then delivers."""

    failures = 3
    tries = 0

    def send_messages(self, messages):
        type(self).tries += 1
        if type(self).tries <= type(self).failures:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        mail.outbox.extend(messages)
        return len(messages)


@pytest.fixture
def flaky():
    FlakyBackend.tries, FlakyBackend.failures = 0, 3
    with override_settings(EMAIL_BACKEND="notifications.tests.test_outbox.FlakyBackend"):
        yield FlakyBackend


def test_a_message_the_server_refuses_three_times_arrives_once(org, member, flaky):
    notify(organisation=org, users=[member], subject="Dagsorden", body="Se den", key="k")
    now = timezone.now()
    for attempt in range(1, 4):
        result = send_outbox(now)
        assert (result.sent, result.retried) == (0, 1)
        n = Notification.objects.get()
        assert n.attempts == attempt and "Connection unexpectedly closed" in n.last_error
        assert send_outbox(now).retried == 0  # not again before its back-off has passed
        now = n.next_attempt
    assert send_outbox(now).sent == 1
    assert send_outbox(now + datetime.timedelta(hours=2)).sent == 0
    assert [m.subject for m in mail.outbox] == ["Dagsorden"]
    assert Notification.objects.get().sent_at is not None


def test_a_message_that_keeps_failing_is_given_up_and_shown_to_the_administrator(
    org, member, flaky, admin_client
):
    flaky.failures = 100
    notify(organisation=org, users=[member], subject="Aldrig frem", body="…", key="k")
    now = timezone.now()
    for _try in range(Notification.MAX_ATTEMPTS):
        send_outbox(now)
        now += datetime.timedelta(hours=2)
    n = Notification.objects.get()
    assert n.failed and n.attempts == Notification.MAX_ATTEMPTS and n.sent_at is None
    assert send_outbox(now).retried == 0
    page = admin_client.get("/admin/notifications/notification/?failed__exact=1")
    assert page.status_code == 200 and "Aldrig frem" in page.content.decode()


def test_the_person_who_saves_is_not_troubled_by_a_mail_server_that_is_down(
    client, member, org, flaky, django_capture_on_commit_callbacks
):
    from governance.models import Body, BodyMember
    from meetings.models import Meeting

    flaky.failures = 100
    body = Body.objects.create(organisation=org, name="Projektråd", kind="project_council")
    BodyMember.objects.create(organisation=org, body=body, user=member)
    meeting = Meeting.objects.create(organisation=org, body=body, date="2027-04-10")
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(f"/skovby/meetings/{meeting.pk}/publish/")
    assert r.status_code == 302
    assert Notification.objects.filter(sent_at__isnull=True).count() == 1


def test_through_the_queue_new_mail_is_sent_at_once_and_retried_by_the_worker(org, member, flaky):
    notify(organisation=org, users=[member], subject="Dagsorden", body="Se den", key="k")
    notify(organisation=org, users=[member], subject="Referat", body="Læs det", key="k2")
    # The mail queued one job with the notifications, not one per message.
    assert DBTaskResult.objects.filter(task_path__endswith="deliver_outbox").count() == 1
    worker = Worker(periodic={"notifications.services.deliver_outbox": 30.0})
    for _turn in range(3):  # the mail server refuses the first three tries
        drain()
        Notification.objects.update(next_attempt=timezone.now())  # the back-off passes
        worker.last_queued.clear()  # and half a minute
        worker.housekeeping()
    drain()
    assert sorted(m.subject for m in mail.outbox) == ["Dagsorden", "Referat"]
    assert not Notification.objects.filter(sent_at__isnull=True).exists()


def test_two_senders_at_once_send_a_message_once(org, member):
    notify(organisation=org, users=[member], subject="Én gang", body="…", key="k")
    now = timezone.now()
    # The first sender holds the message while it talks to the mail server ...
    Notification.objects.update(sending_until=now + LEASE)
    assert send_outbox(now).sent == 0  # ... so the second leaves it
    # A sender that died while holding it lets go when its lease ends.
    assert send_outbox(now + LEASE + datetime.timedelta(seconds=1)).sent == 1
    assert len(mail.outbox) == 1


def test_the_back_off_doubles_up_to_an_hour():
    assert [backoff(n).total_seconds() / 60 for n in (1, 2, 3, 4, 7, 8, 20)] == [
        1,
        2,
        4,
        8,
        60,
        60,
        60,
    ]
