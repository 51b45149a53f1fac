"""The one background queue: each job done once, by one worker; a dead worker's job taken
up by another; the periodic work queued once per period; old results forgotten."""

import datetime

import pytest
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from jobs.models import WorkerBeat
from jobs.queue import MAX_TAKEOVERS, Worker, drain, enqueue_once, prune, take_over_abandoned
from jobs.tests import tasks


@pytest.fixture(autouse=True)
def _fresh_record():
    tasks.RAN.clear()


def _a_minute_ago() -> datetime.datetime:
    return timezone.now() - datetime.timedelta(minutes=1)


def test_every_queued_job_runs_once_and_its_result_is_kept(db):
    for i in range(5):
        tasks.record.enqueue(i)
    assert drain() == 5
    assert sorted(tasks.RAN) == [0, 1, 2, 3, 4]
    assert drain() == 0
    results = DBTaskResult.objects.all()
    assert {r.status for r in results} == {TaskResultStatus.SUCCESSFUL}
    assert sorted(r.return_value for r in results) == [0, 1, 2, 3, 4]


def test_a_claimed_job_is_not_given_to_a_second_worker(db):
    tasks.record.enqueue(1)
    first, second = Worker(worker_id="first"), Worker(worker_id="second")
    job = first.claim_next()
    assert job.worker_ids == ["first"] and job.status == TaskResultStatus.RUNNING
    assert second.claim_next() is None


def test_a_failing_job_is_recorded_failed_and_the_worker_goes_on(db):
    tasks.explode.enqueue()
    tasks.record.enqueue(7)
    assert drain() == 2
    failed = DBTaskResult.objects.get(task_path="jobs.tests.tasks.explode")
    assert failed.status == TaskResultStatus.FAILED and "the job went wrong" in failed.traceback
    assert tasks.RAN == [7]


def test_the_job_of_a_worker_that_stopped_beating_is_queued_again(db):
    tasks.record.enqueue(3)
    Worker(worker_id="dead").claim_next()
    WorkerBeat.objects.create(
        worker_id="dead", host="h", pid=1, started=_a_minute_ago(), beat=_a_minute_ago()
    )
    assert take_over_abandoned() == 0  # claimed just now: its worker gets its grace
    DBTaskResult.objects.update(started_at=_a_minute_ago())
    assert take_over_abandoned() == 1
    assert drain() == 1 and tasks.RAN == [3]
    assert DBTaskResult.objects.get().worker_ids[0] == "dead"


def test_the_job_of_a_beating_worker_is_left_to_it(db):
    tasks.record.enqueue(3)
    worker = Worker(worker_id="alive")
    worker.claim_next()
    DBTaskResult.objects.update(started_at=_a_minute_ago())
    worker.beat(timezone.now())
    assert take_over_abandoned() == 0


def test_a_job_that_outlived_several_workers_is_given_up(db):
    tasks.record.enqueue(3)
    DBTaskResult.objects.update(
        status=TaskResultStatus.RUNNING,
        started_at=_a_minute_ago(),
        worker_ids=[f"w{i}" for i in range(MAX_TAKEOVERS + 1)],
    )
    assert take_over_abandoned() == 0
    job = DBTaskResult.objects.get()
    assert job.status == TaskResultStatus.FAILED and "workers died" in job.traceback


def test_a_job_is_queued_once_while_one_is_waiting(db):
    assert enqueue_once(tasks.record) is True
    assert enqueue_once(tasks.record) is False
    assert DBTaskResult.objects.count() == 1


def test_the_worker_queues_its_periodic_work_once_per_period(db):
    worker = Worker(periodic={"jobs.tests.tasks.explode": 3600.0})
    worker.housekeeping()
    drain()
    worker.housekeeping()  # within the hour: not again
    assert DBTaskResult.objects.filter(task_path="jobs.tests.tasks.explode").count() == 1
    assert WorkerBeat.objects.filter(pk=worker.worker_id).exists()


def test_the_settings_periodic_jobs_are_real_jobs(db, settings):
    assert "cycle.services.run_daily" in settings.STYR_PERIODIC_JOBS
    assert drain(periodic=True) == len(settings.STYR_PERIODIC_JOBS)
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {
        TaskResultStatus.SUCCESSFUL
    }


def test_finished_jobs_are_forgotten_after_a_week(db):
    tasks.record.enqueue(1)
    tasks.record.enqueue(2)
    drain()
    DBTaskResult.objects.filter(return_value=1).update(
        finished_at=timezone.now() - datetime.timedelta(days=8)
    )
    assert prune.call() == 1
    assert list(DBTaskResult.objects.values_list("return_value", flat=True)) == [2]
