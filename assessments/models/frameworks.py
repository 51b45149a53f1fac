"""Frameworks: dimensions of statements scored 1–5 (plus "don't know") and free-text
questions. A framework used by a round is never changed again: a change makes a new
version, so every round keeps the version it was run with."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import OrgOwned, OrgQuerySet


class FrameworkQuerySet(OrgQuerySet):
    def current(self):
        """The frameworks the office works with: not replaced by a newer version."""
        return self.filter(replaced_by__isnull=True)


class Framework(OrgOwned):
    """A set of dimensions to assess, in one language. `key` and `version` name a framework
    shipped with Styr (assessments.library) while it is unchanged: only such rounds enter
    the benchmark across municipalities. `lineage` is shared by all versions of one
    framework, so a round is compared with the previous round of the same framework."""

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    key = models.CharField(max_length=40, blank=True, editable=False)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    lineage = models.CharField(max_length=60, editable=False)
    levels = models.JSONField(_("the five levels"), default=list)
    per_initiative = models.BooleanField(
        _("asked about one initiative"),
        default=False,
        help_text=_("A readiness framework: its rounds are about one change."),
    )
    previous = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaced_by",
        editable=False,
    )
    created = models.DateTimeField(auto_now_add=True)

    objects = FrameworkQuerySet.as_manager()

    class Meta:
        ordering = ["name", "-version"]
        verbose_name = _("framework")
        verbose_name_plural = _("frameworks")

    def __str__(self) -> str:
        return f"{self.name} (v{self.version})"

    @property
    def shipped(self) -> bool:
        return bool(self.key)

    def is_used(self) -> bool:
        return self.rounds.exists()

    def level_labels(self) -> list[tuple[int, str]]:
        return list(enumerate(self.levels, start=1))


class Dimension(OrgOwned):
    """One dimension of a framework (e.g. "Top management takes ownership")."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="dimensions")
    key = models.SlugField(max_length=60)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("dimension")
        verbose_name_plural = _("dimensions")

    def __str__(self) -> str:
        return self.name


class Statement(OrgOwned):
    """A statement a respondent scores 1–5 or answers "don't know"."""

    dimension = models.ForeignKey(Dimension, on_delete=models.CASCADE, related_name="statements")
    text = models.CharField(_("statement"), max_length=300)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")

    def __str__(self) -> str:
        return self.text


class Question(OrgOwned):
    """An optional free-text question at the end of the framework."""

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("question"), max_length=300)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text
