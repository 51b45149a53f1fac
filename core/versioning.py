"""Optimistic concurrency and history for every form and API write.

Editable models carry a `version`. A save names the version it was based on; the row is
bumped with a conditional UPDATE (`WHERE version = expected`), so of two people who opened
the same initiative, the second to save is refused instead of silently overwriting the
first — on SQLite and PostgreSQL alike, and across several app servers.
"""

from __future__ import annotations

from django import forms
from django.db import models, transaction
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from .models import Change, record_change, snapshot


class StaleObjectError(Exception):
    """The object was changed by someone else after the form was opened."""


STALE_MESSAGE = _(
    "Someone else saved this while you were editing it. Your changes were not saved: "
    "open it again to see the new version, then make your changes."
)


MISSING_MESSAGE = _(
    "The page did not say which version you changed, so nothing was saved. Open it again "
    "and make your changes."
)


def required_version_field() -> forms.IntegerField:
    """The hidden version of the object a form changes, never optional."""
    return forms.IntegerField(
        widget=forms.HiddenInput, error_messages={"required": MISSING_MESSAGE}
    )


def refused_as_stale(form: forms.Form) -> int:
    """A web form saved from an outdated page: put the reason on the form and answer with
    409 Conflict, so the person sees what happened and nothing of theirs is lost."""
    form.add_error(None, STALE_MESSAGE)
    return 409


class Versioned(models.Model):
    """A row that carries a version, bumped by every save (optimistic concurrency)."""

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    def claim(
        self, expected_version: int | None = None, *, only_if: Q | None = None, **values
    ) -> None:
        """Bump the row's version, and set `values`, with one conditional UPDATE.

        Refuses with StaleObjectError when the row is no longer at `expected_version` (a
        save based on an outdated page) or no longer matches `only_if` (e.g. the stage a
        decision was opened on). The only place a version is claimed.
        """
        rows = type(self)._base_manager.filter(pk=self.pk)
        if expected_version is not None:
            rows = rows.filter(version=expected_version)
        if only_if is not None:
            rows = rows.filter(only_if)
        if not rows.update(version=F("version") + 1, **values):
            raise StaleObjectError
        for name, value in values.items():
            setattr(self, name, value)
        if expected_version is not None:
            self.version = expected_version + 1
        else:
            self.refresh_from_db(fields=["version"])

    def claim_edit(self, expected_version: int | None, **values) -> None:
        """Claim for a person's change, which must name the version it was based on: a
        change that does not is refused like a stale one (it cannot be checked)."""
        if expected_version is None:
            raise StaleObjectError
        self.claim(expected_version, **values)


class VersionedFormMixin(forms.Form):
    """Adds the hidden `version` the form was opened with."""

    version = forms.IntegerField(
        widget=forms.HiddenInput, required=False, error_messages={"required": MISSING_MESSAGE}
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk:
            # A change to something that exists names the version it was based on.
            self.fields["version"].required = True
            if not self.is_bound:
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
            instance.claim_edit(expected_version)
            before = snapshot(model.objects.get(pk=instance.pk), fields)
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
