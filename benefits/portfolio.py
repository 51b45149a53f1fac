"""The portfolio's benefits at a glance: planned against realised per year and per track,
the lagging benefits and the due measurements.

Reads every benefit, planned value and measurement of the organisation in three flat
queries (no model instances), so the page costs the same number of queries however large
the portfolio is, and computes with realisation.py.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.db.models import CharField, FloatField, Func
from django.db.models.functions import Cast

from initiatives.models import reference
from initiatives.tracks import ACTIVE_STAGES, Track

from . import realisation
from .models import FIGURE_FIELDS, Benefit, Measurement, PlannedValue, figures_of


@dataclass
class Row:
    """One benefit as the portfolio lists it."""

    id: int
    title: str
    initiative_number: int
    initiative_title: str
    track: str
    owner_id: int | None
    owner_name: str
    indicator: str
    unit: str
    status: realisation.Status
    planned_by_year: dict[int, float]
    realised_by_year: dict[int, float]

    @property
    def reference(self) -> str:
        return f"G-{self.id}"

    @property
    def initiative_reference(self) -> str:
        return reference(self.initiative_number)


@dataclass
class Overview:
    rows: list[Row]
    years: list[int]
    planned: list[float]
    realised: list[float | None]  # None for years that have not begun
    by_track: list[tuple[str, int, int, float, float]]
    lagging: list[Row]
    due: list[Row]


class AsFloat(Cast):
    """CAST(value AS a float type), which both databases return as a Python float: without
    Django's per-row float() converter (25 ms for the 8,000 values of a 300-benefit
    portfolio on PostgreSQL)."""

    def __init__(self, expression):
        super().__init__(expression, FloatField())

    @property
    def convert_value(self):
        return self._convert_value_noop


class AsIs(Func):
    """A date column without Django's converter per row: as text on SQLite (CAST, so that
    the driver's converter for columns declared "date" does not run either), as the
    driver's date on PostgreSQL. _day reads both."""

    template = "%(expressions)s"
    output_field = CharField()

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="CAST(%(expressions)s AS TEXT)", **extra)


def _day(value) -> datetime.date:
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)


def _series(org, benefit_ids=None) -> tuple[dict[int, list], dict[int, list]]:
    """The planned values and the measurements per benefit, as (date, value) pairs, in two
    flat queries: of the whole organisation, or of the benefits in `benefit_ids`."""
    planned = PlannedValue.objects.for_org(org)
    measurements = Measurement.objects.for_org(org)
    if benefit_ids is not None:
        planned = planned.filter(benefit_id__in=benefit_ids)
        measurements = measurements.filter(benefit_id__in=benefit_ids)
    # The database hands the values over as floats and the dates as they come (SQLite's
    # text read by date.fromisoformat, not Django's converter per row): thousands of rows
    # per request, and the converters cost a third of the page.
    as_float = AsFloat("value")
    plans: dict[int, list] = defaultdict(list)
    for benefit_id, period, value in planned.annotate(v=as_float, d=AsIs("period")).values_list(
        "benefit_id", "d", "v"
    ):
        plans[benefit_id].append((_day(period), value))
    measured: dict[int, list] = defaultdict(list)
    for benefit_id, day, value in measurements.annotate(
        v=as_float, d=AsIs("measured_on")
    ).values_list("benefit_id", "d", "v"):
        measured[benefit_id].append((_day(day), value))
    return plans, measured


def with_series(org, benefits: list[Benefit]) -> list[Benefit]:
    """The benefits, each with its plan and measurements as (date, value) pairs in
    `series`, read in two flat queries rather than a model instance per value: what
    Benefit.status() needs for a page of many benefits (the API's list)."""
    plans, measured = _series(org, [b.pk for b in benefits])
    for b in benefits:
        b.series = (plans[b.pk], measured[b.pk])
    return benefits


def _figures_of(org, rows) -> dict[int, realisation.Figures]:
    """Figures per benefit from rows of (id, stored figures, *FIGURE_FIELDS): the stored
    ones, and for benefits without (loaded in bulk before figures were stored) computed
    from their plans and measurements, read in two flat queries for those only."""
    out = {pk: realisation.Figures.from_json(stored) for pk, stored, *_f in rows if stored}
    missing = [row for row in rows if not row[1]]
    if missing:
        plans, measured = _series(org, [row[0] for row in missing])
        for pk, _stored, *fields in missing:
            out[pk] = figures_of(fields, plans[pk], measured[pk])
    return out


def figures_by_benefit(org, benefits) -> dict[int, realisation.Figures]:
    """The Figures of each benefit in the queryset `benefits`, stored or (for those loaded in
    bulk without) computed, in one query (three with such benefits)."""
    return _figures_of(org, list(benefits.values_list("id", "stored_figures", *FIGURE_FIELDS)))


def figures_of_loaded(org, benefits: list[Benefit]) -> dict[int, realisation.Figures]:
    """The Figures of benefits loaded as model instances: stored, or computed flat for
    those without (two queries for all such, none when every one has them)."""
    return _figures_of(
        org,
        [(b.pk, b.stored_figures, *(getattr(b, name) for name in FIGURE_FIELDS)) for b in benefits],
    )


def store_figures(org, benefit_ids=None) -> int:
    """Compute and keep the Figures (Benefit.store_figures) of the organisation's benefits,
    or of those in `benefit_ids`, in a few queries: after a bulk load (the demo, `styr
    generate`) or an upload of many measurements. Returns how many."""
    with transaction.atomic():
        benefits = Benefit.objects.for_org(org).select_for_update()
        if benefit_ids is not None:
            benefits = benefits.filter(pk__in=list(benefit_ids))
        rows = list(benefits.order_by("pk").values_list("id", *FIGURE_FIELDS))
        plans, measured = _series(org, None if benefit_ids is None else [r[0] for r in rows])
        stored = [
            Benefit(pk=pk, stored_figures=figures_of(fields, plans[pk], measured[pk]).to_json())
            for pk, *fields in rows
        ]
        Benefit._base_manager.bulk_update(stored, ["stored_figures"], batch_size=200)
    return len(stored)


def overview(org, *, today: datetime.date | None = None) -> Overview:
    today = today or datetime.date.today()
    threshold = org.lag_threshold / 100.0
    benefits = list(
        Benefit.objects.for_org(org).values_list(
            "id",
            "stored_figures",
            *FIGURE_FIELDS,
            "title",
            "initiative__number",
            "initiative__title",
            "initiative__track",
            "owner_id",
            "owner__name",
            "owner__email",
            "indicator",
            "unit",
        )
    )
    width = 2 + len(FIGURE_FIELDS)
    figures = _figures_of(org, [row[:width] for row in benefits])

    rows: list[Row] = []
    for row in benefits:
        pk = row[0]
        (
            title,
            number,
            initiative_title,
            track,
            owner_id,
            owner_name,
            owner_email,
            indicator,
            unit,
        ) = row[width:]
        fig = figures[pk]
        rows.append(
            Row(
                id=pk,
                title=title,
                initiative_number=number,
                initiative_title=initiative_title,
                track=track,
                owner_id=owner_id,
                owner_name=owner_name or owner_email or "",
                indicator=indicator,
                unit=unit,
                status=fig.status(threshold),
                planned_by_year=fig.planned_by_year,
                realised_by_year=fig.realised_by_year,
            )
        )

    all_years = sorted(
        {y for r in rows for y in r.planned_by_year} | {y for r in rows for y in r.realised_by_year}
    )
    planned = [sum(r.planned_by_year.get(y, 0.0) for r in rows) for y in all_years]
    realised = [
        sum(r.realised_by_year.get(y, 0.0) for r in rows) if y <= today.year else None
        for y in all_years
    ]
    by_track = []
    for track in Track:
        track_rows = [r for r in rows if r.track == track]
        by_track.append(
            (
                track.label,
                len(track_rows),
                sum(1 for r in track_rows if r.status.lagging),
                sum(v for r in track_rows for y, v in r.planned_by_year.items() if y <= today.year),
                sum(
                    v for r in track_rows for y, v in r.realised_by_year.items() if y <= today.year
                ),
            )
        )
    lagging = sorted(
        (r for r in rows if r.status.lagging), key=lambda r: -(r.status.shortfall or 0)
    )
    due = sorted(
        (r for r in rows if r.status.next_due is not None and r.status.next_due <= today),
        key=lambda r: r.status.next_due,
    )
    return Overview(rows, all_years, planned, realised, by_track, lagging, due)


def lagging_initiatives(org, *, tracks=None) -> set[int]:
    """Numbers of the active initiatives with a lagging benefit: what governance follows up.

    Judged from each benefit's stored Figures, for active initiatives in `tracks`: in the
    database by the figures' JSON path where they are stored (only the lagging rows come
    back, not 900 documents to parse), computed for benefits without.
    """

    # The initiative's organisation too, though it is the benefit's: without it PostgreSQL
    # reads every organisation's initiatives to filter them by stage (18 ms at 100 × 300).
    benefits = Benefit.objects.for_org(org).filter(
        initiative__organisation=org, initiative__stage__in=ACTIVE_STAGES
    )
    if tracks is not None:
        benefits = benefits.filter(initiative__track__in=tracks)
    threshold = org.lag_threshold / 100.0
    numbers = set(
        benefits.lagging_by_stored_figures(threshold)
        .order_by()
        .values_list("initiative__number", flat=True)
    )
    rows = list(
        benefits.filter(stored_figures__isnull=True)
        .order_by()
        .values_list("id", "stored_figures", *FIGURE_FIELDS, "initiative__number")
    )
    if rows:
        figures = _figures_of(org, [row[:-1] for row in rows])
        numbers |= {row[-1] for row in rows if figures[row[0]].status(threshold).lagging}
    return numbers


def realised_against_plan_percent(org) -> float | None:
    """Benefits realised so far as a percentage of those planned so far (the years up to
    this one, in money): a measurable goal's source (strategy.sources)."""
    data = overview(org)
    today = datetime.date.today()
    planned = sum(v for y, v in zip(data.years, data.planned, strict=True) if y <= today.year)
    realised = sum(
        v for y, v in zip(data.years, data.realised, strict=True) if y <= today.year and v
    )
    return realised / planned * 100 if planned else None
