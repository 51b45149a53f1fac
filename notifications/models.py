"""Notifications: one row per person and message, e-mailed at once or in the daily digest."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from core.models import OrgOwned


class Notification(OrgOwned):
    """A message to one person: sent at once, or with the next daily digest when the person
    chose a digest. `key` makes a reminder idempotent: the same reminder is made once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    subject = models.CharField(max_length=200)
    body = models.TextField()
    url = models.CharField(max_length=300, blank=True)
    key = models.CharField(max_length=120)
    created = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user", "key"], name="unique_notification"
            )
        ]
