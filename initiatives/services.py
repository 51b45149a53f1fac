"""Saving an initiative: version check, number, tags, many-to-many links and history,
all in one transaction (initiative, tags and history rows change together)."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import Max

from core.versioning import save_versioned

from .forms import InitiativeForm
from .models import Initiative


def save_initiative(
    *, form: InitiativeForm, user, expected_version: int | None, via_api: bool = False
) -> Initiative:
    is_new = form.instance.pk is None

    def prepare(initiative: Initiative) -> None:
        if is_new:
            initiative.organisation = form.organisation
            initiative.created_by = user if getattr(user, "is_authenticated", False) else None
            # Numbers are per organisation; the unique constraint catches a race, retried below.
            last = Initiative.objects.for_org(form.organisation).aggregate(m=Max("number"))["m"]
            initiative.number = (last or 0) + 1

    for attempt in range(3):
        try:
            with transaction.atomic():
                initiative = save_versioned(
                    form,
                    user=user,
                    expected_version=expected_version,
                    via_api=via_api,
                    prepare=prepare,
                )
                form.save_tags(initiative)
                return initiative
        except IntegrityError:
            if not is_new or attempt == 2:
                raise
            form.instance.pk = None
    raise AssertionError("unreachable")
