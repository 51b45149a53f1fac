"""Each organisation's daily cycle runs once a day, whoever asks: the worker every minute,
`styr send-reminders` from a scheduler, two of them at the same moment (issue 20)."""

import datetime
import threading

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from cycle.models import DailyRun
from cycle.services import claim_day, create_defaults, run_daily, run_due_cycles
from governance.services import create_defaults as create_bodies
from jobs.queue import Worker, drain
from meetings.models import Meeting

TODAY = datetime.date(2027, 3, 28)


@pytest.fixture
def cycle(org):
    create_bodies(org)
    create_defaults(org)


def test_a_day_is_run_once_for_each_organisation(cycle, org, other_org):
    first = run_due_cycles(today=TODAY)
    assert {r.organisation.slug for r in first} == {"skovby", "fjellvik"}
    meetings = Meeting.objects.count()
    assert meetings > 0
    assert run_due_cycles(today=TODAY) == []
    assert Meeting.objects.count() == meetings
    assert DailyRun.objects.filter(day=TODAY, finished__isnull=False).count() == 2
    assert {r.organisation.slug for r in run_due_cycles(today=TODAY + datetime.timedelta(1))} == {
        "skovby",
        "fjellvik",
    }


def test_a_claim_left_by_a_process_that_died_is_taken_over(cycle, org):
    claim = claim_day(org, TODAY)
    assert claim is not None and claim_day(org, TODAY) is None  # the other process waits
    assert run_due_cycles(today=TODAY) == []  # a fresh claim is someone's work in progress
    DailyRun.objects.filter(pk=claim.pk).update(
        started=timezone.now() - DailyRun.STALE_AFTER - datetime.timedelta(minutes=1)
    )
    (result,) = run_due_cycles(today=TODAY)
    assert result.organisation == org and result.cycle.meetings > 0
    assert DailyRun.objects.get(pk=claim.pk).finished is not None


def test_send_reminders_says_when_every_organisation_has_had_its_day(cycle, org, capsys):
    call_command("send_reminders")
    assert "skovby:" in capsys.readouterr().out
    call_command("send_reminders")
    assert "Every organisation has had today's cycle." in capsys.readouterr().out


def test_the_worker_queues_the_daily_cycle_once_a_minute(cycle, org):
    worker = Worker(periodic={"cycle.services.run_daily": 60.0})
    worker.housekeeping()
    worker.housekeeping()  # the same minute: already queued
    assert drain() == 1
    assert DailyRun.objects.filter(organisation=org, finished__isnull=False).count() == 1
    worker.last_queued["cycle.services.run_daily"] -= 60.0  # a minute later
    worker.housekeeping()
    assert drain() == 1  # queued again, and finds the day done
    assert DailyRun.objects.count() == 1
    assert run_daily.call() == 0


def test_the_worker_once_runs_the_queue_and_the_days_cycles(cycle, org, capsys):
    call_command("worker", once=True)
    assert "job(s) done" in capsys.readouterr().out
    assert DailyRun.objects.filter(organisation=org, finished__isnull=False).count() == 1


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="two connections writing at once: PostgreSQL"
)
@pytest.mark.django_db(transaction=True)
def test_two_runs_at_the_same_moment_do_the_days_work_once(cycle, org):
    barrier = threading.Barrier(2)
    results, errors = [], []

    def run():
        try:
            barrier.wait()
            results.extend(run_due_cycles(today=TODAY))
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(results) == 1
    assert DailyRun.objects.filter(organisation=org, day=TODAY).count() == 1
    meetings = Meeting.objects.filter(organisation=org)
    assert meetings.count() == len({(m.body_id, m.date) for m in meetings})
