"""Notifications: one row per person and message, e-mailed at once or in the daily digest."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from core.models import OrgOwned, OrgQuerySet


class NotificationQuerySet(OrgQuerySet):
    def due_for_sending(self, now):
        """The outbox: unsent, not given up, not held by a sender, and due (never tried, or
        its back-off has passed)."""
        return self.filter(
            models.Q(next_attempt__isnull=True) | models.Q(next_attempt__lte=now),
            models.Q(sending_until__isnull=True) | models.Q(sending_until__lt=now),
            sent_at__isnull=True,
            failed=False,
        )


class Notification(OrgOwned):
    """A message to one person, and the outbox it waits in: written in the same transaction
    as what caused it, e-mailed by the worker (retried with back-off while the mail server
    fails, given up and shown to the administrator after MAX_ATTEMPTS), or with the next
    daily digest when the person chose a digest. `key` makes a reminder idempotent: the
    same reminder is made once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    subject = models.CharField(max_length=200)
    body = models.TextField()
    url = models.CharField(max_length=300, blank=True)
    key = models.CharField(max_length=120)
    created = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt = models.DateTimeField(null=True, blank=True)
    # A sender holds the message until then (a lease): two workers never send it at once,
    # and one that died while sending lets go of it.
    sending_until = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    failed = models.BooleanField(default=False)

    MAX_ATTEMPTS = 8

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        indexes = [models.Index(fields=["sent_at", "failed"], name="notification_outbox")]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user", "key"], name="unique_notification"
            )
        ]
