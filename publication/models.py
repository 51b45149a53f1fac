"""The strategy as it leaves the building: frozen versions approved in two steps, what the
organisation publishes (intranet, public page), the stakeholders and the communication plan.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.models import OrgOwned, OrgQuerySet


class VersionStatus(models.TextChoices):
    RECOMMENDED = "recommended", _("Recommended, awaiting approval")
    APPROVED = "approved", pgettext_lazy("a strategy version", "Approved")
    SUPERSEDED = "superseded", _("Superseded by a later version")
    WITHDRAWN = "withdrawn", _("Recommendation withdrawn")


class StrategyVersionQuerySet(OrgQuerySet):
    def published_publicly(self) -> StrategyVersionQuerySet:
        return self.filter(public=True, status=VersionStatus.APPROVED)

    def on_intranet(self) -> StrategyVersionQuerySet:
        return self.filter(intranet=True, status=VersionStatus.APPROVED)


class StrategyVersion(OrgOwned):
    """A frozen version of a strategy: a snapshot of the whole strategy, its goals and the
    committed action plan (publication.snapshot), taken when the executive board recommends
    it and approved as it stands by the council (services.recommend, services.approve).
    It is never edited; later edits to the strategy become the next version's draft."""

    strategy = models.ForeignKey(
        "strategy.Strategy", on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(_("version"))
    status = models.CharField(
        _("status"), max_length=12, choices=VersionStatus.choices, default=VersionStatus.RECOMMENDED
    )
    snapshot = models.JSONField(editable=False)
    recommendation = models.ForeignKey(
        "governance.Decision", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    approval = models.ForeignKey(
        "governance.Decision", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    intranet = models.BooleanField(_("published on the intranet"), default=False)
    public = models.BooleanField(_("published on the public page"), default=False)
    published_at = models.DateTimeField(null=True, blank=True)

    objects = StrategyVersionQuerySet.as_manager()

    class Meta:
        ordering = ["strategy", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["strategy", "number"], name="unique_strategy_version")
        ]
        verbose_name = _("strategy version")
        verbose_name_plural = _("strategy versions")

    def __str__(self) -> str:
        return _("%(title)s, version %(n)d") % {
            "title": self.snapshot["strategy"]["title"],
            "n": self.number,
        }

    @property
    def is_published(self) -> bool:
        return self.intranet or self.public


class PublicPage(OrgOwned):
    """How an organisation's public page shows its published strategy: amounts and names
    of people are hidden unless turned on; a link to its accessibility statement."""

    show_amounts = models.BooleanField(_("show amounts"), default=False)
    show_people = models.BooleanField(_("show names of people"), default=False)
    accessibility_url = models.URLField(
        _("accessibility statement"),
        blank=True,
        help_text=_("The address of the organisation's accessibility statement (was.digst.dk)."),
    )
    changed = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation"], name="one_public_page_per_org")
        ]
        verbose_name = _("public page")
        verbose_name_plural = _("public pages")


class Level(models.IntegerChoices):
    LOW = 1, _("Low")
    MEDIUM = 2, _("Medium")
    HIGH = 3, _("High")


class Stakeholder(OrgOwned):
    """A group with a stake in the strategy or an initiative (seed 000: a strong
    communication plan), placed by influence and interest, with what it needs to hear."""

    strategy = models.ForeignKey(
        "strategy.Strategy",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="stakeholders",
    )
    initiative = models.ForeignKey(
        "initiatives.Initiative",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="stakeholders",
    )
    name = models.CharField(_("stakeholder or group"), max_length=120)
    influence = models.PositiveSmallIntegerField(
        _("influence"), choices=Level.choices, default=Level.MEDIUM
    )
    interest = models.PositiveSmallIntegerField(
        _("interest"), choices=Level.choices, default=Level.MEDIUM
    )
    needs = models.TextField(_("what they need to hear"), blank=True)

    class Meta:
        ordering = ["-influence", "-interest", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(strategy__isnull=False, initiative__isnull=True)
                | models.Q(strategy__isnull=True, initiative__isnull=False),
                name="stakeholder_of_one_thing",
            )
        ]
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")

    def __str__(self) -> str:
        return self.name


class Channel(models.TextChoices):
    INTRANET = "intranet", _("Intranet")
    MEETING = "meeting", _("Meeting")
    NEWSLETTER = "newsletter", _("Newsletter")
    EMAIL = "email", _("E-mail")
    WEBSITE = "website", _("Website")
    SOCIAL = "social", _("Social media")
    PRESS = "press", _("Press")
    WORKSHOP = "workshop", _("Workshop")
    OTHER = "other", _("Other")


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class CommunicationActivity(OrgOwned):
    """One activity of the communication plan: who hears what, how, when and from whom.
    It is on the yearly cycle and the owner's calendar feed, and the owner is reminded
    before the day (services.remind_activity_owners)."""

    strategy = models.ForeignKey(
        "strategy.Strategy",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="communication_activities",
    )
    initiative = models.ForeignKey(
        "initiatives.Initiative",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="communication_activities",
    )
    audience = models.CharField(_("audience"), max_length=120)
    message = models.TextField(_("message"))
    channel = models.CharField(_("channel"), max_length=12, choices=Channel.choices)
    date = models.DateField(_("date"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED
    )
    reminded = models.BooleanField(default=False, editable=False)
    remind_days = models.PositiveSmallIntegerField(
        _("remind the owner (days before)"),
        default=7,
        validators=[MinValueValidator(0), MaxValueValidator(60)],
    )

    class Meta:
        ordering = ["date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(strategy__isnull=False, initiative__isnull=True)
                | models.Q(strategy__isnull=True, initiative__isnull=False),
                name="activity_of_one_thing",
            )
        ]
        verbose_name = _("communication activity")
        verbose_name_plural = _("communication activities")

    def __str__(self) -> str:
        return f"{self.audience}: {self.get_channel_display()} {self.date}"
