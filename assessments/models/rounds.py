"""Rounds of an assessment, who is asked (groups, named links, open links), and the
initiatives created from a round's findings."""

from __future__ import annotations

import datetime
import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import OrgOwned, OrgQuerySet
from core.versioning import Versioned

from ..scoring import DEFAULT_THRESHOLD, MIN_THRESHOLD, Summary, summarise


def new_token() -> str:
    return secrets.token_urlsafe(24)


class RespondentGroup(OrgOwned):
    """A group respondents answer as (executive, middle manager, employee, or the office's
    own). Leader groups are compared with the others: seed 004 says middle managers decide
    whether ownership at the top reaches the staff."""

    name = models.CharField(_("name"), max_length=80)
    leader = models.BooleanField(_("a group of leaders"), default=False)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unique_group_per_org")
        ]
        verbose_name = _("respondent group")
        verbose_name_plural = _("respondent groups")

    def __str__(self) -> str:
        return self.name


class Scope(models.TextChoices):
    ORGANISATION = "organisation", _("The whole organisation")
    DEPARTMENTS = "departments", _("Chosen departments")
    INITIATIVE = "initiative", _("One initiative")


class RoundQuerySet(OrgQuerySet):
    def open_on(self, day: datetime.date):
        return self.filter(opens_on__lte=day, closes_on__gte=day)

    def readiness_of(self, initiative) -> Round | None:
        """The newest readiness round about the initiative, else about a department that
        owns one of its benefits: what the stage gate's readiness point shows. Reached
        from the gate through `initiative.assessment_rounds` (governance is a layer below)."""
        rounds = Round.objects.for_org(initiative.organisation).filter(
            framework__per_initiative=True
        )
        own = rounds.filter(initiative=initiative).order_by("-opens_on", "-pk").first()
        if own is not None:
            return own
        departments = initiative.benefits.values("department")
        return (
            rounds.filter(scope=Scope.DEPARTMENTS, departments__in=departments)
            .order_by("-opens_on", "-pk")
            .first()
        )


class Round(OrgOwned, Versioned):
    """One round of an assessment: a framework version asked of a scope (the whole
    organisation, chosen departments or those affected by one initiative) between two
    dates. Results of a department or group with fewer responses than the threshold are
    never shown; an organisation may share a round's results in the benchmark."""

    framework = models.ForeignKey(
        "assessments.Framework",
        verbose_name=_("framework"),
        on_delete=models.PROTECT,
        related_name="rounds",
    )
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Shown to respondents before the first statement: why we ask, and how."),
    )
    scope = models.CharField(
        _("who is asked"), max_length=15, choices=Scope.choices, default=Scope.ORGANISATION
    )
    departments = models.ManyToManyField(
        "organisations.Department",
        verbose_name=_("departments"),
        blank=True,
        related_name="+",
        help_text=_("The departments respondents answer for."),
    )
    initiative = models.ForeignKey(
        "initiatives.Initiative",
        verbose_name=_("initiative"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assessment_rounds",
    )
    groups = models.ManyToManyField(
        RespondentGroup, verbose_name=_("respondent groups"), related_name="+"
    )
    opens_on = models.DateField(_("opens"))
    closes_on = models.DateField(_("closes"))
    threshold = models.PositiveSmallIntegerField(
        _("anonymity threshold"),
        default=DEFAULT_THRESHOLD,
        validators=[MinValueValidator(MIN_THRESHOLD), MaxValueValidator(100)],
        help_text=_(
            "Results of a department or group with fewer answers are not shown. At least 3."
        ),
    )
    shared = models.BooleanField(
        _("share the results in the benchmark"),
        default=False,
        help_text=_(
            "Other municipalities see only the median and quartiles of at least five "
            "municipalities, never which."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    objects = RoundQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_on", "-pk"]
        verbose_name = _("assessment round")
        verbose_name_plural = _("assessment rounds")

    def __str__(self) -> str:
        return self.title

    def is_open(self, day: datetime.date | None = None) -> bool:
        day = day or datetime.date.today()
        return self.opens_on <= day <= self.closes_on

    def state(self, day: datetime.date | None = None) -> str:
        day = day or datetime.date.today()
        if day < self.opens_on:
            return "upcoming"
        return "open" if day <= self.closes_on else "closed"

    def get_state_display(self) -> str:
        return str(ROUND_STATES[self.state()])

    @property
    def min_answers(self) -> int:
        """The fewest answers a department, group or the round needs to be shown."""
        return max(self.threshold, MIN_THRESHOLD)

    def score(self) -> Summary | None:
        """The mean of all answers to all statements, or None below the threshold: the
        figure the stage gate's readiness point shows."""
        if self.responses.count() < self.min_answers:
            return None
        counts = self.tallies.values_list("level").annotate(n=models.Sum("count")).order_by()
        return summarise(dict(counts))


ROUND_STATES = {"upcoming": _("Not open yet"), "open": _("Open"), "closed": _("Closed")}


class Invitation(OrgOwned):
    """A one-time link sent to one person. It records that it was used, never which
    answer it gave (the answer is stored without it)."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="invitations")
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"))
    department = models.ForeignKey(
        "organisations.Department",
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    group = models.ForeignKey(
        RespondentGroup, verbose_name=_("group"), on_delete=models.PROTECT, related_name="+"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    used = models.BooleanField(default=False)
    sent_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    # A sender holds the invitation until then: two workers never send it at once.
    sending_until = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["email"]
        constraints = [models.UniqueConstraint(fields=["round", "email"], name="unique_invitation")]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return self.email


class OpenLink(OrgOwned):
    """A link shared with a department and group (on the intranet, in a meeting): anyone
    holding it may answer once per browser, as that department and group."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="open_links")
    department = models.ForeignKey(
        "organisations.Department",
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    group = models.ForeignKey(
        RespondentGroup, verbose_name=_("group"), on_delete=models.PROTECT, related_name="+"
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)

    class Meta:
        ordering = ["department__name", "group__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "department", "group"], name="unique_open_link"
            )
        ]
        verbose_name = _("open link")
        verbose_name_plural = _("open links")

    def __str__(self) -> str:
        return f"{self.department} · {self.group}"


class Finding(OrgOwned):
    """An initiative created from a round's weak dimension: both pages show the link."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="findings")
    dimension = models.ForeignKey(
        "assessments.Dimension", on_delete=models.CASCADE, related_name="+"
    )
    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="assessment_findings"
    )
    text = models.TextField(_("finding"))
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("finding")
        verbose_name_plural = _("findings")

    def __str__(self) -> str:
        return f"{self.round} · {self.dimension}"
