"""Status and risks: periodic status reports, their due dates, and the risk register."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import OrgOwned, OrgQuerySet
from core.versioning import Versioned


class Light(models.TextChoices):
    GREEN = "green", _("Green: on track")
    YELLOW = "yellow", _("Yellow: at risk")
    RED = "red", _("Red: off track")


LIGHTS = ("time", "cost", "scope", "benefits")


class StatusReportQuerySet(OrgQuerySet):
    def red(self):
        q = models.Q()
        for name in LIGHTS:
            q |= models.Q(**{name: Light.RED})
        return self.filter(q)


class StatusReport(OrgOwned):
    """A status report (statusrapport) of an initiative: a traffic light each for time, cost,
    scope and benefits, what happened and the next steps. Reports are never edited; the
    next one supersedes it, so the history of lights stays readable."""

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="status_reports"
    )
    reported_on = models.DateField(_("status as of"))
    time = models.CharField(_("time"), max_length=6, choices=Light.choices)
    cost = models.CharField(_("cost"), max_length=6, choices=Light.choices)
    scope = models.CharField(_("scope"), max_length=6, choices=Light.choices)
    benefits = models.CharField(_("benefits"), max_length=6, choices=Light.choices)
    summary = models.TextField(_("status"))
    next_steps = models.TextField(_("next steps"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    objects = StatusReportQuerySet.as_manager()

    class Meta:
        ordering = ["-reported_on", "-id"]
        indexes = [models.Index(fields=["initiative", "reported_on"])]
        verbose_name = _("status report")
        verbose_name_plural = _("status reports")

    def __str__(self) -> str:
        return f"{self.initiative.reference} {self.reported_on:%Y-%m-%d}"

    @property
    def worst(self) -> str:
        values = {getattr(self, name) for name in LIGHTS}
        for light in (Light.RED, Light.YELLOW):
            if light in values:
                return light
        return Light.GREEN


class StatusDueQuerySet(OrgQuerySet):
    def open(self):
        return self.filter(report__isnull=True)


class StatusDue(OrgOwned):
    """A status report the initiative lead owes by a date (from the yearly cycle or set by
    the previous report). A report fulfils the open dues up to a month after its date."""

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="status_dues"
    )
    due_on = models.DateField(_("due on"))
    report = models.ForeignKey(
        StatusReport, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = StatusDueQuerySet.as_manager()

    class Meta:
        ordering = ["due_on"]
        constraints = [
            models.UniqueConstraint(fields=["initiative", "due_on"], name="unique_status_due")
        ]
        indexes = [models.Index(fields=["organisation", "due_on"])]


class RiskKind(models.TextChoices):
    RISK = "risk", _("Risk")
    ISSUE = "issue", _("Issue")


class RiskStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Risk(OrgOwned, Versioned):
    """An entry in the initiative's risk and issue register: a risk may happen, an issue
    has happened. Probability and consequence are 1–5; their product orders the register."""

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="risk_register"
    )
    kind = models.CharField(_("kind"), max_length=5, choices=RiskKind.choices, default="risk")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    probability = models.PositiveSmallIntegerField(
        _("probability (1–5)"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    consequence = models.PositiveSmallIntegerField(
        _("consequence (1–5)"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    response = models.TextField(_("response"), blank=True)
    status = models.CharField(
        _("status"), max_length=6, choices=RiskStatus.choices, default=RiskStatus.OPEN
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["status", "-probability", "-consequence", "id"]
        verbose_name = _("risk")
        verbose_name_plural = _("risks")

    def __str__(self) -> str:
        return self.title

    @property
    def score(self) -> int:
        return self.probability * self.consequence
