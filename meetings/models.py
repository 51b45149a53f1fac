"""Meetings of the bodies: the agenda built from what waits for a body, a decision on each
item, and the minutes."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import OrgOwned, OrgQuerySet
from core.versioning import Versioned
from governance.models import Body, Decision, DecisionKind
from initiatives.tracks import Stage


class MeetingStatus(models.TextChoices):
    DRAFT = "draft", _("Draft agenda")
    PUBLISHED = "published", _("Agenda published")
    HELD = "held", _("Held, minutes written")
    CANCELLED = "cancelled", _("Cancelled")


class MeetingQuerySet(OrgQuerySet):
    def held(self, *, until: datetime.date | None = None) -> MeetingQuerySet:
        """Meetings that were held (minutes written), up to a date, latest first."""
        qs = self.filter(status=MeetingStatus.HELD)
        if until is not None:
            qs = qs.filter(date__lte=until)
        return qs.order_by("-date", "-id")


class Meeting(OrgOwned, Versioned):
    """A meeting of a body: its agenda (AgendaItem), and after it the minutes.

    The secretary builds the agenda from what awaits the body (waiting.py), publishes it to
    the members, records a decision on each item during the meeting and closes the meeting
    with the minutes. A meeting may come from an event in the yearly cycle.
    """

    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="meetings"
    )
    date = models.DateField(_("date"))
    location = models.CharField(_("place"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MeetingStatus.choices, default=MeetingStatus.DRAFT
    )
    minutes = models.TextField(_("minutes"), blank=True)
    cycle_event = models.ForeignKey(
        "cycle.CycleEvent", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["body", "date"], name="meeting_body_date_idx")]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return f"{self.body} {self.date:%d.%m.%Y}"

    @property
    def is_open(self) -> bool:
        """Its agenda can still change and its items be decided."""
        return self.status in (MeetingStatus.DRAFT, MeetingStatus.PUBLISHED)


class ItemKind(models.TextChoices):
    GATE = "gate", _("Stage gate")
    RED_STATUS = "red_status", _("Red status")
    LAGGING = "lagging", _("Lagging benefits")
    PROPOSAL = "proposal", _("New proposal")
    SCENARIO = "scenario", _("Scenario to commit")
    OTHER = "other", _("Other")


# What a decision on each kind of item is, for the mandate check.
ITEM_DECISION = {
    ItemKind.GATE: DecisionKind.PASS_GATE,
    ItemKind.RED_STATUS: DecisionKind.FOLLOW_UP,
    ItemKind.LAGGING: DecisionKind.FOLLOW_UP,
    ItemKind.PROPOSAL: DecisionKind.APPROVE_INITIATIVE,
    ItemKind.SCENARIO: DecisionKind.COMMIT_SCENARIO,
    ItemKind.OTHER: DecisionKind.FOLLOW_UP,
}


class AgendaItem(OrgOwned):
    """One point on a meeting's agenda. It ends in a decision (approve, reject, postpone,
    change, stop) that goes into the log. Without a meeting it is a request that waits for
    the body, e.g. an initiative lead asking for a gate decision."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="agenda_items")
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.CASCADE, related_name="items"
    )
    position = models.PositiveIntegerField(default=0)
    kind = models.CharField(_("kind"), max_length=10, choices=ItemKind.choices)
    title = models.CharField(_("title"), max_length=200)
    notes = models.TextField(_("background"), blank=True)
    initiative = models.ForeignKey(
        "initiatives.Initiative",
        verbose_name=_("initiative"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="agenda_items",
    )
    scenario = models.ForeignKey(
        "portfolio.Scenario", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    to_stage = models.CharField(_("to stage"), max_length=15, choices=Stage.choices, blank=True)
    decision = models.OneToOneField(
        Decision, null=True, blank=True, on_delete=models.SET_NULL, related_name="agenda_item"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self) -> str:
        return self.title

    @property
    def decision_kind(self) -> str:
        return ITEM_DECISION[self.kind]
