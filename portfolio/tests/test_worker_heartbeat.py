"""A solve claimed by a worker that dies is taken up by another: the claim carries a
heartbeat, a run whose heartbeat stops is queued again, and its page says so (issue 20)."""

import datetime
import time

import pytest
from django.utils import timezone

from portfolio import worker
from portfolio.models import RunStatus, SolveRun
from portfolio.services import queue_run
from portfolio.worker import claim_next, execute, run_pending


def _die(run: SolveRun) -> None:
    """The worker that claimed the run stops beating (killed, or its machine went down)."""
    SolveRun.objects.filter(pk=run.pk).update(
        heartbeat=timezone.now() - SolveRun.STALE_AFTER - datetime.timedelta(seconds=1)
    )


def test_a_run_left_by_a_dead_worker_is_finished_by_another(client, scenario, member):
    queue_run(scenario=scenario, user=member)
    claimed = claim_next()  # the first worker claims it ...
    assert claimed.status == RunStatus.RUNNING and claimed.heartbeat is not None
    _die(claimed)  # ... and dies before it has a result
    assert run_pending() == 1  # a second worker takes it up
    run = SolveRun.objects.get()
    assert run.status == RunStatus.DONE and run.result["selected"] and run.restarts == 1
    client.force_login(member)
    page = client.get(f"/skovby/scenarios/{scenario.pk}/").content.decode()
    assert 'id="restarted"' in page


def test_a_beating_run_is_left_to_its_worker(scenario, member):
    queue_run(scenario=scenario, user=member)
    claim_next()
    assert claim_next() is None and SolveRun.objects.get().restarts == 0


def test_the_first_workers_late_result_does_not_overwrite_the_second(scenario, member):
    queue_run(scenario=scenario, user=member)
    first = claim_next()
    _die(first)
    second = claim_next()
    assert second.pk == first.pk and second.restarts == first.restarts + 1
    execute(first)  # the first worker wakes up and finishes after all
    run = SolveRun.objects.get()
    assert run.status == RunStatus.RUNNING and run.result is None  # still the second's
    execute(second)
    assert SolveRun.objects.get().status == RunStatus.DONE


@pytest.mark.django_db(transaction=True)
def test_the_heartbeat_beats_while_the_solve_runs(scenario, member, monkeypatch):
    monkeypatch.setattr(SolveRun, "HEARTBEAT_EVERY", datetime.timedelta(seconds=0.05))
    queue_run(scenario=scenario, user=member)
    run = claim_next()
    before = SolveRun.objects.get().heartbeat
    with worker.heartbeat(run):
        time.sleep(0.3)
    assert SolveRun.objects.get().heartbeat > before
