"""`styr send-reminders`: the daily cycle from a scheduler (cron, a systemd timer), for
those who prefer one to the worker's own schedule. Either way each organisation's day is
done once (cycle.services.run_due_cycles)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from cycle.services import run_due_cycles
from notifications.services import send_outbox


class Command(BaseCommand):
    help = (
        "Run the yearly cycle (meetings, due status reports, reminders) and the digests of "
        "every organisation that has not had today's yet, and send the e-mail outbox."
    )

    def handle(self, *args, **options):
        results = run_due_cycles()
        for r in results:
            self.stdout.write(
                f"{r.organisation.slug}: {r.cycle.meetings} meetings, {r.cycle.dues} status "
                f"reports due, {r.cycle.notifications} notifications, {r.digests} digests"
            )
        if not results:
            self.stdout.write("Every organisation has had today's cycle.")
        # Without a worker, the outbox is sent from here (retried at the next run).
        sent = send_outbox()
        self.stdout.write(
            f"e-mails: {sent.sent} sent, {sent.retried} to retry, {sent.failed} given up"
        )
