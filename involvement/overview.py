"""What the overview page and the change agents' page show, summed in the database: hours
lost by department × system, what was fixed and the hours won back, the most-voted open
items, the share answered on time per month and department, and each change agent's work."""

from __future__ import annotations

import datetime

from django.db.models import Count, F, Q, Sum
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core.charts import heat_map
from core.l10n import whole
from organisations.models import Department

from . import figures
from .models import ChangeAgent, Item, Kind, Resolution, Status

MONTHS = 12


def systems(org) -> list[str]:
    return list(
        Item.objects.for_org(org)
        .exclude(system="")
        .values_list("system", flat=True)
        .distinct()
        .order_by("system")[:200]
    )


def on_time(org, *, today: datetime.date | None = None, months: int = MONTHS, kind: str = ""):
    """[(year, month)], departments, {(year, month): {department id: (on time, due)}} for
    the last `months` months of due dates."""
    today = today or datetime.date.today()
    start = (today.replace(day=1) - datetime.timedelta(days=31 * (months - 1))).replace(day=1)
    items = Item.objects.for_org(org).filter(kind=kind) if kind else Item.objects.for_org(org)
    # figures.on_time_share's rule, counted by the database per due date and department
    # (a year of ~10,000 items read into Python was most of the page's time), the days
    # summed to months here (SQLite truncates a date to its month in Python, row by row).
    # A test holds the two equal on random items.
    rows = (
        items.filter(due_on__gte=start, due_on__lte=today)
        .exclude(resolution=Resolution.MERGED)
        .filter(Q(answered_on__isnull=False) | Q(due_on__lt=today))
        .values_list("due_on", "department_id")
        .annotate(
            on=Count("pk", filter=Q(answered_on__lte=F("due_on"))),
            due=Count("pk"),
        )
        .order_by()
    )
    shares: dict[tuple[int, int], dict] = {}
    for day, department, on, due in rows:
        cells = shares.setdefault((day.year, day.month), {})
        before_on, before_due = cells.get(department, (0, 0))
        cells[department] = (before_on + on, before_due + due)
    keys = sorted(shares)
    return keys, shares


def on_time_total(org, *, today: datetime.date | None = None, kind: str = "") -> float | None:
    """The share answered on time over the last twelve months."""
    return total_of(on_time(org, today=today, kind=kind)[1])


def total_of(shares) -> float | None:
    on, due = 0, 0
    for per_department in shares.values():
        for a, b in per_department.values():
            on, due = on + a, due + b
    return figures.share(on, due)


def page(org) -> dict:
    hassles = (
        Item.objects.for_org(org).filter(kind=Kind.HASSLE).exclude(resolution=Resolution.MERGED)
    )
    cells = list(
        hassles.exclude(status=Status.ANSWERED, resolution=Resolution.FIXED)
        .values_list("department__name", "system")
        .annotate(hours=Sum("hours"), n=Count("pk"))
        .order_by()
    )
    departments = sorted({d or _("No department") for d, _s, _h, _n in cells})
    systems_ = sorted({s or _("Not named") for _d, s, _h, _n in cells})
    grid = {(d or _("No department"), s or _("Not named")): (h, n) for d, s, h, n in cells}
    top_systems = sorted(
        systems_, key=lambda s: -sum(grid.get((d, s), (0, 0))[0] for d in departments)
    )[:12]
    heat = (
        heat_map(
            departments,
            top_systems,
            [[grid.get((d, s), (0, 0))[0] for s in top_systems] for d in departments],
            title=_("Hours lost a year, by department and system"),
            value_format=lambda v: whole(v),
        )
        if cells
        else ""
    )
    fixed = hassles.filter(resolution=Resolution.FIXED).aggregate(n=Count("pk"), hours=Sum("hours"))
    keys, shares = on_time(org)
    names = dict(Department.objects.for_org(org).values_list("pk", "name"))
    department_ids = sorted(
        {d for per in shares.values() for d in per}, key=lambda d: names.get(d, "")
    )
    on_time_rows = [
        (
            datetime.date(year, month, 1),
            [
                (figures.share(*per[d]) if d in per else None, per.get(d, (0, 0))[1])
                for d in department_ids
            ],
            figures.share(sum(a for a, _b in per.values()), sum(b for _a, b in per.values())),
        )
        for (year, month), per in ((k, shares[k]) for k in keys)
    ]
    return {
        "heat": mark_safe(heat),  # built from escaped text in core.charts  # noqa: S308
        "systems": top_systems,
        "heat_rows": [(d, [grid.get((d, s), (0, 0))[0] for s in top_systems]) for d in departments],
        "fixed": fixed["n"],
        "won_back": fixed["hours"] or 0,
        "top": Item.objects.for_org(org).open().filter(votes__gt=0).order_by("-votes", "pk")[:10],
        "on_time_departments": [names.get(d, _("No department")) for d in department_ids],
        "on_time_rows": on_time_rows,
        "on_time_total": total_of(shares),
    }


def agents(org) -> list[tuple]:
    """(change agent, department, items handled) per agent and department."""
    handled = {
        (user, department): n
        for user, department, n in Item.objects.for_org(org)
        .filter(answered_by__isnull=False)
        .values_list("answered_by_id", "department_id")
        .annotate(n=Count("pk"))
        .order_by()
    }
    return [
        (a, handled.get((a.user_id, a.department_id), 0))
        for a in ChangeAgent.objects.for_org(org)
        .select_related("user", "department")
        .order_by("department__name", "user__name")
    ]


def hassles_on_time_percent(org) -> float | None:
    """For a focus area's measurable goal: hassles answered by their due date, in %."""
    value = on_time_total(org, kind=Kind.HASSLE)
    return None if value is None else value * 100
