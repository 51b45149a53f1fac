"""`styr worker`: the background work of a Styr server, from the one queue (jobs.queue):
solves and frontiers as they are asked for, the e-mail outbox, and — queued by the worker
itself every minute (settings.STYR_PERIODIC_JOBS) — each organisation's daily cycle, so no
scheduler is needed. Several workers, on one machine or several, share the queue safely;
one that dies has its job taken up by another within a minute."""

from __future__ import annotations

import logging

from django.core.management.base import BaseCommand

from jobs.queue import Worker, drain

log = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Run the background queue: solves, e-mail, the daily cycle. `--once` queues the "
        "periodic work, runs every job that is ready and stops."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true")
        parser.add_argument("--poll", type=float, default=1.0)

    def handle(self, *args, once=False, poll=1.0, **options):
        if once:
            done = drain(periodic=True)
            self.stdout.write(f"{done} job(s) done")
            return
        worker = Worker(interval=poll)
        log.info("Styr worker %s started", worker.worker_id)
        worker.serve()
