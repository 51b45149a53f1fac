"""Workflows of the strategy that span models: recording goal measurements (by hand, from
the template, through the API, or computed from Styr's own data by a periodic job)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction
from django_tasks import task

from core.models import Change, record_change

from .models import FocusAreaGoal, GoalMeasurement, MeasurementOrigin

# A computed goal gets a new measurement when its newest is this old.
COMPUTED_EVERY_DAYS = 7


def record_goal_measurements(
    measurements: list[GoalMeasurement], *, user, origin: str = MeasurementOrigin.HAND
) -> list[GoalMeasurement]:
    """Save measurements all or nothing; one on a day a goal already has replaces it (the
    last word on a day counts). Each lands in its goal's strategy history."""
    saved = []
    with transaction.atomic():
        for m in measurements:
            obj, created = GoalMeasurement.objects.update_or_create(
                goal=m.goal,
                measured_on=m.measured_on,
                defaults={
                    "organisation_id": m.goal.organisation_id,
                    "value": m.value,
                    "note": m.note,
                    "origin": origin,
                    "recorded_by": user,
                },
            )
            record_change(
                obj=obj,
                user=user,
                action=Change.Action.CREATED if created else Change.Action.UPDATED,
                after={"value": str(obj.value), "measured_on": obj.measured_on.isoformat()},
                parent=m.goal.focus_area.strategy,
            )
            saved.append(obj)
    return saved


def measure_computed(goals, *, today: datetime.date | None = None) -> int:
    """Record today's value of every goal with a source whose newest measurement is older
    than COMPUTED_EVERY_DAYS (or missing). Returns how many were recorded."""
    today = today or datetime.date.today()
    recent = today - datetime.timedelta(days=COMPUTED_EVERY_DAYS)
    due = (
        goals.exclude(source="")
        .exclude(measurements__measured_on__gt=recent)
        .select_related("focus_area__strategy", "organisation")
    )
    recorded = []
    for goal in due:
        value = goal.current
        if value is None:
            continue
        recorded.append(
            GoalMeasurement(goal=goal, measured_on=today, value=Decimal(str(round(value, 2))))
        )
    record_goal_measurements(recorded, user=None, origin=MeasurementOrigin.COMPUTED)
    return len(recorded)


@task()
def measure_goals() -> int:
    """The periodic job (settings.STYR_PERIODIC_JOBS): goals measured by Styr's own data get
    a measurement a week, so their trend is followed without anyone typing it."""
    return measure_computed(FocusAreaGoal.objects.all())
