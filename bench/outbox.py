"""The e-mail outbox under load (issue 20): 10,000 notifications written as the requests
that cause them write them, then sent by the worker's outbox job, each once.

    .venv/bin/python bench/outbox.py [--messages N]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/styr_outbox .venv/bin/python bench/outbox.py

Uses a scratch database (var/bench-outbox.sqlite3, or DATABASE_URL, created if missing and
emptied first) and Django's in-memory mail backend, so it measures Styr's side: writing a
message in the request's transaction, and the sender's claim, send and bookkeeping per
message.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.scratch import ensure_database, start_django  # noqa: E402

start_django("bench-outbox.sqlite3")

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core import mail  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django_tasks_db.models import DBTaskResult  # noqa: E402

from jobs.queue import drain, enqueue_once  # noqa: E402
from notifications.models import Notification  # noqa: E402
from notifications.services import deliver_outbox, notify  # noqa: E402
from organisations.models import Membership, Organisation  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=10_000)
    args = parser.parse_args()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    ensure_database()
    call_command("migrate", verbosity=0)
    Notification.objects.all().delete()
    DBTaskResult.objects.all().delete()
    org, _ = Organisation.objects.get_or_create(
        slug="bench-outbox",
        defaults={"name": "Outbox", "code": "0002", "country": "DK", "currency": "DKK"},
    )
    people = []
    for n in range(100):
        user, _ = get_user_model().objects.get_or_create(email=f"reader{n}@outbox.example")
        Membership.objects.get_or_create(user=user, organisation=org, defaults={"role": "reader"})
        people.append(user)

    # What requests do: each saves something and writes its messages in the same transaction.
    started = time.perf_counter()
    per_request = len(people)
    for batch in range(args.messages // per_request):
        with transaction.atomic():
            notify(
                organisation=org,
                users=people,
                subject=f"Dagsorden {batch}",
                body="Dagsordenen er udsendt.",
                url="/bench-outbox/meetings/1/",
                key=f"agenda-{batch}",
            )
    written = time.perf_counter() - started
    queued = Notification.objects.filter(sent_at__isnull=True).count()
    assert mail.outbox == [], "nothing is sent inside a request"

    started = time.perf_counter()
    # What the worker does: the outbox job (queued by the requests, and again each half
    # minute while mail is left; here at once) sends up to 500 messages a run.
    sent = 0
    while Notification.objects.filter(sent_at__isnull=True).exists():
        enqueue_once(deliver_outbox)
        drain()
        sent = Notification.objects.filter(sent_at__isnull=False).count()
    sending = time.perf_counter() - started
    recipients = [m.to[0] + m.subject for m in mail.outbox]
    assert len(recipients) == len(set(recipients)) == queued == sent, "each message once"

    print(
        f"{connection.vendor}: {queued} messages written by {queued // per_request} requests "
        f"in {written:.1f} s ({written / (queued // per_request) * 1000:.1f} ms a request of "
        f"{per_request} messages); sent in {sending:.1f} s ({sent / sending:.0f} a second), "
        f"each once"
    )


if __name__ == "__main__":
    main()
