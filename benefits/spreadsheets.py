"""The benefits register out to xlsx, and measurements in from the template Styr provides.

The measurement template lists every benefit of the organisation, one per row, with empty
Date and Value columns: fill in those that were measured and upload. Rows left empty are
skipped; every other row is checked with the web form's validation, errors name the row
and the column, and nothing is saved unless every row is valid.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.models import Change, record_change
from core.uploads import Errors, cell_problem, read_table, to_decimal, to_text
from core.xlsx import DATE_FORMAT, add_sheet, append, streamed_workbook, workbook_file

from .forms import MeasurementForm
from .models import Benefit, Harvest, Measurement, MeasurementSource

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
    benefits = Benefit.objects.for_org(org).for_status().select_related("department").order_by("pk")
    dates = {10: DATE_FORMAT, 14: DATE_FORMAT, 19: DATE_FORMAT}
    for b in benefits.iterator(chunk_size=500):
        st = b.status(org.lag_threshold)
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


def _parse_date(value) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if value is None or isinstance(value, bool | int | float) or cell_problem(value):
        return None
    text = str(value).strip()
    for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


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
    header = [to_text(h).lower() if cell_problem(h) is None else "" for h in header_row]
    columns = {}
    for key in (ID, DATE, VALUE, NOTE):
        title = _(key)
        if title.lower() in header:
            columns[key] = header.index(title.lower())
        elif key != NOTE:
            errors.add(1, title, _("The column is missing."))
    if errors:
        return []
    benefits = {
        b.reference.lower(): b
        for b in Benefit.objects.for_org(org).select_related("initiative", "owner")
    }
    out = []
    for number, row in rows:
        date_raw, value_raw = row[columns[DATE]], row[columns[VALUE]]
        empty = [v is None or (isinstance(v, str) and not v.strip()) for v in (date_raw, value_raw)]
        if all(empty):
            continue
        try:
            ref = to_text(row[columns[ID]]).lower()
        except ValueError as problem:
            errors.add(number, _(ID), str(problem))
            continue
        if ref.isdigit():
            ref = f"g-{ref}"
        benefit = benefits.get(ref)
        if benefit is None:
            errors.add(number, _(ID), _("No benefit has this ID."))
            continue
        if not allowed(benefit):
            errors.add(number, _(ID), _("You may not record measurements of this benefit."))
            continue
        try:
            data = {"note": to_text(row[columns[NOTE]]) if NOTE in columns else ""}
        except ValueError as problem:
            errors.add(number, _(NOTE), str(problem))
            continue
        day = _parse_date(date_raw)
        if day is None:
            errors.add(
                number, _(DATE), cell_problem(date_raw) or _("Enter a date, e.g. 2027-03-31.")
            )
            continue
        data["measured_on"] = day.isoformat()
        try:
            value = to_decimal(value_raw)
        except ValueError as problem:
            errors.add(number, _(VALUE), str(problem))
            continue
        if value is None:
            errors.add(number, _(VALUE), _("Enter a number."))
            continue
        data["value"] = value
        form = MeasurementForm(data=data, benefit=benefit)
        if not form.is_valid():
            labels = {"measured_on": _(DATE), "value": _(VALUE), "note": _(NOTE)}
            for field, messages in form.errors.items():
                for m in messages:
                    errors.add(number, labels.get(field, field), str(m))
            continue
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
        for m in measurements:
            record_change(
                obj=m,
                user=user,
                action=Change.Action.CREATED,
                after={"measured_on": str(m.measured_on), "value": str(m.value)},
                parent=m.benefit,
            )
