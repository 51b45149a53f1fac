"""The benefits register out to xlsx, and measurements in from the template Styr provides.

The measurement template lists every benefit of the organisation, one per row, with empty
Date and Value columns: fill in those that were measured and upload. Rows left empty are
skipped; every other row is checked with the web form's validation, errors name the row
and the column, and nothing is saved unless every row is valid.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.models import Change, record_change
from core.uploads import Errors, read_dated_values, read_table
from core.xlsx import DATE_FORMAT, add_sheet, append, streamed_workbook, workbook_file

from .forms import MeasurementForm
from .models import Benefit, Harvest, Measurement, MeasurementSource
from .portfolio import figures_by_benefit, store_figures

ID, DATE, VALUE, NOTE = (
    gettext_noop("Benefit ID"),
    gettext_noop("Date"),
    gettext_noop("Value"),
    gettext_noop("Note"),
)
# The template's eight columns and room for a few added by the user.
MAX_COLUMNS = 30


def export_register(org):
    """The benefits register, its measurements and harvest as a streamed xlsx file."""
    wb = streamed_workbook()
    ws = add_sheet(
        wb,
        _("Benefits"),
        [
            _(ID),
            _("Initiative"),
            _("Benefit"),
            _("Category"),
            _("Benefit owner"),
            _("Department"),
            _("Indicator"),
            _("Unit"),
            _("Direction"),
            _("Baseline value"),
            _("Baseline date"),
            _("Target, pessimistic"),
            _("Target, likely"),
            _("Target, optimistic"),
            _("Target date"),
            _("Measurement frequency"),
            _("Data source"),
            _("Value per year at the likely target"),
            _("Lagging"),
            _("Next measurement due"),
        ],
        widths=[8, 40, 40, 16, 24, 20, 30, 10, 10, 12, 12, 12, 12, 12, 12, 14, 20, 14, 8, 12],
    )
    benefits = Benefit.objects.for_org(org)
    figures = figures_by_benefit(org, benefits)
    threshold = org.lag_threshold / 100.0
    dates = {10: DATE_FORMAT, 14: DATE_FORMAT, 19: DATE_FORMAT}
    rows = benefits.select_related("initiative", "owner", "department").order_by("pk")
    for b in rows.iterator(chunk_size=500):
        st = figures[b.pk].status(threshold)
        append(
            ws,
            [
                b.reference,
                str(b.initiative),
                b.title,
                b.get_category_display(),
                str(b.owner or ""),
                str(b.department or ""),
                b.indicator,
                b.unit,
                b.get_direction_display(),
                b.baseline_value,
                b.baseline_date,
                b.target_pessimistic,
                b.target_likely,
                b.target_optimistic,
                b.target_date,
                b.get_frequency_display(),
                b.data_source,
                b.annual_value,
                _("Yes") if st.lagging else _("No"),
                st.next_due,
            ],
            formats=dates,
        )
    measurements_ws = add_sheet(
        wb, _("Measurements"), [_(ID), _(DATE), _(VALUE), _(NOTE)], [8, 12, 12, 40]
    )
    rows = Measurement.objects.for_org(org).order_by("benefit_id", "measured_on")
    for m in rows.values_list("benefit_id", "measured_on", "value", "note").iterator(
        chunk_size=2000
    ):
        append(measurements_ws, [f"G-{m[0]}", *m[1:]], formats={1: DATE_FORMAT})
    harvest_ws = add_sheet(
        wb,
        _("Harvest"),
        [_(ID), _("Department"), _("Budget year"), _("Amount"), _("Status")],
        [8, 24, 10, 14, 12],
    )
    for h in Harvest.objects.for_org(org).select_related("department").iterator(chunk_size=1000):
        append(
            harvest_ws,
            [
                f"G-{h.benefit_id}",
                str(h.department),
                h.budget_year,
                h.amount,
                h.get_status_display(),
            ],
        )
    return workbook_file(wb)


def measurement_template(org):
    """One row per benefit with empty Date and Value columns to fill in (a streamed file)."""
    wb = streamed_workbook()
    ws = add_sheet(
        wb,
        _("Measurements"),
        [
            _(ID),
            _(DATE),
            _(VALUE),
            _(NOTE),
            _("Initiative"),
            _("Benefit"),
            _("Indicator"),
            _("Unit"),
        ],
        [8, 12, 12, 30, 40, 40, 30, 10],
    )
    benefits = Benefit.objects.for_org(org).select_related("initiative").order_by("pk")
    for b in benefits.iterator(chunk_size=500):
        append(
            ws,
            [b.reference, None, None, None, str(b.initiative), b.title, b.indicator, b.unit],
            formats={1: DATE_FORMAT},
        )
    return workbook_file(wb)


def parse_measurements(org, content: bytes, allowed) -> tuple[list[Measurement], Errors]:
    """Unsaved measurements from an uploaded template, or the errors found (at most
    UPLOAD_MAX_ERRORS; reading stops there).

    `allowed(benefit)` says whether the uploader may measure that benefit.
    """
    return read_table(
        content,
        max_col=MAX_COLUMNS,
        read=lambda header, rows, errors: _read_measurements(org, header, rows, allowed, errors),
        no_rows=(_(DATE), _("No row has both a date and a value.")),
    )


def _read_measurements(org, header_row, rows, allowed, errors: Errors) -> list[Measurement]:
    benefits = {
        b.reference.lower(): b
        for b in Benefit.objects.for_org(org).select_related("initiative", "owner")
    }

    def find(ref: str):
        benefit = benefits.get(f"g-{ref}" if ref.isdigit() else ref)
        if benefit is None:
            return None, _("No benefit has this ID.")
        if not allowed(benefit):
            return None, _("You may not record measurements of this benefit.")
        return benefit, ""

    out = []
    for benefit, form in read_dated_values(
        header_row,
        rows,
        errors,
        columns=(ID, DATE, VALUE, NOTE),
        find=find,
        form=lambda benefit, data: MeasurementForm(data=data, benefit=benefit),
    ):
        m = form.save(commit=False)
        m.benefit = benefit
        m.organisation_id = org.pk
        m.source = MeasurementSource.SPREADSHEET
        out.append(m)
    return out


def save_measurements(measurements: list[Measurement], *, user) -> None:
    with transaction.atomic():
        for m in measurements:
            m.recorded_by = user
        Measurement.objects.bulk_create(measurements)
        if measurements:
            store_figures(
                measurements[0].benefit.organisation, {m.benefit_id for m in measurements}
            )
        for m in measurements:
            record_change(
                obj=m,
                user=user,
                action=Change.Action.CREATED,
                after={"measured_on": str(m.measured_on), "value": str(m.value)},
                parent=m.benefit,
            )
