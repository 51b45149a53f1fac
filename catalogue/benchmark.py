"""The benchmark between organisations that opt in (Organisation.shares_benchmark): four
key figures per organisation, computed in the database for all participants at once, and
their median and quartiles across them — shown only from MIN_ORGANISATIONS participants
up, never named. Cached for CACHE_SECONDS (the figures move slowly).

- **Joint-public share**: the active initiatives that are joint-public or joint-municipal.
- **Benefits harvested**: of the harvest planned for budget years up to this one, the share
  in the adopted budget.
- **Status reports on time**: of the reports due in the last year, the share made by the
  due day.
- **Days from idea to decision**: per initiative registered in the last three years, the
  days from its registration to the first decision about it (approval or a gate); the
  organisation's median.
"""

from __future__ import annotations

import datetime
import statistics
from collections import defaultdict
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, F, Min, Q, Sum
from django.utils.translation import gettext_lazy as _

from benefits.models import Harvest, HarvestStatus
from governance.models import DecisionKind
from initiatives.models import Initiative
from initiatives.tracks import ACTIVE_STAGES, JOINT_SOURCES
from organisations.models import Organisation
from reporting.models import StatusDue

MIN_ORGANISATIONS = 5
CACHE_SECONDS = 600

FIGURES = (
    ("joint_share", _("Joint-public share of the portfolio"), "percent"),
    ("harvested", _("Planned benefits harvested in the budget"), "percent"),
    ("on_time", _("Status reports on time"), "percent"),
    ("idea_days", _("Days from idea to decision (median)"), "days"),
)


@dataclass(frozen=True)
class Row:
    key: str
    label: object
    unit: str
    own: float | None
    median: float | None
    low: float | None  # first quartile
    high: float | None  # third quartile
    organisations: int


def _shares(rows, part: str, whole: str) -> dict[int, float]:
    return {r["organisation"]: r[part] / r[whole] for r in rows if r[whole]}


def figures(org_ids: list[int], today: datetime.date) -> dict[str, dict[int, float]]:
    """Each figure for each organisation in `org_ids`: four aggregate queries."""
    joint = (
        Initiative.objects.filter(organisation__in=org_ids, stage__in=ACTIVE_STAGES)
        .values("organisation")
        .annotate(total=Count("id"), joint=Count("id", filter=Q(source__in=JOINT_SOURCES)))
        .order_by()
    )
    harvest = (
        Harvest.objects.filter(organisation__in=org_ids, budget_year__lte=today.year)
        .values("organisation")
        .annotate(
            total=Sum("amount"),
            adopted=Sum("amount", filter=Q(status=HarvestStatus.ADOPTED)),
        )
        .order_by()
    )
    dues = (
        StatusDue.objects.filter(
            organisation__in=org_ids,
            due_on__lt=today,
            due_on__gte=today - datetime.timedelta(days=365),
        )
        .values("organisation")
        .annotate(
            total=Count("id"),
            on_time=Count(
                "id",
                filter=Q(report__isnull=False, report__reported_on__lte=F("due_on")),
            ),
        )
        .order_by()
    )
    firsts = (
        Initiative.objects.filter(
            organisation__in=org_ids,
            created__date__gte=today - datetime.timedelta(days=3 * 365),
        )
        .annotate(
            first=Min(
                "decisions__decided_on",
                filter=Q(
                    decisions__kind__in=[DecisionKind.APPROVE_INITIATIVE, DecisionKind.PASS_GATE]
                ),
            )
        )
        .filter(first__isnull=False)
        .values_list("organisation", "created", "first")
    )
    days: dict[int, list[int]] = defaultdict(list)
    for org_id, created, first in firsts:
        days[org_id].append(max(0, (first - created.date()).days))
    return {
        "joint_share": {r["organisation"]: r["joint"] / r["total"] for r in joint if r["total"]},
        "harvested": {
            r["organisation"]: float(r["adopted"] or 0) / float(r["total"])
            for r in harvest
            if r["total"]
        },
        "on_time": _shares(dues, "on_time", "total"),
        "idea_days": {org: float(statistics.median(d)) for org, d in days.items()},
    }


def _spread(values: list[float]) -> tuple[float, float, float]:
    if len(values) == 1:
        return values[0], values[0], values[0]
    low, median, high = statistics.quantiles(values, n=4, method="inclusive")
    return median, low, high


def participants() -> list[int]:
    return list(Organisation.objects.filter(shares_benchmark=True).values_list("pk", flat=True))


def rows(organisation, today: datetime.date | None = None) -> list[Row] | None:
    """The benchmark as `organisation` sees it, or None when fewer than MIN_ORGANISATIONS
    share (then nothing of anyone else is shown)."""
    today = today or datetime.date.today()
    ids = participants()
    if len(ids) < MIN_ORGANISATIONS:
        return None
    key = f"catalogue-benchmark:{today.isoformat()}:{len(ids)}:{hash(tuple(sorted(ids)))}"
    everyone = cache.get(key)
    if everyone is None:
        everyone = figures(ids, today)
        cache.set(key, everyone, CACHE_SECONDS)
    own = figures([organisation.pk], today)
    out = []
    for name, label, unit in FIGURES:
        values = sorted(everyone[name].values())
        enough = len(values) >= MIN_ORGANISATIONS
        median, low, high = _spread(values) if enough else (None, None, None)
        out.append(
            Row(
                name,
                label,
                unit,
                own[name].get(organisation.pk),
                median,
                low,
                high,
                len(values),
            )
        )
    return out
