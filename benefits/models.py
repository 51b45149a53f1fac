"""Benefits realisation: each benefit from baseline to harvest in the budget."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from core.models import DecimalField, OrgOwned, OrgQuerySet
from core.versioning import Versioned
from finance.models import BenefitCategory
from organisations.permissions import Perm

from . import realisation


def _float(value) -> float | None:
    return None if value is None else float(value)


# What computing a benefit's realisation.Figures reads of it, in this order (figures_of).
FIGURE_FIELDS = (
    "baseline_value",
    "baseline_date",
    "direction",
    "frequency",
    "target_date",
    "target_likely",
    "annual_value",
)


def figures_of(fields, plan, measurements) -> realisation.Figures:
    """A benefit's Figures from its FIGURE_FIELDS values and its plan and measurements as
    (date, value) pairs."""
    baseline, baseline_date, direction, months, target_date, likely, annual_value = fields
    return realisation.figures(
        baseline=_float(baseline),
        baseline_date=baseline_date,
        direction=direction,
        months=months,
        plan=plan,
        measurements=measurements,
        target_date=target_date,
        likely=_float(likely),
        annual_value=_float(annual_value),
    )


class OutputKind(models.TextChoices):
    OUTPUT = "output", _("Output (a new solution or product)")
    WORKFLOW = "workflow", _("New workflow")
    ORGANISATION = "organisation", _("Organisational change")


class Frequency(models.IntegerChoices):
    MONTHLY = 1, _("Monthly")
    QUARTERLY = 3, _("Quarterly")
    HALF_YEARLY = 6, _("Half-yearly")
    YEARLY = 12, _("Yearly")


class Direction(models.TextChoices):
    INCREASE = realisation.INCREASE, _("Higher is better")
    DECREASE = realisation.DECREASE, _("Lower is better")


class MeasurementSource(models.TextChoices):
    FORM = "form", _("Form")
    SPREADSHEET = "xlsx", _("Spreadsheet")
    API = "api", _("API")


class HarvestStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ADOPTED = "adopted", _("In the adopted budget")


class Output(OrgOwned):
    """A change the initiative brings about (an output, a new workflow, an organisational
    change): the middle of the benefit map, between the initiative and its benefits."""

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="outputs"
    )
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=12, choices=OutputKind.choices, default=OutputKind.OUTPUT
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("change")
        verbose_name_plural = _("changes")

    def __str__(self) -> str:
        return self.title


class BenefitQuerySet(OrgQuerySet):
    def for_status(self):
        """What realisation status needs, in a constant number of queries."""
        return self.select_related("initiative", "owner").prefetch_related("plan", "measurements")

    def lagging(self, threshold) -> list[Benefit]:
        """The benefits more than `threshold` per cent behind their plan (seed 002's stop
        signal for a must-win challenge), judged from each one's stored figures."""
        return [b for b in self if b.figures().status(threshold / 100.0).lagging]

    def lagging_by_stored_figures(self, threshold: float):
        """Those with stored figures that lag by `threshold` (a fraction), judged in the
        database: realisation.Figures.status's rule (shortfall above the threshold) on the
        stored JSON. A JSON null (nothing to judge yet) never lags, as in Figures.status:
        SQLite would compare it as the text 'null', above every number."""
        return self.filter(stored_figures__shortfall__gt=threshold).exclude(
            stored_figures__shortfall=None
        )


class Benefit(OrgOwned, Versioned):
    """A benefit (gevinst): what the initiative should bring, measured on an indicator.

    It has a category (budget-releasing or not, societal, non-priced), a benefit owner from
    the line organisation (gevinstejer / gevinsteier), a baseline measurement
    (nullpunktsmåling), targets as pessimistic / likely / optimistic, a planned value per
    period, and measurements of actual values. See realisation.py for how lag and due
    measurements are found.
    """

    initiative = models.ForeignKey(
        "initiatives.Initiative",
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="benefits",
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    category = models.CharField(_("category"), max_length=10, choices=BenefitCategory.choices)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("benefit owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_benefits",
    )
    department = models.ForeignKey(
        "organisations.Department",
        verbose_name=_("department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    outputs = models.ManyToManyField(
        Output, verbose_name=_("comes from the changes"), blank=True, related_name="benefits"
    )
    focus_areas = models.ManyToManyField(
        "strategy.FocusArea", verbose_name=_("focus areas"), blank=True, related_name="benefits"
    )
    business_goals = models.ManyToManyField(
        "strategy.BusinessGoal",
        verbose_name=_("business goals"),
        blank=True,
        related_name="benefits",
    )
    indicator = models.CharField(_("indicator"), max_length=200)
    unit = models.CharField(_("unit"), max_length=40)
    direction = models.CharField(
        _("direction"), max_length=8, choices=Direction.choices, default=Direction.INCREASE
    )
    may_be_negative = models.BooleanField(
        _("the indicator may be negative"),
        default=False,
        help_text=_("E.g. a balance or a change; not a count, a time or a share."),
    )
    baseline_value = DecimalField(
        _("baseline value"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    baseline_date = models.DateField(_("baseline date"), null=True, blank=True)
    target_pessimistic = DecimalField(
        _("target, pessimistic"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    target_likely = DecimalField(
        _("target, likely"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    target_optimistic = DecimalField(
        _("target, optimistic"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    target_date = models.DateField(_("target date"), null=True, blank=True)
    frequency = models.PositiveSmallIntegerField(
        _("measurement frequency"), choices=Frequency.choices, default=Frequency.QUARTERLY
    )
    data_source = models.CharField(_("data source"), max_length=200, blank=True)
    annual_value = DecimalField(
        _("value per year at the likely target"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("In money. Used to sum planned and realised benefits across the portfolio."),
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    # realisation.Figures as JSON, kept by store_figures() whenever the plan, the
    # measurements or the benefit change; None until stored (lists then compute them).
    stored_figures = models.JSONField(null=True, blank=True, editable=False)

    objects = BenefitQuerySet.as_manager()

    class Meta:
        ordering = ["initiative__number", "id"]
        verbose_name = _("benefit")
        verbose_name_plural = _("benefits")

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        with transaction.atomic():
            super().save(*args, **kwargs)
            self.store_figures()

    def store_figures(self) -> None:
        """Compute the benefit's realisation.Figures from its fields, plan and measurements
        as the database holds them and keep them (`stored_figures`), for the portfolio's
        lists. Runs at the end of every write of the benefit, its plan or a measurement
        (save(), save_plan, Measurement.save/delete, the upload). The row lock makes two
        writes to one benefit store in turn, the later one seeing the earlier one's rows."""
        with transaction.atomic():
            row = type(self)._base_manager.select_for_update().filter(pk=self.pk)
            fields = row.values_list(*FIGURE_FIELDS).first()
            if fields is None:
                return
            plan = PlannedValue.objects.filter(benefit_id=self.pk).order_by("period")
            measured = Measurement.objects.filter(benefit_id=self.pk).order_by("measured_on", "id")
            figures = figures_of(
                fields,
                [(d, float(v)) for d, v in plan.values_list("period", "value")],
                [(d, float(v)) for d, v in measured.values_list("measured_on", "value")],
            )
            self.stored_figures = figures.to_json()
            row.update(stored_figures=self.stored_figures)

    def figures(self) -> realisation.Figures:
        """The stored figures, or (for a benefit loaded in bulk before they were stored)
        computed from the plan and measurements."""
        if self.stored_figures is not None:
            return realisation.Figures.from_json(self.stored_figures)
        fields = [getattr(self, name) for name in FIGURE_FIELDS]
        return figures_of(fields, self.plan_pairs(), self.measurement_pairs())

    def measurable_by(self, membership) -> bool:
        """The benefit owner records measurements of their benefit (with a role that may
        record at all, not a reader's); so may whoever may edit the initiative."""
        if self.owner_id == membership.user_id and membership.can(Perm.EDIT_OWN_INITIATIVE):
            return True
        return self.initiative.editable_by(membership)

    @property
    def reference(self) -> str:
        return f"G-{self.pk}"

    def plan_pairs(self) -> list[tuple[datetime.date, float]]:
        return [(p.period, float(p.value)) for p in self.plan.all()]

    def measurement_pairs(self) -> list[tuple[datetime.date, float]]:
        return [(m.measured_on, float(m.value)) for m in self.measurements.all()]

    def status(self, threshold_pct: int, *, rows: bool = True) -> realisation.Status:
        # A benefit loaded by portfolio.with_series carries its plan and measurements as
        # pairs already; otherwise they come from the (prefetched) related rows.
        plan, measurements = getattr(self, "series", None) or (
            self.plan_pairs(),
            self.measurement_pairs(),
        )
        return realisation.status(
            baseline=None if self.baseline_value is None else float(self.baseline_value),
            baseline_date=self.baseline_date,
            direction=self.direction,
            months=self.frequency,
            plan=plan,
            measurements=measurements,
            threshold=threshold_pct / 100.0,
            target_date=self.target_date,
            rows=rows,
        )

    def can_plan(self) -> bool:
        return (
            self.baseline_value is not None
            and self.baseline_date is not None
            and self.target_likely is not None
            and self.target_date is not None
            and self.target_date > self.baseline_date
        )

    def linear_plan(self) -> list[tuple[datetime.date, float]]:
        if not self.can_plan():
            return []
        return realisation.linear_plan(
            baseline=float(self.baseline_value),
            target=float(self.target_likely),
            start=self.baseline_date,
            end=self.target_date,
            months=self.frequency,
        )

    def plan_periods(self) -> list[datetime.date]:
        if not self.can_plan():
            return []
        return realisation.periods_between(self.baseline_date, self.target_date, self.frequency)


class PlannedValue(OrgOwned):
    """The planned value of a benefit's indicator at the end of one period: its profile."""

    benefit = models.ForeignKey(Benefit, on_delete=models.CASCADE, related_name="plan")
    period = models.DateField(_("period"))
    value = DecimalField(_("planned value"), max_digits=16, decimal_places=2)

    class Meta:
        ordering = ["period"]
        constraints = [
            models.UniqueConstraint(fields=["benefit", "period"], name="unique_plan_period")
        ]


class Measurement(OrgOwned):
    """A measured actual value of a benefit's indicator."""

    benefit = models.ForeignKey(Benefit, on_delete=models.CASCADE, related_name="measurements")
    measured_on = models.DateField(_("measured on"))
    value = DecimalField(_("value"), max_digits=16, decimal_places=2)
    note = models.CharField(_("note"), max_length=300, blank=True)
    source = models.CharField(
        _("source"), max_length=4, choices=MeasurementSource.choices, default="form"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["measured_on", "id"]
        indexes = [models.Index(fields=["benefit", "measured_on"])]
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")

    def __str__(self) -> str:
        return f"{self.measured_on}: {self.value}"

    def save(self, *args, **kwargs) -> None:
        with transaction.atomic():
            super().save(*args, **kwargs)
            self.benefit.store_figures()

    def delete(self, *args, **kwargs):
        with transaction.atomic():
            deleted = super().delete(*args, **kwargs)
            Benefit(pk=self.benefit_id).store_figures()
        return deleted


class HarvestQuerySet(OrgQuerySet):
    def per_department(self) -> list[tuple[str, float, float, float]]:
        """(department, planned, adopted, together) per department, summed in the database."""
        rows = (
            self.values("department__name", "status")
            .annotate(total=Sum("amount"))
            .order_by("department__name", "status")
        )
        summary: dict[str, dict[str, float]] = {}
        for row in rows:
            summary.setdefault(row["department__name"], {"planned": 0, "adopted": 0})[
                row["status"]
            ] = row["total"]
        return [
            (name, v["planned"], v["adopted"], v["planned"] + v["adopted"])
            for name, v in summary.items()
        ]


class Harvest(OrgOwned, Versioned):
    """A harvest (gevinsthøst / gevinstuttak): a department's budget reduced by an amount in
    a budget year because a budget-releasing benefit frees the money."""

    benefit = models.ForeignKey(Benefit, on_delete=models.CASCADE, related_name="harvests")
    department = models.ForeignKey(
        "organisations.Department",
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    budget_year = models.PositiveSmallIntegerField(
        _("budget year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    amount = DecimalField(
        _("amount"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)]
    )
    status = models.CharField(
        _("status"), max_length=8, choices=HarvestStatus.choices, default=HarvestStatus.PLANNED
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    objects = HarvestQuerySet.as_manager()

    class Meta:
        ordering = ["budget_year", "department__name", "id"]
        verbose_name = _("harvest")
        verbose_name_plural = _("harvests")

    def __str__(self) -> str:
        return f"{self.budget_year} {self.department}: {self.amount}"
