"""Workflows that write a benefit together with its plan or measurements, in one
transaction and with a history entry on the benefit."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction
from django_tasks import task

from core.models import Change, record_change
from finance.models import BusinessCase
from organisations.models import Organisation

from .models import Benefit, Measurement, MeasurementSource, PlannedValue
from .portfolio import store_figures


def save_plan(
    *,
    benefit: Benefit,
    plan: list[tuple[datetime.date, Decimal | float]],
    user=None,
    expected_version: int | None = None,
) -> None:
    """Replace the benefit's planned profile. With `expected_version`, refuse a stale save."""
    with transaction.atomic():
        if expected_version is not None:
            benefit.claim(expected_version)
        before = [f"{p.period:%Y-%m}: {p.value}" for p in benefit.plan.all()]
        benefit.plan.all().delete()
        PlannedValue.objects.bulk_create(
            PlannedValue(
                organisation_id=benefit.organisation_id,
                benefit=benefit,
                period=period,
                value=Decimal(str(round(value, 2))),
            )
            for period, value in plan
        )
        benefit.store_figures()
        if user is not None:
            after = [f"{p:%Y-%m}: {Decimal(str(round(v, 2)))}" for p, v in plan]
            record_change(
                obj=benefit,
                user=user,
                action=Change.Action.UPDATED,
                before={"plan": before},
                after={"plan": after},
            )


def record_measurement(
    *, form, benefit: Benefit, user, source: str = MeasurementSource.FORM
) -> Measurement:
    with transaction.atomic():
        measurement = form.save(commit=False)
        measurement.organisation_id = benefit.organisation_id
        measurement.benefit = benefit
        measurement.source = source
        measurement.recorded_by = user if getattr(user, "is_authenticated", False) else None
        measurement.save()
        record_change(
            obj=measurement,
            user=user,
            action=Change.Action.CREATED,
            after={"measured_on": str(measurement.measured_on), "value": str(measurement.value)},
            parent=benefit,
            via_api=source == MeasurementSource.API,
        )
    return measurement


@task()
def store_missing_figures() -> int:
    """The periodic job (settings.STYR_PERIODIC_JOBS) that stores the figures of business
    cases and benefits that have none: rows written before figures were stored (an
    installation upgraded past migrations finance 0004 / benefits 0005) or loaded in bulk.
    Lists compute such rows on every request; stored, they read them. Returns how many."""
    done = BusinessCase.objects.stale_figures().store_figures()
    missing = Benefit.objects.filter(stored_figures__isnull=True)
    for org in Organisation.objects.filter(pk__in=missing.values("organisation_id")):
        done += store_figures(org, missing.filter(organisation=org).values_list("pk", flat=True))
    return done
