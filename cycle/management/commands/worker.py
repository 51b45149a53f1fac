"""`styr worker`: the background work of a Styr server. Queued solves and frontiers run as
they come (portfolio.worker), the e-mail outbox is sent (notifications.services); once a
minute the daily cycle of every organisation that has
not had today's runs (cycle.services.run_due_cycles), so no scheduler is needed. Several
workers, on one machine or several, share both safely."""

from __future__ import annotations

import logging
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from cycle.services import run_due_cycles
from notifications.services import send_outbox
from portfolio.worker import run_pending

log = logging.getLogger(__name__)
CYCLE_EVERY = 60.0  # seconds between looks at the daily cycle


def tick(last_cycle: float, now: float) -> float:
    """One turn of the loop: the queued runs, the e-mail outbox, and the daily cycle when a
    minute has passed since the last look. Returns when the cycle was last looked at."""
    run_pending()
    send_outbox()
    if now - last_cycle >= CYCLE_EVERY:
        for r in run_due_cycles():
            log.info("Daily cycle of %s done", r.organisation.slug)
        return now
    return last_cycle


class Command(BaseCommand):
    help = (
        "Run queued optimisations and each organisation's daily cycle; `--once` empties the "
        "queue, runs the due daily cycles and stops."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true")
        parser.add_argument("--poll", type=float, default=1.0)

    def handle(self, *args, once=False, poll=1.0, **options):
        if once:
            done = run_pending()
            cycles = run_due_cycles()
            sent = send_outbox()
            self.stdout.write(
                f"{done} run(s) done, {len(cycles)} daily cycle(s) run, {sent.sent} e-mail(s) sent"
            )
            return
        log.info("Styr worker started")
        last = float("-inf")
        while True:  # pragma: no cover - the loop around tick
            close_old_connections()
            last = tick(last, time.monotonic())
            time.sleep(poll)
