"""Business cases: what an initiative costs and brings, year by year, against doing nothing."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.fields.json import KeyTransform
from django.utils.translation import gettext_lazy as _

from core.models import DecimalField, OrgOwned, OrgQuerySet
from core.versioning import Versioned
from initiatives.tracks import Ambition

from . import calc


class CaseStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved")


class Side(models.TextChoices):
    COST = calc.COST, _("Cost")
    BENEFIT = calc.BENEFIT, _("Benefit")


class CostKind(models.TextChoices):
    INVESTMENT = "investment", _("One-off / investment")
    RUNNING = "running", _("Running")


class CostSource(models.TextChoices):
    INTERNAL = "internal", _("Internal")
    EXTERNAL = "external", _("External")


class Unit(models.TextChoices):
    AMOUNT = "amount", _("Amount")
    HOURS = "hours", _("Hours × hourly rate")


class BenefitCategory(models.TextChoices):
    BUDGET = calc.BUDGET, _("Economic, budget-releasing")
    ECONOMIC = calc.ECONOMIC, _("Economic, not budget-releasing (time freed)")
    SOCIETAL = calc.SOCIETAL, _("Rest of the public sector or society")
    NON_PRICED = calc.NON_PRICED, _("Not priced (quality, wellbeing, satisfaction)")


VARIANT_CHOICES = [("", _("Main case")), *Ambition.choices]

SENSITIVITY_LABELS = {
    "benefits_minus_20": _("Benefits −20 %"),
    "costs_plus_20": _("Costs +20 %"),
    "delay_one_year": _("One year of delay"),
}


@dataclass(frozen=True)
class KeyFigures:
    """What a list shows of a case: expected totals, NPV and the payback (calendar) year."""

    total_cost: float
    total_benefit: float
    npv: float
    payback_year: int | None

    @classmethod
    def of(cls, figures: calc.Figures) -> KeyFigures:
        e = figures.expected
        payback = None if e.payback_year is None else figures.years[e.payback_year]
        return cls(e.total_cost, e.total_benefit, e.npv, payback)


def stored_values(figures: calc.Figures, version: int) -> dict:
    """What a case stores of its figures for `version`: the JSON and the key columns."""
    key = KeyFigures.of(figures)
    return {
        "stored_figures": figures.to_json(),
        "figures_version": version,
        "key_total_cost": key.total_cost,
        "key_total_benefit": key.total_benefit,
        "key_npv": key.npv,
        "key_payback_year": key.payback_year,
    }


class BusinessCaseQuerySet(OrgQuerySet):
    def approved(self) -> BusinessCaseQuerySet:
        """Cases whose current version is approved (a stage gate's required artefact)."""
        return self.filter(status=CaseStatus.APPROVED)

    def with_key_figures(self) -> BusinessCaseQuerySet:
        """For a list: without the stored JSON figures (it reads the four key figures
        stored in their own columns beside them, BusinessCase.key_figures) and without the
        long texts and timestamps no list shows. A case without stored figures is computed
        from its lines and the fields to_data() reads, which stay."""
        return self.defer(
            "stored_figures", "scenario_0", "scenario_1", "assumptions", "created", "updated"
        )

    def with_expected_benefits(self) -> BusinessCaseQuerySet:
        """For sums of many cases' benefits (a strategy's action plan): without the stored
        JSON figures but with the one part of them such a sum reads, the expected benefits
        per year (`stored_benefits`, read by the database from the JSON), so the sensitivity
        scenarios and the rest are not sent and decoded. See expected_benefits()."""
        return self.with_key_figures().annotate(
            stored_benefits=KeyTransform("benefits", KeyTransform("expected", "stored_figures"))
        )

    def stale_figures(self) -> BusinessCaseQuerySet:
        """Cases whose stored figures are missing or belong to an earlier version (the
        database's side of BusinessCase.has_stored_figures)."""
        return self.filter(
            models.Q(stored_figures__isnull=True) | ~models.Q(figures_version=models.F("version"))
        )

    def store_figures(self) -> int:
        """Store the key figures of every case whose stored ones are missing or stale (data
        loaded in bulk, or written before figures were stored). Returns how many."""
        stale = list(self.stale_figures().select_related(None).prefetch_related("lines", "risks"))
        fields: list[str] = []
        for case in stale:
            values = stored_values(case.figures(), case.version)
            for name, value in values.items():
                setattr(case, name, value)
            fields = list(values)
        if stale:
            self.model._base_manager.bulk_update(stale, fields, batch_size=200)
        return len(stale)


class BusinessCase(OrgOwned, Versioned):
    """The business case of an initiative (or of one of its ambition variants).

    It compares scenario 0 (the initiative is not carried out) with scenario 1 (it is) in
    cost and benefit lines per year over a horizon, plus named risks that form a risk pool.
    The key figures are computed by finance.calc whenever the case changes and stored with
    the version they belong to (`stored_figures`, `figures_version`), so a list of cases reads
    them instead of computing every case again. Approving it stores a frozen copy
    (Approval) so the approved version stays readable after later edits; any later edit puts
    the case back in draft.
    """

    initiative = models.ForeignKey(
        "initiatives.Initiative",
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="business_cases",
    )
    variant = models.CharField(
        _("ambition variant"), max_length=6, choices=VARIANT_CHOICES, blank=True
    )
    status = models.CharField(
        _("status"), max_length=10, choices=CaseStatus.choices, default=CaseStatus.DRAFT
    )
    first_year = models.PositiveSmallIntegerField(
        _("first year"),
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        help_text=_("Year 0 of the case: the year the initiative starts."),
    )
    horizon_years = models.PositiveSmallIntegerField(
        _("horizon (years)"), validators=[MinValueValidator(1), MaxValueValidator(30)]
    )
    discount_rate = DecimalField(
        _("discount rate (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(20)],
    )
    hourly_rate = DecimalField(
        _("internal hourly rate"),
        max_digits=9,
        decimal_places=2,
        default=Decimal("450"),
        validators=[MinValueValidator(0)],
        help_text=_("Used for cost lines given in hours."),
    )
    scenario_0 = models.TextField(_("scenario 0: if the initiative is not carried out"), blank=True)
    scenario_1 = models.TextField(_("scenario 1: the initiative"), blank=True)
    assumptions = models.TextField(_("assumptions"), blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    # finance.calc.Figures.to_json() of the case at `figures_version`; stale once the
    # version moves on (every change to the case, its lines or risks claims a new version).
    stored_figures = models.JSONField(null=True, blank=True, editable=False)
    figures_version = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # What a list shows, in columns of their own (reading them out of the JSON made
    # PostgreSQL unpack every case's document).
    key_total_cost = models.FloatField(null=True, blank=True, editable=False)
    key_total_benefit = models.FloatField(null=True, blank=True, editable=False)
    key_npv = models.FloatField(null=True, blank=True, editable=False)
    key_payback_year = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)

    objects = BusinessCaseQuerySet.as_manager()

    class Meta:
        ordering = ["initiative__number", "variant"]
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "variant"], name="unique_business_case_variant"
            )
        ]
        verbose_name = _("business case")
        verbose_name_plural = _("business cases")

    def __str__(self) -> str:
        label = self.get_variant_display()
        return f"{self.initiative.reference} · {label}"

    @property
    def years(self) -> list[int]:
        return [self.first_year + t for t in range(self.horizon_years)]

    def to_data(self, lines=None, risks=None) -> dict:
        """The case as plain JSON data: what an approval freezes and what calc reads."""
        lines = self.lines.all() if lines is None else lines
        risks = self.risks.all() if risks is None else risks
        return {
            "variant": self.variant,
            "first_year": self.first_year,
            "horizon_years": self.horizon_years,
            "discount_rate": str(self.discount_rate),
            "hourly_rate": str(self.hourly_rate),
            "scenario_0": self.scenario_0,
            "scenario_1": self.scenario_1,
            "assumptions": self.assumptions,
            "lines": [line.to_data(self.hourly_rate) for line in lines],
            "risks": [risk.to_data() for risk in risks],
        }

    def key_figures(self) -> KeyFigures:
        """Total costs, total benefits, NPV (expected values) and the payback year: from
        the stored figures when the case was loaded with_key_figures() and they belong to
        its version, else from figures()."""
        if self.has_key_figures:
            return KeyFigures(
                self.key_total_cost, self.key_total_benefit, self.key_npv, self.key_payback_year
            )
        # Computed from the lines (prefetch them): the stored JSON may be deferred.
        return KeyFigures.of(figures_from_data(self.to_data()))

    @property
    def has_key_figures(self) -> bool:
        """The key figure columns belong to the case's current version."""
        return self.figures_version == self.version and self.key_npv is not None

    @property
    def has_stored_figures(self) -> bool:
        return self.stored_figures is not None and self.figures_version == self.version

    @property
    def has_stored_benefits(self) -> bool:
        """Loaded with_expected_benefits() and stored for the current version."""
        stored = getattr(self, "stored_benefits", None)
        return stored is not None and self.figures_version == self.version

    def expected_benefits(self) -> tuple[float, ...]:
        """The expected benefits per year of the case's horizon: stored (loaded
        with_expected_benefits()), or computed from the lines and risks (prefetch them)."""
        if self.has_stored_benefits:
            return tuple(self.stored_benefits)
        return figures_from_data(self.to_data()).expected.benefits

    def figures(self, lines=None, risks=None) -> calc.Figures:
        """The case's key figures (NPV, interval, payback, sensitivity) from finance.calc:
        those stored with the current version, or computed from the lines and risks."""
        if lines is None and risks is None and self.has_stored_figures:
            return calc.Figures.from_json(self.stored_figures)
        return figures_from_data(self.to_data(lines, risks))

    def store_figures(self) -> None:
        """Compute the key figures from the lines and risks in the database and keep them
        with the case's current version. Called at the end of every workflow that changes
        the case; if someone has claimed a newer version meanwhile, nothing is stored."""
        figures = figures_from_data(
            self.to_data(
                CaseLine.objects.filter(business_case=self),
                CaseRisk.objects.filter(business_case=self),
            )
        )
        values = stored_values(figures, self.version)
        type(self)._base_manager.filter(pk=self.pk, version=self.version).update(**values)
        for name, value in values.items():
            setattr(self, name, value)


def figures_from_data(data: dict) -> calc.Figures:
    """The key figures of a case given as stored JSON (the live case or a frozen approval)."""
    return calc.compute(case_from_data(data))


def case_from_data(data: dict) -> calc.Case:
    """Build the pure calc input from stored JSON (the live case or a frozen approval)."""
    first = data["first_year"]
    return calc.Case(
        horizon=data["horizon_years"],
        rate=float(Decimal(data["discount_rate"])) / 100.0,
        first_year=first,
        lines=tuple(
            calc.Line(
                side=ln["side"],
                amounts=tuple(float(a) for a in ln["money"]),
                minimum_pct=float(ln["minimum_pct"]),
                maximum_pct=float(ln["maximum_pct"]),
                category=ln["category"],
                kind=ln["cost_kind"],
                label=ln["description"],
            )
            for ln in data["lines"]
        ),
        risks=tuple(
            calc.Risk(
                probability=float(r["probability_pct"]) / 100.0,
                consequence=float(r["consequence"]),
                year=r["year"] - first,
                label=r["description"],
            )
            for r in data["risks"]
        ),
    )


def with_figures_at_hand(
    cases: list[BusinessCase], *, benefits: bool = False
) -> list[BusinessCase]:
    """Cases loaded with_key_figures(), each able to give key_figures() (with `benefits`:
    loaded with_expected_benefits(), expected_benefits()) without a query of its own: one
    without stored figures (loaded before they were stored) is replaced by the whole case
    with its lines and risks, all such fetched at once."""
    missing = [
        c.pk for c in cases if not (c.has_stored_benefits if benefits else c.has_key_figures)
    ]
    if not missing:
        return cases
    whole = (
        BusinessCase.objects.filter(pk__in=missing)
        .select_related("initiative")
        .prefetch_related("lines", "risks")
        .in_bulk()
    )
    return [whole.get(c.pk, c) for c in cases]


class CaseLine(OrgOwned):
    """A cost or a benefit line of a business case: the most likely amount per year (or
    internal hours, priced at the case's hourly rate) with a three-point uncertainty."""

    business_case = models.ForeignKey(BusinessCase, on_delete=models.CASCADE, related_name="lines")
    side = models.CharField(_("cost or benefit"), max_length=7, choices=Side.choices)
    description = models.CharField(_("description"), max_length=200)
    cost_kind = models.CharField(
        _("cost type"), max_length=10, choices=CostKind.choices, blank=True
    )
    cost_source = models.CharField(
        _("internal or external"), max_length=8, choices=CostSource.choices, blank=True
    )
    category = models.CharField(
        _("benefit category"), max_length=10, choices=BenefitCategory.choices, blank=True
    )
    unit = models.CharField(_("unit"), max_length=6, choices=Unit.choices, default=Unit.AMOUNT)
    amounts = models.JSONField(_("amounts per year"), default=list)
    minimum_pct = DecimalField(
        _("minimum (per cent of most likely)"),
        max_digits=6,
        decimal_places=1,
        default=Decimal("100"),
        validators=[MinValueValidator(0)],
    )
    maximum_pct = DecimalField(
        _("maximum (per cent of most likely)"),
        max_digits=6,
        decimal_places=1,
        default=Decimal("100"),
        validators=[MinValueValidator(0)],
    )
    pool = models.ForeignKey(
        "portfolio.ResourcePool",
        verbose_name=_("resource pool"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lines",
        help_text=_("For internal hours: the pool the hours come from, for capacity planning."),
    )
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["side", "position", "id"]
        verbose_name = _("business case line")
        verbose_name_plural = _("business case lines")

    def __str__(self) -> str:
        return self.description

    def money(self, hourly_rate: Decimal) -> list[Decimal]:
        factor = hourly_rate if self.unit == Unit.HOURS else Decimal(1)
        return [Decimal(str(a)) * factor for a in self.amounts]

    def to_data(self, hourly_rate: Decimal) -> dict:
        return {
            "id": self.pk,
            "side": self.side,
            "description": self.description,
            "cost_kind": self.cost_kind,
            "cost_source": self.cost_source,
            "category": self.category,
            "unit": self.unit,
            "amounts": [str(a) for a in self.amounts],
            "money": [str(m) for m in self.money(hourly_rate)],
            "minimum_pct": str(self.minimum_pct),
            "maximum_pct": str(self.maximum_pct),
        }


class CaseRisk(OrgOwned):
    """An event that may or may not happen, priced into the risk pool as probability ×
    consequence in its year (the state model's risk-based contingency)."""

    business_case = models.ForeignKey(BusinessCase, on_delete=models.CASCADE, related_name="risks")
    description = models.CharField(_("description"), max_length=200)
    probability_pct = DecimalField(
        _("probability (%)"),
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    consequence = DecimalField(
        _("consequence (amount)"),
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(0)],
    )
    year = models.PositiveSmallIntegerField(_("year"))
    response = models.TextField(_("response"), blank=True)

    class Meta:
        ordering = ["year", "id"]
        verbose_name = _("risk")
        verbose_name_plural = _("risks")

    def __str__(self) -> str:
        return self.description

    @property
    def pooled(self) -> Decimal:
        return self.probability_pct / 100 * self.consequence

    def to_data(self) -> dict:
        return {
            "id": self.pk,
            "description": self.description,
            "probability_pct": str(self.probability_pct),
            "consequence": str(self.consequence),
            "year": self.year,
            "response": self.response,
        }


class Approval(OrgOwned):
    """A frozen copy of a business case as it was approved: who, when, and every line."""

    business_case = models.ForeignKey(
        BusinessCase, on_delete=models.CASCADE, related_name="approvals"
    )
    case_version = models.PositiveIntegerField()
    data = models.JSONField()
    note = models.TextField(_("note"), blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-approved_at", "-id"]
        verbose_name = _("approval")
        verbose_name_plural = _("approvals")

    def __str__(self) -> str:
        return f"{self.business_case} · {self.approved_at:%Y-%m-%d}"

    def figures(self) -> calc.Figures:
        """The key figures as they were approved."""
        return figures_from_data(self.data)
