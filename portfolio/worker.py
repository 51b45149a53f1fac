"""Solves and frontiers in the background: the `solve_run` job of the one queue
(jobs.queue), queued with its SolveRun and run by `styr worker`, never in a web request.

The SolveRun carries what the page shows: queued, running (with the best solution so far,
written by the progress callback at most twice a second, which also reads the stop flag
the page sets), done, stopped or failed. A worker that dies mid-solve stops beating; the
queue gives its job to another worker within a minute, which finds the run still marked
running, counts the restart (the page says so) and solves it again. Should the first
worker come back to life and finish, its result is dropped: the claim is
(started, restarts), and the takeover changed both.
"""

from __future__ import annotations

import logging
import time

from django.db.models import F
from django.utils import timezone
from django_tasks import task

from . import optimizer
from .models import RunKind, RunStatus, SolveRun

log = logging.getLogger(__name__)
REPORT_EVERY = 0.5
# A run whose workers died this many times is given up rather than started again: it may be
# what kills them (memory). The page says how often they stopped, and that it failed.
MAX_RESTARTS = 2


def start(run: SolveRun) -> bool:
    """Claim the run for this worker: a queued one starts; a running one was left by a
    worker that died and starts again, its restart counted (after MAX_RESTARTS it fails
    instead). False for a finished (or stopped) run, or when another worker won it."""
    now = timezone.now()
    if run.status == RunStatus.QUEUED:
        mine = SolveRun.objects.filter(pk=run.pk, status=RunStatus.QUEUED)
        won = mine.update(status=RunStatus.RUNNING, started=now)
    elif run.status == RunStatus.RUNNING:
        mine = SolveRun.objects.filter(
            pk=run.pk, status=RunStatus.RUNNING, started=run.started, restarts=run.restarts
        )
        if run.restarts >= MAX_RESTARTS:
            mine.update(status=RunStatus.FAILED, restarts=F("restarts") + 1, finished=now)
            return False
        won = mine.update(started=now, restarts=F("restarts") + 1, progress={})
    else:
        return False
    if won:
        run.refresh_from_db()
    return bool(won)


@task()
def solve_run(run_id: int) -> str:
    """The job: solve one run (queued by portfolio.services.queue_run) and return its
    final status."""
    run = SolveRun.objects.filter(pk=run_id).first()
    if run is None or not start(run):
        return "skipped"
    return execute(run).status


def execute(run: SolveRun) -> SolveRun:
    """Solve one claimed run and store its result; never raises for a bad problem. The
    result is kept only while the run is still this worker's claim (not taken over)."""
    try:
        result, stopped = _solve(run)
    except optimizer.ProblemError as exc:
        log.warning("Run %s has a malformed problem: %s", run.pk, exc)
        run.status, run.error = RunStatus.FAILED, str(exc)
    except Exception as exc:  # noqa: BLE001 - the run records the failure for the page
        log.exception("Run %s failed", run.pk)
        run.status, run.error = RunStatus.FAILED, repr(exc)
    else:
        run.result = result
        run.status = RunStatus.STOPPED if stopped else RunStatus.DONE
    run.finished = timezone.now()
    # The claim is (started, restarts): a takeover re-queues with restarts + 1.
    mine = SolveRun.objects.filter(
        pk=run.pk, status=RunStatus.RUNNING, started=run.started, restarts=run.restarts
    )
    if not mine.update(
        status=run.status, error=run.error, result=run.result, finished=run.finished
    ):
        log.warning("Run %s was taken over by another worker; this result is dropped", run.pk)
    return run


def _solve(run: SolveRun) -> tuple[dict, bool]:
    problem = optimizer.parse_problem(run.problem)
    if run.kind == RunKind.FRONTIER:
        result = optimizer.frontier(
            problem, budget=run.budget, points=run.points, time_limit=run.time_limit
        )
        return result, False
    solution = optimizer.solve(problem, time_limit=run.time_limit, progress=_reporter(run, problem))
    return solution.to_dict(), solution.stopped


def _reporter(run: SolveRun, problem: optimizer.Problem):
    last = {"at": 0.0}

    def report(progress: optimizer.Progress) -> bool:
        now = time.monotonic()
        if now - last["at"] >= REPORT_EVERY:
            last["at"] = now
            SolveRun.objects.filter(pk=run.pk).update(
                progress={
                    "elapsed": round(progress.elapsed, 1),
                    "objective": progress.objective,
                    "bound": progress.bound,
                    "gap": progress.gap,
                    "selected": progress.selected,
                }
            )
        return SolveRun.objects.filter(pk=run.pk, stop_requested=True).exists()

    return report
