"""Prioritisation and the action plan: criteria, scores, scenarios and their solves."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import OuterRef, Subquery
from django.db.models.fields.json import KeyTextTransform, KeyTransform
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.models import DecimalField, OrgOwned, OrgQuerySet
from core.versioning import Versioned

from .optimizer.problem import FEASIBLE, OPTIMAL

# The optimiser's statuses of a solve that found a plan (one that can be committed).
WITH_PLAN = (OPTIMAL, FEASIBLE)

# Seed 000/002: what a municipality weighs when it prioritises. (name, description, weight)
DEFAULT_CRITERIA = (
    (
        _("Contribution to business goals and focus areas"),
        _("How much the initiative moves the strategy's goals and focus areas."),
        25,
    ),
    (_("Economic benefit"), _("Net present value and budget-releasing benefits."), 20),
    (_("Quality for citizens"), _("Better, faster or more accessible service."), 20),
    (_("Employee wellbeing"), _("Less hassle, better working environment."), 10),
    (_("Risk"), _("A high score means low risk: proven technology, clear scope."), 10),
    (_("Legal obligation or urgency"), _("Required by law or agreement, or time-critical."), 15),
)

DEFAULT_LEVELS = (
    _("1 – none or very little"),
    _("2 – little"),
    _("3 – some"),
    _("4 – much"),
    _("5 – very much"),
)


class Criterion(OrgOwned):
    """A prioritisation criterion with its weight and a description of each score level 1–5."""

    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    weight = DecimalField(
        _("weight"),
        max_digits=6,
        decimal_places=2,
        default=Decimal("10"),
        validators=[MinValueValidator(0), MaxValueValidator(1000)],
        help_text=_("Relative weight; Styr shows it as a share of the total."),
    )
    level_1 = models.CharField(_("level 1"), max_length=200, blank=True)
    level_2 = models.CharField(_("level 2"), max_length=200, blank=True)
    level_3 = models.CharField(_("level 3"), max_length=200, blank=True)
    level_4 = models.CharField(_("level 4"), max_length=200, blank=True)
    level_5 = models.CharField(_("level 5"), max_length=200, blank=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")

    def __str__(self) -> str:
        return self.name

    @property
    def levels(self) -> list[tuple[int, str]]:
        return [(k, getattr(self, f"level_{k}")) for k in range(1, 6)]


class Judgement(OrgOwned):
    """One pairwise comparison for AHP: how much more important `first` is than `second`."""

    first = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="+")
    value = models.FloatField(_("judgement"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="unique_judgement_pair")
        ]


class Score(OrgOwned):
    """One person's score of one initiative on one criterion (1–5); several are averaged."""

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="scores"
    )
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    scorer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    value = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["initiative", "criterion", "scorer"], name="unique_score_per_scorer"
            )
        ]


class Objective(models.TextChoices):
    SCORE = "score", _("Weighted score")
    NPV = "npv", _("Net present value")
    BLEND = "blend", _("Blend of score and net present value")


class ScenarioStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    COMMITTED = "committed", _("Committed as action plan")
    SUPERSEDED = "superseded", _("Superseded")


class ScenarioQuerySet(OrgQuerySet):
    def with_latest_solve(self) -> ScenarioQuerySet:
        """Each scenario with `latest_solve`: the status the optimiser gave its latest solve
        ("optimal", "feasible", ...; None before one finished), read from the run's result
        by the database, without loading any run's problem or result."""
        latest = SolveRun.objects.filter(scenario=OuterRef("pk"), kind=RunKind.SOLVE).order_by(
            "-created", "-pk"
        )
        return self.annotate(
            latest_solve=Subquery(
                latest.annotate(solved=KeyTextTransform("status", "result")).values("solved")[:1]
            )
        )


class Scenario(OrgOwned, Versioned):
    """A what-if for the action plan, e.g. "Budget 2027, proposal".

    It holds the planning periods (years from `first_year`), the limits per period of each
    budget line and resource pool (ScenarioLimit), the initiatives forced in or out and their
    start windows (ScenarioEntry), and the objective. Solving it builds the optimiser's JSON
    problem (portfolio/formulation.py) and runs HiGHS in the worker; a committed scenario is the
    strategy's action plan (handleplan).
    """

    strategy = models.ForeignKey(
        "strategy.Strategy",
        verbose_name=_("strategy"),
        on_delete=models.CASCADE,
        related_name="scenarios",
    )
    name = models.CharField(_("name"), max_length=200)
    first_year = models.PositiveSmallIntegerField(
        _("first year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    periods = models.PositiveSmallIntegerField(
        _("number of years"), default=4, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    objective = models.CharField(
        _("objective"), max_length=5, choices=Objective.choices, default=Objective.SCORE
    )
    score_share = models.PositiveSmallIntegerField(
        _("share of the score in a blend (%)"),
        default=50,
        validators=[MaxValueValidator(100)],
    )
    time_limit = models.PositiveSmallIntegerField(
        _("time limit (seconds)"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(600)],
    )
    notes = models.TextField(_("notes"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ScenarioStatus.choices, default=ScenarioStatus.DRAFT
    )
    committed_at = models.DateTimeField(null=True, blank=True)
    committed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    committed_run = models.ForeignKey(
        "SolveRun", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = ScenarioQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        verbose_name = _("scenario")
        verbose_name_plural = _("scenarios")

    def __str__(self) -> str:
        return self.name

    @property
    def years(self) -> list[int]:
        return [self.first_year + k for k in range(self.periods)]

    def latest_run(self, kind: str = "solve", *, problem: bool = True):
        """The latest run of a kind; without `problem`, its problem's JSON (every
        initiative's profiles, the largest column) stays unread but for its periods
        (`SolveRun.periods`), as pages show only those."""
        runs = self.runs.filter(kind=kind).order_by("-created", "-pk")
        if not problem:
            runs = runs.defer("problem").annotate(
                problem_periods=KeyTransform("periods", "problem")
            )
        return runs.first()


class LimitKind(models.TextChoices):
    BUDGET = "budget", _("Budget")
    CAPACITY = "capacity", _("Capacity")


class Budget(models.TextChoices):
    """The budget lines a business case's costs fall in (finance.CostKind)."""

    INVESTMENT = "investment", _("Investment")
    RUNNING = "running", _("Running costs")


class ResourcePool(OrgOwned):
    """A named capacity, e.g. project managers, architects or super users (hours per year).

    An internal cost line in hours that names a pool is that initiative's need of it.
    """

    name = models.CharField(_("name"), max_length=80)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unique_pool_per_org")
        ]
        verbose_name = _("resource pool")
        verbose_name_plural = _("resource pools")

    def __str__(self) -> str:
        return self.name


class ScenarioLimit(OrgOwned):
    """The limit per year of one budget line or resource pool in a scenario; empty = no limit."""

    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="limits")
    kind = models.CharField(max_length=8, choices=LimitKind.choices)
    budget = models.CharField(max_length=10, choices=Budget.choices, blank=True)
    pool = models.ForeignKey(ResourcePool, null=True, blank=True, on_delete=models.CASCADE)
    amounts = models.JSONField(default=list)  # one number or None per year

    class Meta:
        ordering = ["kind", "budget", "pool__name"]
        verbose_name = _("limit")
        verbose_name_plural = _("limits")

    @property
    def key(self) -> str:
        return self.budget if self.kind == LimitKind.BUDGET else f"pool-{self.pool_id}"

    @property
    def label(self) -> str:
        return self.get_budget_display() if self.kind == LimitKind.BUDGET else self.pool.name


class EntryDecision(models.TextChoices):
    AUTO = "auto", _("Let the optimiser decide")
    IN = "in", _("Forced in")
    OUT = "out", _("Forced out")


class ScenarioEntry(OrgOwned):
    """How one initiative takes part in a scenario: forced in or out, and its start window."""

    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="entries")
    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="+"
    )
    decision = models.CharField(
        _("decision"), max_length=4, choices=EntryDecision.choices, default=EntryDecision.AUTO
    )
    earliest_year = models.PositiveSmallIntegerField(_("earliest start"), null=True, blank=True)
    latest_year = models.PositiveSmallIntegerField(_("latest start"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["scenario", "initiative"], name="unique_entry_per_scenario"
            )
        ]
        verbose_name = _("initiative setting")
        verbose_name_plural = _("initiative settings")


class RunKind(models.TextChoices):
    SOLVE = "solve", _("Solve")
    FRONTIER = "frontier", _("Efficient frontier")


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting for the worker")
    RUNNING = "running", pgettext_lazy("a solve run", "Running")
    DONE = "done", _("Done")
    STOPPED = "stopped", _("Stopped")
    FAILED = "failed", _("Failed")


class SolveRunQuerySet(OrgQuerySet):
    def pending(self):
        return self.filter(status=RunStatus.QUEUED).order_by("created", "pk")


class SolveRun(OrgOwned):
    """One solve (or frontier) of a scenario, done by the worker, never in a web request.

    `problem` is the exact JSON given to the optimiser, so every result can be reproduced
    with `styr optimize`. `progress` holds the best solution found so far while it runs.
    """

    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="runs")
    kind = models.CharField(max_length=8, choices=RunKind.choices, default=RunKind.SOLVE)
    status = models.CharField(max_length=8, choices=RunStatus.choices, default=RunStatus.QUEUED)
    problem = models.JSONField()
    labels = models.JSONField(default=dict)  # optimiser id -> initiative reference and title
    budget = models.CharField(max_length=40, blank=True)  # the frontier's budget
    points = models.PositiveSmallIntegerField(default=0)
    time_limit = models.PositiveSmallIntegerField(default=30)
    progress = models.JSONField(default=dict)
    result = models.JSONField(null=True, blank=True)
    error = models.TextField(blank=True)
    stop_requested = models.BooleanField(default=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    started = models.DateTimeField(null=True, blank=True)
    finished = models.DateTimeField(null=True, blank=True)
    # How many times a worker died solving it and another started again (the page says so).
    restarts = models.PositiveSmallIntegerField(default=0)

    objects = SolveRunQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]

    @property
    def is_active(self) -> bool:
        return self.status in (RunStatus.QUEUED, RunStatus.RUNNING)

    @property
    def has_plan(self) -> bool:
        """The run ended with a plan (proven optimal or the best found in time)."""
        return bool(self.result) and self.result.get("status") in WITH_PLAN

    @property
    def periods(self) -> list[str]:
        """The problem's periods, read alone where the run came without its problem."""
        if "problem_periods" in self.__dict__:
            return self.problem_periods
        return self.problem["periods"]
