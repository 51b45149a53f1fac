"""Governance: the bodies that decide, their mandates, and the decisions they take."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import DecimalField, OrgOwned, OrgQuerySet
from initiatives.tracks import Stage, Track


class BodyKind(models.TextChoices):
    COUNCIL = "council", _("Municipal council")
    EXECUTIVE_BOARD = "executive_board", _("Executive board")
    STEERING_GROUP = "steering_group", _("Steering group")
    PROJECT_COUNCIL = "project_council", _("Project council")
    DIGITALISATION_COUNCIL = "digitalisation_council", _("Digitalisation council")
    ARCHITECTURE_COUNCIL = "architecture_council", _("Architecture council")
    DIGITALISATION_OFFICE = "digitalisation_office", _("Digitalisation office")


class Body(OrgOwned):
    """A body that takes decisions (kommunalbestyrelse, direktion, projektråd …).

    What it may decide is its mandates; who sits in it are its members.
    """

    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=25, choices=BodyKind.choices)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("body")
        verbose_name_plural = _("bodies")

    def __str__(self) -> str:
        return self.name

    def tracks_by_kind(self) -> dict[str, set[str]]:
        """The tracks in which the body holds each kind of mandate (all tracks for a
        mandate that covers all), in one query; an empty set for a kind it does not hold."""
        found: dict[str, set[str]] = defaultdict(set)
        for kind, track in self.mandates.values_list("kind", "track"):
            found[kind].update(Track.values if track == "" else (track,))
        return found

    def tracks_with(self, *kinds: str) -> set[str]:
        """The tracks in which the body holds one of the mandates (all, if one covers all)."""
        held = self.tracks_by_kind()
        return set().union(*(held[kind] for kind in kinds))

    def followed(self, initiatives: models.QuerySet) -> models.QuerySet:
        """The initiatives the body follows: what it owns and the tracks it holds mandates
        over. A body with neither (one that only advises) follows everything."""
        governed = self.tracks_with(*DecisionKind.values)
        if governed or self.owned_initiatives.exists():
            return initiatives.filter(models.Q(track__in=governed) | models.Q(owner_body=self))
        return initiatives


class MemberRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    MEMBER = "member", _("Member")
    SECRETARY = "secretary", _("Secretary")


class BodyMember(OrgOwned):
    """A person's seat in a body."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    role = models.CharField(
        _("role"), max_length=10, choices=MemberRole.choices, default=MemberRole.MEMBER
    )

    class Meta:
        ordering = ["role", "user__name"]
        constraints = [models.UniqueConstraint(fields=["body", "user"], name="unique_body_member")]


class DecisionKind(models.TextChoices):
    RECOMMEND_STRATEGY = "recommend_strategy", _("Recommend the strategy for approval")
    APPROVE_STRATEGY = "approve_strategy", _("Approve the strategy")
    APPROVE_INITIATIVE = "approve_initiative", _("Approve an initiative")
    APPROVE_BUSINESS_CASE = "approve_business_case", _("Approve a business case")
    SET_AMBITION = "set_ambition", _("Set the ambition of a mandatory solution")
    PASS_GATE = "pass_gate", _("Pass a stage gate")
    STOP_INITIATIVE = "stop_initiative", _("Stop an initiative")
    COMMIT_SCENARIO = "commit_scenario", _("Commit a portfolio scenario")
    FOLLOW_UP = "follow_up", _("Follow up on status or benefits")


class MandateQuerySet(OrgQuerySet):
    def covering(self, kind: str, track: str = "", amount: Decimal | None = None):
        """The mandates that allow this decision: same kind, the track or any track, and an
        amount within the limit (no limit, or no amount given, always fits)."""
        qs = self.filter(kind=kind).filter(models.Q(track="") | models.Q(track=track or ""))
        if amount is not None:
            qs = qs.filter(models.Q(max_amount__isnull=True) | models.Q(max_amount__gte=amount))
        return qs


class Mandate(OrgOwned):
    """What a body may decide: a kind of decision, for one track or all, up to an amount."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="mandates")
    kind = models.CharField(_("decision"), max_length=25, choices=DecisionKind.choices)
    track = models.CharField(
        _("track"),
        max_length=15,
        choices=Track.choices,
        blank=True,
        help_text=_("Empty means every track."),
    )
    max_amount = DecimalField(
        _("up to the amount"),
        max_digits=14,
        decimal_places=0,
        null=True,
        blank=True,
        help_text=_("Empty means no limit."),
    )

    objects = MandateQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "track"]
        verbose_name = _("mandate")
        verbose_name_plural = _("mandates")

    def __str__(self) -> str:
        return f"{self.body}: {self.get_kind_display()}"


class Outcome(models.TextChoices):
    APPROVE = "approve", _("Approved")
    REJECT = "reject", _("Rejected")
    POSTPONE = "postpone", _("Postponed")
    CHANGE = "change", _("Approved with changes")
    STOP = "stop", _("Stopped")


class Decision(OrgOwned):
    """A decision taken by a body, with its rationale and conditions: the decision log.

    It can only be recorded when the body holds a mandate for it (services.record_decision).
    """

    body = models.ForeignKey(
        Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="decisions"
    )
    kind = models.CharField(_("decision"), max_length=25, choices=DecisionKind.choices)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    initiative = models.ForeignKey(
        "initiatives.Initiative",
        verbose_name=_("initiative"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    amount = DecimalField(
        _("amount"),
        max_digits=14,
        decimal_places=0,
        null=True,
        blank=True,
        help_text=_("The amount decided on, e.g. the business case's investment."),
    )
    title = models.CharField(_("title"), max_length=200)
    rationale = models.TextField(_("rationale"))
    conditions = models.TextField(_("conditions"), blank=True)
    to_stage = models.CharField(_("to stage"), max_length=15, choices=Stage.choices, blank=True)
    checklist = models.JSONField(
        default=list, blank=True, help_text="A gate's checklist as decided: [{text, done}]."
    )
    lessons = models.TextField(
        _("lessons learned"),
        blank=True,
        help_text=_("What the municipality learned, for the next initiatives."),
    )
    decided_on = models.DateField(_("decided on"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-decided_on", "-recorded_at"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return self.title


class GateCheck(OrgOwned):
    """One point of a stage gate's checklist (seed 001's before / during / after).

    A gate is named by the stage it leads into; a point applies to one track or to all.
    The office edits the list; a gate decision stores the list as it was ticked.
    """

    to_stage = models.CharField(_("gate into"), max_length=15, choices=Stage.choices)
    track = models.CharField(
        _("track"),
        max_length=15,
        choices=Track.choices,
        blank=True,
        help_text=_("Empty means every track."),
    )
    text = models.CharField(_("point"), max_length=300)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("checklist point")
        verbose_name_plural = _("checklist points")

    def __str__(self) -> str:
        return self.text
