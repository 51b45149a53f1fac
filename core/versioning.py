"""Optimistic concurrency and history for every form and API write.

Editable models carry a `version`. A save names the version it was based on; the row is
bumped with a conditional UPDATE (`WHERE version = expected`), so of two people who opened
the same initiative, the second to save is refused instead of silently overwriting the
first — on SQLite and PostgreSQL alike, and across several app servers.
"""

from __future__ import annotations

from django import forms
from django.db import models, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from .models import Change, record_change, snapshot


class StaleObjectError(Exception):
    """The object was changed by someone else after the form was opened."""


STALE_MESSAGE = _(
    "Someone else saved this while you were editing it. Your changes were not saved: "
    "open it again to see the new version, then make your changes."
)


class Versioned(models.Model):
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


class VersionedFormMixin(forms.Form):
    """Adds the hidden `version` the form was opened with."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk and not self.is_bound:
            self.initial["version"] = instance.version


def model_fields(form: forms.ModelForm) -> list[str]:
    opts = form.instance._meta
    names = {f.name for f in opts.get_fields()}
    return [name for name in form.fields if name in names and name != "version"]


def save_versioned(
    form: forms.ModelForm,
    *,
    user,
    expected_version: int | None,
    parent: models.Model | None = None,
    via_api: bool = False,
    prepare=None,
) -> models.Model:
    """Save a valid ModelForm with a version check and a history entry, in one transaction.

    `prepare(instance)` runs before the save for values the form does not carry (the
    organisation, a running number). Raises StaleObjectError when the version is stale.
    """
    instance = form.instance
    fields = model_fields(form)
    model = type(instance)
    with transaction.atomic():
        before = None
        if instance.pk:
            if expected_version is None:
                expected_version = instance.version
            bumped = model.objects.filter(pk=instance.pk, version=expected_version).update(
                version=F("version") + 1
            )
            if not bumped:
                raise StaleObjectError
            before = snapshot(model.objects.get(pk=instance.pk), fields)
            instance.version = expected_version + 1
        if prepare is not None:
            prepare(instance)
        obj = form.save()
        record_change(
            obj=obj,
            user=user,
            action=Change.Action.UPDATED if before is not None else Change.Action.CREATED,
            before=before,
            after=snapshot(obj, fields),
            parent=parent,
            via_api=via_api,
        )
    return obj


def delete_recorded(obj: models.Model, *, user, parent=None, via_api: bool = False) -> None:
    with transaction.atomic():
        record_change(
            obj=obj, user=user, action=Change.Action.DELETED, parent=parent, via_api=via_api
        )
        obj.delete()
