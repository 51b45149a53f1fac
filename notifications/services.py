"""Sending notifications: one row per person and message, e-mailed at once or in the daily
digest.

A notification is stored first and sent after the transaction commits, so a rolled-back
decision sends nothing, and a failed send is retried with the next day's cycle (the worker, or
`styr send-reminders`).
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from organisations.models import Membership

from .models import Notification


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
        ids = [n.pk for n in created]
        transaction.on_commit(lambda: send_immediate(ids))
    return len(created)


def _absolute(url: str) -> str:
    return settings.SITE_URL.rstrip("/") + url if url.startswith("/") else url


def _digest_readers(notifications) -> set[tuple[int, int]]:
    """(organisation, user) of those among the notifications' readers who chose the digest."""
    orgs = {n.organisation_id for n in notifications}
    users = {n.user_id for n in notifications}
    return set(
        Membership.objects.filter(
            organisation_id__in=orgs, user_id__in=users, email_digest=True
        ).values_list("organisation_id", "user_id")
    )


def _send_one(n: Notification) -> None:
    text = n.body + (f"\n\n{_absolute(n.url)}" if n.url else "")
    send_mail(n.subject, text, None, [n.user.email])


def send_immediate(ids: list[int]) -> int:
    """Send the given notifications to those who want them one by one."""
    pending = list(
        Notification.objects.filter(pk__in=ids, sent_at__isnull=True).select_related("user")
    )
    digest = _digest_readers(pending)
    sent = [n for n in pending if (n.organisation_id, n.user_id) not in digest]
    for n in sent:
        _send_one(n)
    Notification.objects.filter(pk__in=[n.pk for n in sent]).update(sent_at=timezone.now())
    return len(sent)


def send_pending(now=None, *, organisation=None) -> tuple[int, int]:
    """Send what is still unsent (of one organisation, or of all): one e-mail each to those
    without the digest, and one digest per person and organisation to the others. Returns
    (single, digests)."""
    now = now or timezone.now()
    pending = Notification.objects.filter(sent_at__isnull=True).select_related(
        "user", "organisation"
    )
    if organisation is not None:
        pending = pending.filter(organisation=organisation)
    groups: dict[tuple[int, int], list[Notification]] = {}
    for n in pending.order_by("created"):
        groups.setdefault((n.organisation_id, n.user_id), []).append(n)
    digest = _digest_readers([n for items in groups.values() for n in items])
    single = digests = 0
    for key, items in groups.items():
        if key in digest:
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
            digests += 1
        else:
            for n in items:
                _send_one(n)
                single += 1
        Notification.objects.filter(pk__in=[n.pk for n in items]).update(sent_at=now)
    return single, digests
