"""Learning between municipalities: the one deliberate door between organisations.

An organisation publishes an initiative to the shared catalogue as a reviewed snapshot
(`Entry`); every organisation's members find it and adopt it as an idea of their own
(`Adoption`). Nothing unpublished ever leaves an organisation: an entry holds only what its
publisher reviewed and chose, later edits do not leak, and a withdrawn entry is gone for
everyone. The joint mandatory solutions (`JointSolution`) are kept by a platform
administrator and shared by every organisation on the server.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from initiatives.tracks import JOINT_SOURCES, Ambition, Source, Track


class Size(models.TextChoices):
    """Municipality sizes by inhabitants, to find the like-sized."""

    SMALL = "small", _("Under 20,000 inhabitants")
    MEDIUM = "medium", _("20,000–50,000 inhabitants")
    LARGE = "large", _("50,000–100,000 inhabitants")
    LARGEST = "largest", _("Over 100,000 inhabitants")

    @classmethod
    def of(cls, inhabitants: int | None) -> str:
        if not inhabitants:
            return ""
        if inhabitants < 20_000:
            return cls.SMALL
        if inhabitants < 50_000:
            return cls.MEDIUM
        if inhabitants < 100_000:
            return cls.LARGE
        return cls.LARGEST


class EntryQuerySet(models.QuerySet):
    def published(self) -> EntryQuerySet:
        """What every organisation may see: published and not withdrawn."""
        return self.filter(withdrawn_at__isnull=True)

    def search(self, *, text="", track="", source="", tag="", joint=None, size=""):
        qs = self
        if text:
            # One lower-cased column (Entry.search_text) and a plain LIKE per word: faster
            # than a case-insensitive match on four columns, on both databases.
            for word in text.lower().split()[:8]:
                qs = qs.filter(search_text__contains=word)
        if track:
            qs = qs.filter(track=track)
        if source:
            qs = qs.filter(source=source)
        if tag:
            qs = qs.filter(tags__icontains=f'"{tag}"')
        if joint is True:
            qs = qs.filter(source__in=JOINT_SOURCES)
        elif joint is False:
            qs = qs.exclude(source__in=JOINT_SOURCES)
        if size:
            qs = qs.filter(size=size)
        return qs


class Entry(models.Model):
    """An initiative as its organisation chose to share it: a snapshot reviewed before
    publishing (description, track, source, ambition, tags, the frozen figures of its
    approved business case, its benefits' plan against what was realised, lessons, and a
    contact only if chosen). Later edits of the initiative do not leak: the publisher
    updates the entry explicitly, or withdraws it (then it is gone for everyone).

    Not tenant-owned in the usual sense: every organisation reads published entries; only
    the publisher (`organisation`) changes them. An entry imported from another Styr server
    names its publisher in `publisher_name` and its `origin`."""

    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    initiative = models.ForeignKey(
        "initiatives.Initiative",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="catalogue_entries",
    )
    publisher_name = models.CharField(_("municipality"), max_length=120)
    size = models.CharField(_("size"), max_length=8, choices=Size.choices, blank=True)
    origin = models.CharField(
        _("origin"),
        max_length=200,
        blank=True,
        help_text=_("The Styr server an imported entry came from; empty for this one."),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    track = models.CharField(_("track"), max_length=15, choices=Track.choices)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    ambition = models.CharField(_("ambition"), max_length=10, choices=Ambition.choices, blank=True)
    tags = models.JSONField(_("tags"), default=list, blank=True)
    case = models.JSONField(null=True, blank=True, editable=False)  # the approved case, frozen
    benefits = models.JSONField(default=list, blank=True, editable=False)
    lessons = models.TextField(_("lessons learned"), blank=True)
    contact = models.CharField(
        _("contact"),
        max_length=200,
        blank=True,
        help_text=_("Only if you want others to contact you: a name and an e-mail address."),
    )
    adoptions = models.PositiveIntegerField(default=0, editable=False)
    search_text = models.TextField(default="", editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField()
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["withdrawn_at", "-published_at"])]
        verbose_name = _("catalogue entry")
        verbose_name_plural = _("catalogue entries")

    def __str__(self) -> str:
        return f"{self.title} ({self.publisher_name})"

    def save(self, *args, **kwargs):
        self.search_text = self.text_for_search()
        super().save(*args, **kwargs)

    def text_for_search(self) -> str:
        """What the catalogue's search reads, lower-cased in one column."""
        parts = [self.title, self.description, self.lessons, self.publisher_name, *self.tags]
        return " ".join(str(p) for p in parts).lower()

    @property
    def is_joint(self) -> bool:
        return self.source in JOINT_SOURCES

    @property
    def currency(self) -> str:
        """The currency of the frozen case's amounts (the publisher's)."""
        return str((self.case or {}).get("currency") or "DKK")[:3]


class Adoption(models.Model):
    """An organisation took an entry as an idea of its own (the publisher sees how many,
    not who)."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="adopted_by")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    initiative = models.ForeignKey(
        "initiatives.Initiative",
        null=True,
        on_delete=models.SET_NULL,
        related_name="catalogue_adoptions",
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "organisation"], name="one_adoption_per_org")
        ]

    def __str__(self) -> str:
        return f"{self.entry_id} → {self.organisation_id}"


class JointSolution(models.Model):
    """A joint-public or joint-municipal mandatory solution (seed 002), kept by a platform
    administrator and shared by every organisation on the server."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    owner = models.CharField(
        _("owner"), max_length=120, help_text=_("E.g. KOMBIT or the Agency for Digital Government.")
    )
    source = models.CharField(
        _("source"), max_length=20, choices=Source.choices, default=Source.JOINT_PUBLIC
    )
    deadline = models.DateField(_("deadline"))
    description = models.TextField(_("description"), blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["deadline", "name"]
        verbose_name = _("joint solution")
        verbose_name_plural = _("joint solutions")

    def __str__(self) -> str:
        return self.name


class JointSolutionUse(models.Model):
    """An organisation took a joint solution into its portfolio as its own initiative."""

    solution = models.ForeignKey(JointSolution, on_delete=models.CASCADE, related_name="uses")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    initiative = models.OneToOneField(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="joint_solution_use"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["solution", "organisation"], name="one_use_per_org_and_solution"
            )
        ]

    def __str__(self) -> str:
        return f"{self.solution_id} → {self.organisation_id}"


class RoutinesHold(models.TextChoices):
    YES = "yes", _("Yes")
    PARTLY = "partly", _("Partly")
    NO = "no", _("No")


class AfterReview(models.Model):
    """The after-review (seed 001, *after*): when an initiative has been in operation for
    a while, its lead looks back — the business case's goals against what was measured
    (the benefits' plan and result, frozen when the review is completed), employee
    wellbeing and user satisfaction, whether the new routines hold, what to spread, and
    the lessons. A completed review is the stage gate's artefact for closing the
    initiative (governance.gates reaches it through `initiative.after_reviews`)."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="after_reviews"
    )
    asked_on = models.DateField(_("asked on"))
    due_on = models.DateField(_("due on"))
    goals = models.JSONField(default=list, blank=True, editable=False)
    wellbeing = models.PositiveSmallIntegerField(
        _("employee wellbeing (1–5)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("From a short survey of the employees, or a readiness round's score."),
    )
    satisfaction = models.PositiveSmallIntegerField(
        _("user satisfaction (1–5)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    routines = models.CharField(
        _("do the new routines hold?"), max_length=6, choices=RoutinesHold.choices, blank=True
    )
    routines_note = models.TextField(_("about the routines"), blank=True)
    spread = models.TextField(_("what to spread"), blank=True)
    lessons = models.TextField(_("lessons learned"), blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-asked_on", "-pk"]
        verbose_name = _("after-review")
        verbose_name_plural = _("after-reviews")

    def __str__(self) -> str:
        return f"{self.initiative} ({self.asked_on})"

    @property
    def is_completed(self) -> bool:
        return self.completed_at is not None
