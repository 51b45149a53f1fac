"""Notifications through an outbox: one row per person and message, e-mailed by the
worker, or in the daily digest.

A notification is written in the same transaction as what caused it and never sent inside
a request: a rolled-back decision leaves nothing, and a mail server that is down delays the
message without troubling the person who saved. The worker (the `deliver_outbox` job,
queued with new mail and every half minute) sends each message once: it holds a message
with a lease while sending, retries a failure with back-off and gives up after
Notification.MAX_ATTEMPTS, leaving the message marked failed for the administrator. Those
who chose the digest get the day's messages in one e-mail from the daily cycle
(`send_digests`).
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import asdict, dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from jobs.queue import enqueue_once
from organisations.models import Membership

from .models import Notification

log = logging.getLogger(__name__)


def notify(*, organisation, users, subject: str, body: str, url: str = "", key: str) -> int:
    """Store a notification for each user (once per key) and send it unless they chose the
    digest. Returns how many were new."""
    created = []
    for user in {u.pk: u for u in users if u is not None}.values():
        try:
            with transaction.atomic():
                created.append(
                    Notification.objects.create(
                        organisation=organisation,
                        user=user,
                        subject=subject[:200],
                        body=body,
                        url=url,
                        key=key[:120],
                    )
                )
        except IntegrityError:  # the same reminder was made before
            continue
    if created:
        # Queued with the notifications, in the caller's transaction: sent within seconds
        # by a worker, and not at all if what caused them is rolled back.
        enqueue_once(deliver_outbox)
    return len(created)


def _absolute(url: str) -> str:
    return settings.SITE_URL.rstrip("/") + url if url.startswith("/") else url


def _chose_digest() -> Exists:
    """Whether a notification's reader chose the daily digest in its organisation."""
    return Exists(
        Membership.objects.filter(
            organisation=OuterRef("organisation"), user=OuterRef("user"), email_digest=True
        )
    )


def _send_one(n: Notification) -> None:
    text = n.body + (f"\n\n{_absolute(n.url)}" if n.url else "")
    send_mail(n.subject, text, None, [n.user.email])


LEASE = datetime.timedelta(minutes=5)  # longer than any one send takes


def backoff(attempts: int) -> datetime.timedelta:
    """The wait after the `attempts`-th failed try: 1, 2, 4 … minutes, at most an hour."""
    return datetime.timedelta(minutes=min(60, 2 ** max(0, attempts - 1)))


@dataclass
class OutboxResult:
    sent: int = 0
    retried: int = 0
    failed: int = 0


def send_outbox(now=None, *, limit: int = 500) -> OutboxResult:
    """Send the outbox's due messages to those without the digest, each once."""
    now = now or timezone.now()
    result = OutboxResult()
    due = list(
        Notification.objects.due_for_sending(now)
        .exclude(_chose_digest())
        .select_related("user")
        .order_by("created", "pk")[:limit]
    )
    for n in due:
        # The lease: of two workers, one takes the message; the other moves on.
        held = Notification.objects.due_for_sending(now).filter(pk=n.pk)
        if not held.update(sending_until=now + LEASE):
            continue
        try:
            _send_one(n)
        except Exception as error:  # noqa: BLE001 - any failure of the mail server is retried
            attempts = n.attempts + 1
            gave_up = attempts >= Notification.MAX_ATTEMPTS
            Notification.objects.filter(pk=n.pk).update(
                attempts=attempts,
                last_error=repr(error)[:2000],
                next_attempt=now + backoff(attempts),
                sending_until=None,
                failed=gave_up,
            )
            if gave_up:
                log.error("Giving up on notification %s after %s tries: %r", n.pk, attempts, error)
                result.failed += 1
            else:
                result.retried += 1
        else:
            Notification.objects.filter(pk=n.pk).update(
                sent_at=timezone.now(), sending_until=None, attempts=n.attempts + 1
            )
            result.sent += 1
    return result


@task()
def deliver_outbox() -> dict:
    """The worker's job for the outbox: queued with new mail and every half minute (for
    the retries); running it twice at once sends nothing twice (the lease)."""
    return asdict(send_outbox())


def send_digests(now=None, *, organisation=None) -> int:
    """One e-mail per person (of one organisation, or of all) who chose the digest, with
    everything unsent for them. The daily cycle calls it once per organisation and day.
    Returns how many digests were sent."""
    now = now or timezone.now()
    pending = Notification.objects.filter(
        _chose_digest(), sent_at__isnull=True, failed=False
    ).select_related("user", "organisation")
    if organisation is not None:
        pending = pending.filter(organisation=organisation)
    groups: dict[tuple[int, int], list[Notification]] = {}
    for n in pending.order_by("created"):
        groups.setdefault((n.organisation_id, n.user_id), []).append(n)
    digests = 0
    for items in groups.values():
        org = items[0].organisation
        lines = []
        for n in items:
            lines.append(f"• {n.subject}\n{n.body}")
            if n.url:
                lines.append(_absolute(n.url))
            lines.append("")
        with translation.override(org.language):
            subject = _("Styr, %(org)s: %(n)d new") % {"org": org.name, "n": len(items)}
        send_mail(subject, "\n".join(lines), None, [items[0].user.email])
        Notification.objects.filter(pk__in=[n.pk for n in items]).update(sent_at=now)
        digests += 1
    return digests
