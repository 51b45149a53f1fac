"""The yearly cycle (årshjul / årshjul): recurring events that create their work."""

from __future__ import annotations

import datetime

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import OrgOwned

from . import wheel


class EventKind(models.TextChoices):
    STRATEGY_REVISION = "strategy", _("Strategy revision")
    BUDGET = "budget", _("Budget process")
    QUARTERLY_STATUS = "status", _("Status reports due")
    BENEFIT_FOLLOW_UP = "benefits", _("Benefit follow-up")
    MEETING = "meeting", _("Meeting of a body")
    OTHER = "other", _("Other")


class Repeat(models.IntegerChoices):
    YEARLY = 12, _("Every year")
    HALF_YEARLY = 6, _("Every half year")
    QUARTERLY = 3, _("Every quarter")
    MONTHLY = 1, _("Every month")


class CycleEvent(OrgOwned):
    """A recurring event of the yearly cycle: a budget milestone, the strategy revision,
    the quarterly status, the benefit follow-up, a body's meetings.

    It recurs from its month and day every 1, 3, 6 or 12 months. When an occurrence comes
    near, it creates its work (services.run_cycle): a meeting with a prepared agenda, the
    status reports due from every active initiative, reminders of due measurements.
    """

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=EventKind.choices)
    body = models.ForeignKey(
        "governance.Body",
        verbose_name=_("body"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="cycle_events",
        help_text=_("The body that meets, for a meeting."),
    )
    month = models.PositiveSmallIntegerField(
        _("month"), validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    day = models.PositiveSmallIntegerField(
        _("day"),
        validators=[MinValueValidator(1), MaxValueValidator(31)],
        help_text=_("A day past the month's end means its last day."),
    )
    repeat = models.PositiveSmallIntegerField(
        _("repeats"), choices=Repeat.choices, default=Repeat.YEARLY
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["month", "day", "id"]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self) -> str:
        return self.title

    def occurrences(self, start: datetime.date, end: datetime.date) -> list[datetime.date]:
        return wheel.occurrences(self.month, self.day, self.repeat, start, end)


class DailyRun(OrgOwned):
    """One organisation's daily cycle on one day: the row is the claim. Whoever inserts it
    (a worker, `styr send-reminders`, on any machine) does that day's work; the others see
    it and skip, so the day's meetings, dues and reminders are made once. A claim left
    unfinished by a process that died is taken over after `STALE_AFTER`."""

    day = models.DateField()
    started = models.DateTimeField()
    finished = models.DateTimeField(null=True, blank=True)

    STALE_AFTER = datetime.timedelta(minutes=30)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "day"], name="unique_daily_run")
        ]
