"""Submitting a status report: the report, the dues it fulfils and the next due, together."""

from __future__ import annotations

import datetime

from django.db import transaction

from core.models import Change, record_change

from .models import LIGHTS, StatusDue, StatusReport

# A report fulfils the dues up to this many days after its date: a report written a few
# weeks before a quarterly deadline counts for it.
FULFILS_DAYS = 31


def submit_report(
    *, report: StatusReport, user, next_due: datetime.date | None = None
) -> StatusReport:
    with transaction.atomic():
        report.author = user
        report.save()
        limit = report.reported_on + datetime.timedelta(days=FULFILS_DAYS)
        StatusDue.objects.filter(
            initiative=report.initiative, report__isnull=True, due_on__lte=limit
        ).update(report=report)
        if next_due:
            StatusDue.objects.get_or_create(
                organisation=report.organisation,
                initiative=report.initiative,
                due_on=next_due,
            )
        record_change(
            obj=report,
            user=user,
            action=Change.Action.CREATED,
            after={name: getattr(report, name) for name in LIGHTS},
            parent=report.initiative,
        )
    return report
