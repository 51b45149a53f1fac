"""`styr send-reminders`: for a scheduler (cron, systemd timer) to run once a day."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.utils import translation

from cycle.services import run_cycle
from notifications.services import send_pending
from organisations.models import Organisation


class Command(BaseCommand):
    help = (
        "Run every organisation's yearly cycle (meetings, due status reports, reminders) "
        "and send the pending e-mails, with the daily digest."
    )

    def handle(self, *args, **options):
        for org in Organisation.objects.order_by("slug"):
            with translation.override(org.language):  # Norwegian municipalities read Bokmål
                result = run_cycle(org)
            self.stdout.write(
                f"{org.slug}: {result.meetings} meetings, {result.dues} status reports due, "
                f"{result.notifications} notifications"
            )
        single, digests = send_pending()
        self.stdout.write(f"sent: {single} e-mails, {digests} digests")
