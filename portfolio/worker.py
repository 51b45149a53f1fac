"""The solve queue: runs queued SolveRuns outside web requests (`styr worker`, which lives
in the cycle app so that it can also run the daily cycle).

The queue is the SolveRun table itself, so no extra server is needed and several workers may
run: a worker claims a run with a conditional UPDATE (status queued → running), which only
one of them can win. While HiGHS runs, the progress callback writes the best solution so far
to the run at most twice a second and reads the stop flag the page sets.
"""

from __future__ import annotations

import logging
import time

from django.utils import timezone

from . import optimizer
from .models import RunKind, RunStatus, SolveRun

log = logging.getLogger(__name__)
REPORT_EVERY = 0.5


def claim_next() -> SolveRun | None:
    for run in SolveRun.objects.pending()[:5]:
        won = SolveRun.objects.filter(pk=run.pk, status=RunStatus.QUEUED).update(
            status=RunStatus.RUNNING, started=timezone.now()
        )
        if won:
            run.refresh_from_db()
            return run
    return None


def execute(run: SolveRun) -> SolveRun:
    """Solve one claimed run and store its result; never raises for a bad problem."""
    try:
        problem = optimizer.parse_problem(run.problem)
        if run.kind == RunKind.FRONTIER:
            result = optimizer.frontier(
                problem, budget=run.budget, points=run.points, time_limit=run.time_limit
            )
            stopped = False
        else:
            solution = optimizer.solve(
                problem, time_limit=run.time_limit, progress=_reporter(run, problem)
            )
            result = solution.to_dict()
            stopped = solution.stopped
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
    run.save(update_fields=["status", "error", "result", "finished"])
    return run


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
