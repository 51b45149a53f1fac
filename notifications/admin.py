from django.contrib import admin

from .models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """The outbox for the administrator: what waits, what was retried, what was given up
    (`failed`, with the mail server's last answer)."""

    list_display = ["subject", "user", "organisation", "created", "sent_at", "attempts", "failed"]
    list_filter = ["failed", ("sent_at", admin.EmptyFieldListFilter), "organisation"]
    search_fields = ["subject", "user__email"]
    readonly_fields = ["last_error", "attempts", "next_attempt", "sending_until"]
