"""The fault made to happen: a `styr worker` process is killed (SIGKILL, no goodbye) in
the middle of a solve, and another worker takes the run over and finishes it (issue 20).

It needs a database two processes share, so it runs on PostgreSQL (CI's second pass); the
same takeover on SQLite, without the second process, is in test_worker_takeover.py."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from bench.portfolios import generate
from jobs.models import WorkerBeat
from jobs.queue import drain
from portfolio.models import RunStatus, SolveRun
from portfolio.worker import solve_run

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="a second process shares the database"
    ),
    pytest.mark.django_db(transaction=True),
]


def _worker_process() -> subprocess.Popen:
    db = connection.settings_dict
    env = {
        **os.environ,
        "STYR_DEV": "1",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "worker", "--poll", "0.1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _wait_for(condition, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def test_a_solve_whose_worker_is_killed_is_finished_by_another(scenario, member, monkeypatch):
    # A problem HiGHS cannot prove within its 60 s: the worker is surely mid-solve.
    run = SolveRun.objects.create(
        organisation=scenario.organisation,
        scenario=scenario,
        problem=generate(1000),
        time_limit=60,
        requested_by=member,
    )
    solve_run.enqueue(run.pk)
    first = _worker_process()
    try:
        _wait_for(lambda: SolveRun.objects.get(pk=run.pk).progress, 60)
        assert SolveRun.objects.get(pk=run.pk).status == RunStatus.RUNNING
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    finally:
        first.kill()
    # The dead worker's beat grows old (shortened here from 45 s so the test is quick) ...
    monkeypatch.setattr(WorkerBeat, "STALE_AFTER", WorkerBeat.BEAT_EVERY / 5)
    time.sleep(WorkerBeat.STALE_AFTER.total_seconds() + 0.5)
    SolveRun.objects.filter(pk=run.pk).update(time_limit=3)  # and the restart is short
    # ... and a second worker takes the job over and solves the run to the end.
    drain()  # (with the periodic jobs the first worker queued when it started)
    run.refresh_from_db()
    assert run.status == RunStatus.DONE and run.restarts == 1
    assert run.result["selected"] and run.result["objective"] > 0
    job = DBTaskResult.objects.get(task_path="portfolio.worker.solve_run")
    assert job.status == TaskResultStatus.SUCCESSFUL and len(job.worker_ids) == 2
