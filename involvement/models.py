"""Ideas and hassles from every employee, their votes and comments, campaigns that ask for
them, and the change agents who triage them."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.models import OrgOwned, OrgQuerySet
from core.versioning import Versioned

from . import figures


class Kind(models.TextChoices):
    IDEA = "idea", _("Idea")
    HASSLE = "hassle", _("Hassle")


class Status(models.TextChoices):
    NEW = "new", _("New")
    REVIEW = "review", _("Under review")
    ANSWERED = "answered", _("Answered")


class Resolution(models.TextChoices):
    FIXED = "fixed", pgettext_lazy("resolution", "Fixed")
    MERGED = "merged", _("Merged into another")
    INITIATIVE = "initiative", _("Turned into an initiative")
    BODY = "body", _("Taken to a body")
    DECLINED = "declined", _("Declined")


class Per(models.TextChoices):
    DAY = "day", _("a day")
    WEEK = "week", _("a week")
    MONTH = "month", _("a month")
    YEAR = "year", _("a year")


class Campaign(OrgOwned):
    """The office asks the organisation a question for a period ("What steals your
    time?"), of all departments or some; what comes in is listed on its page."""

    title = models.CharField(_("question"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    opens_on = models.DateField(_("opens"))
    closes_on = models.DateField(_("closes"))
    departments = models.ManyToManyField(
        "organisations.Department",
        verbose_name=_("departments"),
        blank=True,
        related_name="+",
        help_text=_("Leave empty to ask every department."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-opens_on", "-pk"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def __str__(self) -> str:
        return self.title

    def is_open(self, day: datetime.date | None = None) -> bool:
        day = day or datetime.date.today()
        return self.opens_on <= day <= self.closes_on


class ItemQuerySet(OrgQuerySet):
    def open(self):
        return self.exclude(status=Status.ANSWERED)


class Item(OrgOwned, Versioned):
    """An idea (what, why, who benefits) or a hassle (which system or process, what goes
    wrong, minutes lost each time, how often, how many people) from a member. An anonymous
    item keeps its submitter only to notify them: no page, answer, export or e-mail to
    anyone else shows who it was."""

    number = models.PositiveIntegerField(_("number"), editable=False)
    kind = models.CharField(_("kind"), max_length=6, choices=Kind.choices)
    title = models.CharField(_("what"), max_length=200)
    description = models.TextField(
        _("why, or what goes wrong"), max_length=5000, help_text=_("At most 5,000 characters.")
    )
    benefits_whom = models.CharField(_("who benefits"), max_length=200, blank=True)
    system = models.CharField(_("system or process"), max_length=120, blank=True)
    minutes = models.PositiveIntegerField(
        _("minutes lost each time"), default=0, validators=[MaxValueValidator(24 * 60)]
    )
    times = models.PositiveIntegerField(
        _("how often"), default=0, validators=[MaxValueValidator(1000)]
    )
    per = models.CharField(_("per"), max_length=5, choices=Per.choices, default=Per.WEEK)
    people = models.PositiveIntegerField(
        _("how many people"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(100000)],
    )
    department = models.ForeignKey(
        "organisations.Department",
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="items",
    )
    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    anonymous = models.BooleanField(
        _("submit anonymously"),
        default=False,
        help_text=_("No one else can see who submitted it; you are still told the answer."),
    )
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.NEW)
    resolution = models.CharField(
        _("resolution"), max_length=10, choices=Resolution.choices, blank=True
    )
    answer = models.TextField(_("answer"), blank=True)
    answered_on = models.DateField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    due_on = models.DateField(_("answer due"))
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged"
    )
    initiative = models.ForeignKey(
        "initiatives.Initiative",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="involvement_items",
    )
    agenda_item = models.ForeignKey(
        "meetings.AgendaItem", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    votes = models.PositiveIntegerField(default=0, editable=False)  # kept by services.vote
    hours = models.FloatField(default=0, editable=False)  # hours lost a year (figures)
    created = models.DateTimeField(auto_now_add=True)

    objects = ItemQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "number"], name="unique_item_number")
        ]
        indexes = [
            models.Index(fields=["organisation", "status", "-votes"]),
            # The board's default order (most votes first): 6 → 0.2 ms for 10,000 items.
            models.Index(fields=["organisation", "-votes", "-id"], name="item_board_votes"),
            models.Index(fields=["organisation", "kind", "-created"]),
            # The overview's sums over a year of items, read from the index alone on
            # PostgreSQL (its heap is not visited): the hassles fixed and the hours lost
            # by department and system 4–5 → 1 ms, the share answered on time 4.4 → 2.8 ms,
            # for 10,000 items (docs/benchmarks.md). SQLite makes them plain indexes.
            models.Index(
                fields=["organisation", "kind", "resolution"],
                include=["id", "status", "hours", "department", "system"],
                name="item_hassle_sums",
            ),
            models.Index(
                fields=["organisation", "due_on"],
                include=["id", "department", "answered_on", "resolution"],
                name="item_on_time",
            ),
        ]
        verbose_name = _("idea or hassle")
        verbose_name_plural = _("ideas and hassles")

    def __str__(self) -> str:
        return f"#{self.number} {self.title}"

    def save(self, *args, **kwargs):
        self.hours = (
            figures.hours_per_year(self.minutes, self.times, self.per, self.people)
            if self.kind == Kind.HASSLE
            else 0
        )
        super().save(*args, **kwargs)

    def shown_submitter(self, viewer) -> str | None:
        """Who submitted it, as `viewer` may see it: never for an anonymous item, except to
        the submitter."""
        if self.submitter_id is None:
            return None
        if self.anonymous and getattr(viewer, "pk", None) != self.submitter_id:
            return None
        return str(self.submitter)

    @property
    def overdue(self) -> bool:
        return self.status != Status.ANSWERED and self.due_on < datetime.date.today()


class Vote(OrgOwned):
    """One member's vote for an item: one per person, withdrawn by deleting it."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="vote_set")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item", "user"], name="one_vote_per_person")]


class Comment(OrgOwned):
    """A member's comment on an item."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("comment"), max_length=3000)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")


class Screenshot(OrgOwned):
    """An image attached to an item, stored through Django's storage API."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="screenshots")
    image = models.FileField(upload_to="screenshots/%Y/%m/")
    content_type = models.CharField(max_length=20)


class ChangeAgent(OrgOwned):
    """A member marked as change agent (ildsjæl, forandringsagent) for a department: they
    triage its ideas and hassles."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    department = models.ForeignKey(
        "organisations.Department", on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "department"], name="unique_change_agent")
        ]
        verbose_name = _("change agent")
        verbose_name_plural = _("change agents")
