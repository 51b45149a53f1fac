"""Shared building blocks: the tenant-owned base model and the change history."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.encoding import force_str
from django.utils.formats import date_format
from django.utils.hashable import make_hashable
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core import forms
from core.l10n import separators
from core.numbers import format_number


class OrgQuerySet(models.QuerySet):
    def for_org(self, organisation) -> OrgQuerySet:
        """Rows of one municipality only: every tenant lookup starts here."""
        return self.filter(organisation=organisation)


class DecimalField(models.DecimalField):
    """A decimal column whose form field reads and shows numbers the user's way
    (core.forms.DecimalField: "40.000" is forty thousand in Danish)."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": forms.DecimalField, **kwargs})


class OrgOwned(models.Model):
    """A row that belongs to one municipality.

    Every tenant-owned model inherits this so that a lookup written as
    `Model.objects.for_org(org).get(...)` makes another municipality's row a 404 by
    construction, whatever the URL says.
    """

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="+"
    )

    objects = OrgQuerySet.as_manager()

    class Meta:
        abstract = True

    def _get_FIELD_display(self, field):  # noqa: N802 (Django's name)
        """get_<field>_display() from the field's choices translated once per language,
        not looked up again on every call as Django does: a list of 300 initiatives asks
        for 600 labels, and each lazy translation reads the active language anew."""
        per_language = field.__dict__.setdefault("_styr_labels", {})
        language = get_language()
        labels = per_language.get(language)
        if labels is None:
            labels = per_language[language] = {
                key: str(label) for key, label in make_hashable(field.flatchoices)
            }
        value = getattr(self, field.attname)
        return force_str(labels.get(make_hashable(value), value), strings_only=True)


class Change(models.Model):
    """One recorded change to a strategy, an initiative or a part of them.

    `changes` maps a field name to `[old, new]`: related rows as the user saw them (so the
    history reads the same after they are renamed or deleted), choices as their stored
    value. Labels and choices are translated when shown, in the reader's language.
    """

    class Action(models.TextChoices):
        CREATED = "created", _("Created")
        UPDATED = "updated", _("Updated")
        DELETED = "deleted", _("Deleted")

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    object_repr = models.CharField(max_length=300)
    # The page whose history shows this change (a theme's change shows on its strategy).
    parent_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", null=True, blank=True
    )
    parent_id = models.PositiveBigIntegerField(null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    via_api = models.BooleanField(default=False)
    action = models.CharField(max_length=10, choices=Action.choices)
    changes = models.JSONField(default=dict, blank=True)
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [
            models.Index(fields=["parent_type", "parent_id", "-created"]),
            models.Index(fields=["content_type", "object_id", "-created"]),
        ]
        verbose_name = _("change")
        verbose_name_plural = _("changes")

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.object_repr}"

    def entries(self) -> list[tuple[str, Any, Any]]:
        """(label, old, new) for each changed field, in the reader's language."""
        model = self.content_type.model_class()
        rows = []
        for name, (old, new) in self.changes.items():
            label, choices = name, {}
            try:
                field = model._meta.get_field(name)
                if field.auto_created and not field.concrete:  # a reverse relation
                    label = str(field.related_model._meta.verbose_name_plural)
                else:
                    label = str(field.verbose_name)
                choices = {str(k): str(v) for k, v in (getattr(field, "choices", None) or [])}
            except FieldDoesNotExist:  # a field removed since; show its stored name
                pass
            kind = field_kind(model, name)
            rows.append(
                (
                    label,
                    readable(choices.get(str(old), old), kind),
                    readable(choices.get(str(new), new), kind),
                )
            )
        return rows

    @classmethod
    def for_page(cls, obj: models.Model) -> models.QuerySet[Change]:
        ct = ContentType.objects.get_for_model(obj)
        return (
            cls.objects.filter(
                models.Q(parent_type=ct, parent_id=obj.pk)
                | models.Q(content_type=ct, object_id=obj.pk)
            )
            .select_related("user", "content_type")
            .order_by("-created", "-id")
        )


def field_kind(model, name: str) -> str:
    """ "date", "datetime", "number" or "" for a field of the model (gone fields: "")."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return ""
    if isinstance(field, models.DateTimeField):
        return "datetime"
    if isinstance(field, models.DateField):
        return "date"
    if isinstance(field, models.DecimalField | models.FloatField) and not field.choices:
        return "number"
    return ""


def readable(value: Any, kind: str = "") -> str:
    """A stored history value as a person reads it: dates and numbers in the reader's
    format, yes/no, lists as words ("Investering: 3.000.000, —"), never Python syntax."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, list | tuple):
        if value and all(isinstance(v, list | tuple) for v in value):
            return "; ".join(readable(v) for v in value)
        words = [readable(v) for v in value]
        if len(words) > 1 and isinstance(value[0], str) and isinstance(value[-1], list | tuple):
            return f"{words[0]}: {', '.join(w for w in words[1:] if w)}"
        return ", ".join(w if w else "—" for w in words)
    if isinstance(value, int):
        return str(value)  # years, counts and positions: no thousands grouping
    if isinstance(value, float | Decimal):
        return format_number(value, decimals=None, **separators())
    text = str(value)
    if kind == "date" and (day := parse_date(text)):
        return date_format(day, "SHORT_DATE_FORMAT")
    if kind == "datetime" and (moment := parse_datetime(text)):
        return date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")
    if kind == "number":
        try:
            return format_number(Decimal(text), decimals=None, **separators())
        except (ArithmeticError, ValueError):
            return text
    return text


def display_value(obj: models.Model, field_name: str) -> Any:
    """The value of a field as a person reads it, for the history."""
    field = obj._meta.get_field(field_name)
    if field.many_to_many:
        if obj.pk is None:
            return []
        return sorted(str(o) for o in getattr(obj, field_name).all())
    value = getattr(obj, field_name)
    if value is None:
        return ""
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, (int, float, bool, str)):
        return value
    return str(value)


def snapshot(obj: models.Model, fields: list[str]) -> dict[str, Any]:
    return {name: display_value(obj, name) for name in fields}


def record_change(
    *,
    obj: models.Model,
    user,
    action: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    parent: models.Model | None = None,
    via_api: bool = False,
) -> Change | None:
    """Store what changed between two snapshots; nothing is stored when nothing changed."""
    before = before or {}
    after = after or {}
    diff: dict[str, list[Any]] = {}
    for name in sorted(set(before) | set(after)):
        old, new = before.get(name, ""), after.get(name, "")
        if old != new:
            diff[name] = [old, new]
    if action == Change.Action.UPDATED and not diff:
        return None
    parent_type = ContentType.objects.get_for_model(parent) if parent is not None else None
    return Change.objects.create(
        organisation_id=obj.organisation_id,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        object_repr=str(obj)[:300],
        parent_type=parent_type,
        parent_id=parent.pk if parent is not None else None,
        user=user if getattr(user, "is_authenticated", False) else None,
        via_api=via_api,
        action=action,
        changes=diff,
    )
