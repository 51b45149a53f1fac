"""The one background queue: django-tasks with its database backend, and the worker that
serves it (`styr worker`).

Every piece of long work is a task (`@task()` from django_tasks) queued in the same
transaction as what asked for it: solves and frontiers (portfolio.worker.solve_run), the
e-mail outbox (notifications.services.deliver_outbox), the daily cycle
(cycle.services.run_daily). The queue is a table in Styr's own database, so the embedded
default needs no other server, and PostgreSQL serves it in production.

A worker claims a job inside an exclusive transaction (SELECT … FOR UPDATE SKIP LOCKED on
PostgreSQL, BEGIN EXCLUSIVE on SQLite), so of several workers on several machines exactly
one runs each job. Beside its loop a thread beats (jobs.models.WorkerBeat) and does the
housekeeping: it queues again the jobs of workers that stopped beating, and queues the
periodic work of settings.STYR_PERIODIC_JOBS once per period (unless such a job is
already waiting).
"""

from __future__ import annotations

import datetime
import logging
import math
import os
import socket
import threading
import time

from django.conf import settings
from django.db import DatabaseError, OperationalError, close_old_connections, connection
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.module_loading import import_string
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, TaskResultStatus, task
from django_tasks.base import Task
from django_tasks_db.management.commands.db_worker import Worker as LibraryWorker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from .models import WorkerBeat

log = logging.getLogger(__name__)

# A job whose workers died this many times (it may be what kills them) is given up.
MAX_TAKEOVERS = 3
KEEP_FINISHED = datetime.timedelta(days=7)


class WorkerDied(Exception):
    """Recorded on a job given up after MAX_TAKEOVERS workers died running it."""


def take_over_abandoned(now: datetime.datetime | None = None) -> int:
    """Queue again every running job whose worker stopped beating, so that another worker
    takes it up within a minute; returns how many. A job that has outlived MAX_TAKEOVERS
    workers is marked failed instead."""
    now = now or timezone.now()
    alive = set(WorkerBeat.objects.alive(now).values_list("worker_id", flat=True))
    taken = 0
    running = DBTaskResult.objects.running().filter(started_at__lt=now - WorkerBeat.STALE_AFTER)
    for job in running.only("id", "worker_ids", "started_at"):
        if job.worker_ids and job.worker_ids[-1] in alive:
            continue
        # Conditional on the claim we read: a worker that finished it meanwhile wins.
        still = DBTaskResult.objects.filter(
            pk=job.pk, status=TaskResultStatus.RUNNING, started_at=job.started_at
        )
        if len(job.worker_ids) > MAX_TAKEOVERS:
            still.update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                exception_class_path=f"{WorkerDied.__module__}.{WorkerDied.__qualname__}",
                traceback=f"{len(job.worker_ids)} workers died running this job.",
            )
            log.error("Job %s given up: %s workers died running it", job.pk, len(job.worker_ids))
        elif still.update(status=TaskResultStatus.READY, started_at=None):
            log.warning("Job %s queued again: its worker stopped beating", job.pk)
            taken += 1
    return taken


def enqueue_once(job: Task) -> bool:
    """Queue a job that takes no arguments unless one is already waiting; True if queued.
    Two workers may both queue it in the same instant; the jobs are written to be run
    twice without doing their work twice."""
    waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY, task_path=job.module_path)
    if waiting.exists():
        return False
    job.enqueue()
    return True


@task()
def prune() -> int:
    """Forget finished jobs after KEEP_FINISHED (failed ones stay in the admin as long)."""
    old = DBTaskResult.objects.finished().filter(finished_at__lt=timezone.now() - KEEP_FINISHED)
    return old.delete()[0]


def new_worker_id() -> str:
    return f"{socket.gethostname()[:30]}-{os.getpid()}-{get_random_string(8)}"


class Worker(LibraryWorker):
    """django-tasks-db's worker (its claim, run and result recording) with a heartbeat,
    takeover of dead workers' jobs and the periodic schedule."""

    def __init__(
        self,
        *,
        interval: float = 1.0,
        batch: bool = False,
        max_tasks: int | None = None,
        worker_id: str | None = None,
        periodic: dict[str, float] | None = None,
    ) -> None:
        super().__init__(
            queue_names=["*"],
            interval=interval,
            batch=batch,
            backend_name=DEFAULT_TASK_BACKEND_ALIAS,
            startup_delay=False,
            max_tasks=max_tasks,
            worker_id=worker_id or new_worker_id(),
            excluded_queue_names=[],
        )
        self.periodic = settings.STYR_PERIODIC_JOBS if periodic is None else periodic
        self.last_queued: dict[str, float] = {}
        self.started = timezone.now()

    @property
    def done(self) -> int:
        return self._run_tasks

    def beat(self, now: datetime.datetime) -> None:
        WorkerBeat.objects.update_or_create(
            worker_id=self.worker_id,
            defaults={"beat": now},
            create_defaults={
                "host": socket.gethostname()[:255],
                "pid": os.getpid(),
                "started": self.started,
                "beat": now,
            },
        )

    def housekeeping(self) -> None:
        """Beat, take over dead workers' jobs and queue the periodic work that is due."""
        now, clock = timezone.now(), time.monotonic()
        self.beat(now)
        take_over_abandoned(now)
        for path, every in self.periodic.items():
            if clock - self.last_queued.get(path, -math.inf) >= every:
                self.last_queued[path] = clock
                enqueue_once(import_string(path))

    def claim_next(self) -> DBTaskResult | None | bool:
        """The next ready job, claimed for this worker; None when there is none, False when
        SQLite was busy (try again)."""
        ready = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        try:
            with exclusive_transaction(ready.db):
                job = ready.get_locked()
                if job is not None:
                    job.claim(self.worker_id)
                return job
        except OperationalError as error:
            if is_locked_database_exception(error):
                return False
            raise

    def run(self) -> None:
        """Run jobs until stopped (or, in batch mode, until none is ready)."""
        while self.running:
            if not self.batch:
                # As a request would: drop a connection the database closed meanwhile.
                close_old_connections()
            job = self.claim_next()
            if job:
                self.run_task(job)
            elif job is None and self.batch:
                return
            else:
                time.sleep(self.interval if job is None else 0.05)
            if self.max_tasks is not None and self.done >= self.max_tasks:
                return

    def serve(self) -> None:
        """Run until a signal stops it, with the housekeeping thread beside the loop."""
        self.configure_signals()
        self.housekeeping()
        stop = threading.Event()
        keeper = threading.Thread(target=self._keep, args=(stop,), name="housekeeping")
        keeper.daemon = True
        keeper.start()
        try:
            self.run()
        finally:
            stop.set()
            keeper.join()
            WorkerBeat.objects.filter(pk=self.worker_id).delete()

    def _keep(self, stop: threading.Event) -> None:
        try:
            while not stop.wait(WorkerBeat.BEAT_EVERY.total_seconds()):
                try:
                    self.housekeeping()
                except DatabaseError:  # a busy or lost database: beat again next time
                    log.exception("Housekeeping of worker %s failed", self.worker_id)
        finally:
            connection.close()  # this thread's own connection


def drain(*, periodic: bool = False) -> int:
    """Run every job that is ready now, in this process, and return how many ran: `styr
    worker --once`, and the tests. With `periodic`, the periodic work is queued first."""
    worker = Worker(batch=True, interval=0, periodic=None if periodic else {})
    worker.housekeeping()
    try:
        worker.run()
    finally:
        WorkerBeat.objects.filter(pk=worker.worker_id).delete()
    return worker.done
