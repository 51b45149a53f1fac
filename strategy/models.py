"""The digitalisation strategy, laid out as seed 003's disposition.

Business goals (from the business strategy) are supported by the vision, which is unfolded
in themes, which hold focus areas with measurable goals, which are broken down into
initiatives (initiatives.Initiative). Governance and IT/architecture are texts of their own.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import DecimalField, OrgOwned
from core.versioning import Versioned

from . import goals, sources


class StrategyStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved")
    ARCHIVED = "archived", _("Archived")


year_validators = [MinValueValidator(2000), MaxValueValidator(2100)]


class Strategy(OrgOwned, Versioned):
    """A municipality's digitalisation strategy for a period, e.g. 2026–2029.

    A draft is written and approved; an approved strategy can still be kept current;
    an archived one is read-only, kept for the record.
    """

    title = models.CharField(_("title"), max_length=200)
    period_start = models.PositiveSmallIntegerField(_("first year"), validators=year_validators)
    period_end = models.PositiveSmallIntegerField(_("last year"), validators=year_validators)
    status = models.CharField(
        _("status"), max_length=10, choices=StrategyStatus.choices, default=StrategyStatus.DRAFT
    )
    vision = models.TextField(
        _("vision"),
        blank=True,
        help_text=_("How digitalisation helps reach the political goals, in the council's words."),
    )
    governance = models.TextField(
        _("governance"),
        blank=True,
        help_text=_(
            "How decisions are made, how the political level is involved, how the strategy "
            "is updated and how initiatives are prioritised."
        ),
    )
    it_architecture = models.TextField(
        _("IT and architecture"),
        blank=True,
        help_text=_(
            "Infrastructure, architecture and operations, or a reference to the IT strategy."
        ),
    )
    # The short version's "what it means for you", one text per audience (seed 003's
    # pixie edition), written by the office.
    for_employees = models.TextField(
        _("what it means for employees"), blank=True, default="", db_default=""
    )
    for_leaders = models.TextField(
        _("what it means for leaders"), blank=True, default="", db_default=""
    )
    for_citizens = models.TextField(
        _("what it means for citizens"), blank=True, default="", db_default=""
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-period_start", "title"]
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")

    def __str__(self) -> str:
        return f"{self.title} {self.period_label}"

    @property
    def period_label(self) -> str:
        return f"{self.period_start}–{self.period_end}"

    @property
    def is_read_only(self) -> bool:
        return self.status == StrategyStatus.ARCHIVED

    def clean(self) -> None:
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError(
                {"period_end": _("The last year cannot be before the first year.")}
            )


class StrategyPart(OrgOwned, Versioned):
    """Common shape of the parts of a strategy: ordered, titled, described."""

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.title


class BusinessGoal(StrategyPart):
    """A political or strategic goal of the municipality that the strategy supports.

    Digitalisation is not valuable in itself (seed 000): every initiative must show which
    business goal it serves. `source` says where the goal comes from (the council's vision,
    a budget agreement, a sector policy).
    """

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="business_goals")
    source = models.CharField(_("source"), max_length=200, blank=True)

    class Meta(StrategyPart.Meta):
        verbose_name = _("business goal")
        verbose_name_plural = _("business goals")


class Theme(StrategyPart):
    """A strategic theme unfolding the vision; together they cover the whole municipality,
    the meeting with citizens, external partners and the inner life of the organisation."""

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="themes")

    class Meta(StrategyPart.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class FocusArea(StrategyPart):
    """An area where weight is put this period (indsatsområde), under one theme, with
    measurable goals, and broken down into initiatives."""

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="focus_areas")
    theme = models.ForeignKey(
        Theme, on_delete=models.PROTECT, related_name="focus_areas", verbose_name=_("theme")
    )

    class Meta(StrategyPart.Meta):
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")


class FocusAreaGoal(OrgOwned, Versioned):
    """A measurable goal of a focus area: an indicator from a baseline to a target by a date."""

    focus_area = models.ForeignKey(
        FocusArea, verbose_name=_("focus area"), on_delete=models.CASCADE, related_name="goals"
    )
    indicator = models.CharField(_("indicator"), max_length=200)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    baseline = DecimalField(_("baseline"), max_digits=14, decimal_places=2, null=True, blank=True)
    target = DecimalField(_("target"), max_digits=14, decimal_places=2)
    target_date = models.DateField(_("target date"))
    source = models.CharField(
        _("measured by"),
        max_length=40,
        blank=True,
        default="",
        db_default="",
        help_text=_("Computed from Styr's own data where it can be (strategy.sources)."),
    )

    class Meta:
        ordering = ["target_date", "id"]
        verbose_name = _("measurable goal")
        verbose_name_plural = _("measurable goals")

    def __str__(self) -> str:
        return self.indicator

    @property
    def current(self) -> float | None:
        """The value now, when a source computes it (None for goals entered by hand)."""
        return sources.current(self) if self.source else None

    @property
    def source_label(self) -> str:
        source = sources.SOURCES.get(self.source)
        return str(source.label) if source else ""

    @property
    def latest_measurement(self) -> GoalMeasurement | None:
        """The newest measurement (prefetch `measurements` in date order for a list)."""
        measured = list(self.measurements.all())
        return max(measured, key=lambda m: m.measured_on) if measured else None

    @property
    def latest_progress(self) -> float | None:
        latest = self.latest_measurement
        return self.progress(latest.value) if latest else None

    def progress(self, value) -> float | None:
        """How far `value` has come from the baseline towards the target (goals.progress)."""
        return goals.progress(
            None if self.baseline is None else float(self.baseline),
            float(self.target),
            None if value is None else float(value),
        )


class MeasurementOrigin(models.TextChoices):
    HAND = "hand", _("Entered by hand")
    UPLOAD = "upload", _("Uploaded from the template")
    API = "api", _("Through the API")
    COMPUTED = "computed", _("Computed by Styr")


class GoalMeasurement(OrgOwned):
    """A measured value of a measurable goal on a day, so progress from the baseline
    towards the target can be followed (seed 000: progress must be documented). Entered by
    hand, uploaded from the xlsx template, sent through the API, or recorded from Styr's own
    data for a goal with a source; one value per goal and day (a new one replaces it)."""

    goal = models.ForeignKey(
        FocusAreaGoal,
        verbose_name=_("measurable goal"),
        on_delete=models.CASCADE,
        related_name="measurements",
    )
    measured_on = models.DateField(_("date"))
    value = DecimalField(_("value"), max_digits=14, decimal_places=2)
    note = models.CharField(_("note"), max_length=200, blank=True)
    origin = models.CharField(
        _("origin"),
        max_length=10,
        choices=MeasurementOrigin.choices,
        default=MeasurementOrigin.HAND,
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["goal", "measured_on"]
        constraints = [
            models.UniqueConstraint(fields=["goal", "measured_on"], name="unique_goal_measurement")
        ]
        verbose_name = _("goal measurement")
        verbose_name_plural = _("goal measurements")

    def __str__(self) -> str:
        return f"{self.goal}: {self.value} ({self.measured_on})"
