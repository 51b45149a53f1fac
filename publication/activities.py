"""The communication plan's activities as dated work on the yearly cycle and in the owner's
calendar feed (registered with cycle.calendar in PublicationConfig.ready)."""

from __future__ import annotations

import datetime

from django.urls import reverse
from django.utils.translation import gettext as _

from cycle.calendar import Dated

from .models import ActivityStatus, CommunicationActivity


def dated_entries(organisation, start: datetime.date, end: datetime.date) -> list[Dated]:
    activities = (
        CommunicationActivity.objects.for_org(organisation)
        .filter(date__gte=start, date__lte=end)
        .exclude(status=ActivityStatus.CANCELLED)
        .select_related("initiative")
    )
    out = []
    for a in activities:
        if a.strategy_id:
            url = reverse("publication:communication", args=[organisation.slug, a.strategy_id])
        else:
            url = reverse(
                "publication:initiative_communication",
                args=[organisation.slug, a.initiative.number],
            )
        out.append(
            Dated(
                uid=f"communication-{a.pk}",
                date=a.date,
                title=_("%(channel)s: %(audience)s")
                % {"channel": a.get_channel_display(), "audience": a.audience},
                kind=_("Communication"),
                url=url,
                owner_id=a.owner_id,
                description=a.message,
            )
        )
    return out
