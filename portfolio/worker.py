"""The solve queue: runs queued SolveRuns outside web requests (`styr worker`, which lives
in the cycle app so that it can also run the daily cycle).

The queue is the SolveRun table itself, so no extra server is needed and several workers may
run: a worker claims a run with a conditional UPDATE (status queued → running), which only
one of them can win. While HiGHS runs, the progress callback writes the best solution so far
to the run at most twice a second and reads the stop flag the page sets, and a thread beats
for the run every ten seconds: a run whose worker stops beating (it died) is queued again
and taken up by another worker, and the page says it was restarted.
"""

from __future__ import annotations

import logging
import threading
import time
from contextlib import contextmanager

from django.db import connection
from django.db.models import F
from django.utils import timezone

from . import optimizer
from .models import RunKind, RunStatus, SolveRun

log = logging.getLogger(__name__)
REPORT_EVERY = 0.5


def requeue_abandoned(now=None) -> int:
    """Queue again the runs whose worker stopped beating (it died, or its machine did), so
    that another takes them up; each counts the restart for its page."""
    now = now or timezone.now()
    return SolveRun.objects.abandoned(now).update(
        status=RunStatus.QUEUED,
        restarts=F("restarts") + 1,
        started=None,
        heartbeat=None,
        progress={},
    )


def claim(run: SolveRun) -> bool:
    """Claim a queued run for this worker; False when another worker won it."""
    now = timezone.now()
    won = SolveRun.objects.filter(pk=run.pk, status=RunStatus.QUEUED).update(
        status=RunStatus.RUNNING, started=now, heartbeat=now
    )
    if won:
        run.refresh_from_db()
    return bool(won)


def claim_next() -> SolveRun | None:
    requeue_abandoned()
    for run in SolveRun.objects.pending()[:5]:
        if claim(run):
            return run
    return None


@contextmanager
def heartbeat(run: SolveRun):
    """Beat for the run every HEARTBEAT_EVERY from a thread of its own while the solve
    runs: HiGHS may go many seconds without calling back (root cuts on a large problem)."""
    stop = threading.Event()

    def beat() -> None:
        try:
            while not stop.wait(SolveRun.HEARTBEAT_EVERY.total_seconds()):
                SolveRun.objects.filter(pk=run.pk, status=RunStatus.RUNNING).update(
                    heartbeat=timezone.now()
                )
        finally:
            connection.close()  # this thread's own connection

    thread = threading.Thread(target=beat, name=f"heartbeat-{run.pk}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def execute(run: SolveRun) -> SolveRun:
    """Solve one claimed run and store its result; never raises for a bad problem. The
    result is kept only while the run is still this worker's claim (not taken over)."""
    try:
        with heartbeat(run):
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


def run_pending(limit: int | None = None) -> int:
    """Run queued runs until none is left (or `limit` are done); returns how many ran."""
    done = 0
    while limit is None or done < limit:
        run = claim_next()
        if run is None:
            break
        execute(run)
        done += 1
    return done
