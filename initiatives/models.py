"""The initiative register: the municipality's initiatives in three tracks."""

from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import OrgOwned, OrgQuerySet
from core.versioning import Versioned
from organisations.permissions import Perm

from .tracks import (
    ACTIVE_STAGES,
    JOINT_SOURCES,
    TRACKS,
    Ambition,
    ClarifyEngagement,
    ImplementEngagement,
    PilotEngagement,
    Source,
    Stage,
    Track,
)

REFERENCE_PREFIX = "I-"


def reference(number: int) -> str:
    """An initiative's reference as people write and search it: I-001."""
    return f"{REFERENCE_PREFIX}{number:03d}"


def named(number: int, title: str) -> str:
    """An initiative as lists name it: "I-001 Selvbetjening"."""
    return f"{reference(number)} {title}"


class Tag(OrgOwned):
    """A free label the office uses to group initiatives (e.g. "AI", "Borgerservice")."""

    name = models.CharField(_("name"), max_length=60)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unique_tag_per_org")
        ]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self) -> str:
        return self.name


class Link(NamedTuple):
    """What a link to an initiative shows (core's `initiative_links` tag writes it): its
    number and reference, title, and its track's and stage's labels in the active language."""

    number: int
    reference: str
    title: str
    track: str
    stage: str


def _grouped(pairs) -> dict[int, list[str]]:
    """(initiative id, name) pairs as each initiative's names, in the pairs' order."""
    out: dict[int, list[str]] = defaultdict(list)
    for pk, name in pairs:
        out[pk].append(name)
    return out


class InitiativeQuerySet(OrgQuerySet):
    def links(self, by: str) -> dict[object, list[Link]]:
        """The initiatives as Links grouped by the value of `by` (a field or an annotation,
        e.g. the focus area a link row joins), in the queryset's order: plain rows for a
        page listing hundreds of initiatives, without a model instance for each."""
        tracks = {key: str(label) for key, label in Track.choices}
        stages = {key: str(label) for key, label in Stage.choices}
        grouped: dict[object, list[Link]] = defaultdict(list)
        for key, number, title, track, stage in self.values_list(
            by, "number", "title", "track", "stage"
        ):
            grouped[key].append(
                Link(number, reference(number), title, tracks[track], stages[stage])
            )
        return grouped

    def active(self):
        return self.filter(stage__in=ACTIVE_STAGES)

    def joint(self):
        return self.filter(source__in=JOINT_SOURCES)

    def joint_public_share(self) -> float | None:
        """Seed 002's figure: the percentage of the active initiatives that are joint-public
        or joint-municipal work (None without active initiatives)."""
        counts = self.active().aggregate(
            total=models.Count("id"),
            joint=models.Count("id", filter=models.Q(source__in=JOINT_SOURCES)),
        )
        return counts["joint"] / counts["total"] * 100 if counts["total"] else None

    def tag_and_area_names(self) -> tuple[dict[int, list[str]], dict[int, list[str]]]:
        """Per initiative the names of its tags and the titles of the focus areas it serves,
        each in its own order, read flat: what a list shows, without a model instance per
        tag or area, nor the reference cycles prefetch_related leaves for the collector."""
        ids = self.values("id")
        tags = _grouped(
            self.model.tags.through.objects.filter(initiative__in=ids)
            .order_by("tag__name")
            .values_list("initiative_id", "tag__name")
        )
        areas = _grouped(
            self.model.focus_areas.through.objects.filter(initiative__in=ids)
            .order_by("focusarea__order", "focusarea_id")
            .values_list("initiative_id", "focusarea__title")
        )
        return tags, areas


class Initiative(OrgOwned, Versioned):
    """An initiative (initiativ / tiltak): a project or programme that realises the strategy.

    Its track decides how it is governed (see tracks.py): a must-win challenge states the
    results it must reach; a mandatory solution has an ambition level with a planned
    engagement per stage and a deadline; a prerequisite is what others depend on.
    `version` implements optimistic concurrency: a save based on an old version is refused.
    """

    number = models.PositiveIntegerField(_("number"), editable=False)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    track = models.CharField(_("track"), max_length=15, choices=Track.choices)
    source = models.CharField(
        _("source"), max_length=20, choices=Source.choices, default=Source.OWN
    )
    owner_body = models.ForeignKey(
        "governance.Body",
        verbose_name=_("owner body"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_initiatives",
        help_text=_("The body that owns the initiative; it follows it in its meetings."),
    )
    initiative_lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("initiative lead"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_initiatives",
    )
    benefit_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("benefit owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_benefit_initiatives",
    )
    result_goals = models.TextField(
        _("result goals"),
        blank=True,
        help_text=_("The results and benefits the initiative must deliver."),
    )
    ambition = models.CharField(
        _("ambition level"), max_length=6, choices=Ambition.choices, blank=True
    )
    engagement_clarify = models.CharField(
        _("engagement: clarify possibilities"),
        max_length=10,
        choices=ClarifyEngagement.choices,
        blank=True,
    )
    engagement_pilot = models.CharField(
        _("engagement: pilot"), max_length=10, choices=PilotEngagement.choices, blank=True
    )
    engagement_implement = models.CharField(
        _("engagement: implementation"),
        max_length=10,
        choices=ImplementEngagement.choices,
        blank=True,
    )
    stage = models.CharField(_("stage"), max_length=15, choices=Stage.choices, default=Stage.IDEA)
    focus_areas = models.ManyToManyField(
        "strategy.FocusArea",
        verbose_name=_("focus areas"),
        blank=True,
        related_name="initiatives",
    )
    business_goals = models.ManyToManyField(
        "strategy.BusinessGoal",
        verbose_name=_("business goals"),
        blank=True,
        related_name="initiatives",
    )
    depends_on = models.ManyToManyField(
        "self",
        verbose_name=_("depends on"),
        symmetrical=False,
        blank=True,
        related_name="dependents",
    )
    alternatives = models.ManyToManyField(
        "self",
        verbose_name=_("mutually exclusive with"),
        symmetrical=True,
        blank=True,
        help_text=_("Initiatives that cannot both be carried out, e.g. two ways to one goal."),
    )
    planned_start = models.DateField(_("planned start"), null=True, blank=True)
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    tags = models.ManyToManyField(
        Tag, verbose_name=_("tags"), blank=True, related_name="initiatives"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = InitiativeQuerySet.as_manager()

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "number"], name="unique_initiative_number"
            )
        ]
        indexes = [models.Index(fields=["organisation", "track", "stage"])]
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")

    def __str__(self) -> str:
        return named(self.number, self.title)

    @property
    def reference(self) -> str:
        return reference(self.number)

    @property
    def track_info(self):
        return TRACKS[self.track]

    @property
    def is_joint(self) -> bool:
        return self.source in JOINT_SOURCES

    def editable_by(self, membership) -> bool:
        """May the member change the initiative, or what hangs on it (its business cases,
        benefits, status reports, gate requests)? Any initiative with the right to edit all;
        their own (as lead or benefit owner) with the right to edit their own."""
        if membership.can(Perm.EDIT_ANY_INITIATIVE):
            return True
        return membership.can(Perm.EDIT_OWN_INITIATIVE) and membership.user_id in (
            self.initiative_lead_id,
            self.benefit_owner_id,
        )
