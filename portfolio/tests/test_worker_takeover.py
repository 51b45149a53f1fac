"""A solve whose worker dies is taken up by another: the queue gives the job to a living
worker, which starts the run again, counts the restart and says so on the page (issue 20).
The real thing, a worker process killed mid-solve, is in jobs/tests/test_kill_a_worker.py."""

import datetime

from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from jobs.models import WorkerBeat
from jobs.queue import Worker, drain
from portfolio.models import RunStatus, SolveRun
from portfolio.services import queue_run
from portfolio.worker import execute, start


def _claimed_by_a_worker_that_died() -> Worker:
    """A worker claims the run's job, starts the run and dies: no beat for a minute."""
    dead = Worker(worker_id="dead")
    job = dead.claim_next()
    start(SolveRun.objects.get(pk=job.args_kwargs["args"][0]))
    a_minute_ago = timezone.now() - datetime.timedelta(minutes=1)
    DBTaskResult.objects.filter(pk=job.pk).update(started_at=a_minute_ago)
    WorkerBeat.objects.create(
        worker_id="dead", host="h", pid=1, started=a_minute_ago, beat=a_minute_ago
    )
    return dead


def test_a_run_left_by_a_dead_worker_is_finished_by_another(client, scenario, member):
    queue_run(scenario=scenario, user=member)
    _claimed_by_a_worker_that_died()
    assert SolveRun.objects.get().status == RunStatus.RUNNING
    assert drain() == 1  # a second worker takes it over and solves it
    run = SolveRun.objects.get()
    assert run.status == RunStatus.DONE and run.result["selected"] and run.restarts == 1
    job = DBTaskResult.objects.get()
    assert job.status == TaskResultStatus.SUCCESSFUL and job.worker_ids[0] == "dead"
    client.force_login(member)
    page = client.get(f"/skovby/scenarios/{scenario.pk}/").content.decode()
    assert 'id="restarted"' in page


def test_a_beating_workers_run_is_left_to_it(scenario, member):
    queue_run(scenario=scenario, user=member)
    alive = Worker(worker_id="alive")
    job = alive.claim_next()
    DBTaskResult.objects.filter(pk=job.pk).update(
        started_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    alive.beat(timezone.now())
    assert drain() == 0
    assert DBTaskResult.objects.get().status == TaskResultStatus.RUNNING


def test_the_first_workers_late_result_does_not_overwrite_the_second(scenario, member):
    queue_run(scenario=scenario, user=member)
    _claimed_by_a_worker_that_died()
    first = SolveRun.objects.get()  # as the first worker holds it
    second = SolveRun.objects.get()
    assert start(second) and second.restarts == first.restarts + 1
    execute(first)  # the first worker wakes up and finishes after all
    run = SolveRun.objects.get()
    assert run.status == RunStatus.RUNNING and run.result is None  # still the second's
    execute(second)
    assert SolveRun.objects.get().status == RunStatus.DONE


def test_a_finished_run_is_not_solved_again(scenario, member):
    run = queue_run(scenario=scenario, user=member)
    drain()
    run.refresh_from_db()
    assert run.status == RunStatus.DONE and not start(run)


def test_a_run_whose_workers_keep_dying_is_given_up_and_its_page_says_so(client, scenario, member):
    from portfolio.worker import MAX_RESTARTS

    queue_run(scenario=scenario, user=member)
    _claimed_by_a_worker_that_died()
    SolveRun.objects.update(restarts=MAX_RESTARTS)  # it has killed workers before
    drain()
    run = SolveRun.objects.get()
    assert run.status == RunStatus.FAILED and run.restarts == MAX_RESTARTS + 1
    assert run.result is None and run.finished is not None
    client.force_login(member)
    page = client.get(f"/skovby/scenarios/{scenario.pk}/").content.decode()
    assert 'id="restarted"' in page and "Beregningen fejlede." in page  # "The solve failed."
