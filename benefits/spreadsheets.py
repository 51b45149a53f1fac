"""The benefits register out to xlsx, and measurements in from the template Styr provides.

The measurement template lists every benefit of the organisation, one per row, with empty
Date and Value columns: fill in those that were measured and upload. Rows left empty are
skipped; every other row is checked with the web form's validation, errors name the row
and the column, and nothing is saved unless every row is valid.
"""

from __future__ import annotations

import datetime
import io
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from openpyxl import Workbook, load_workbook

from core.models import Change, record_change
from core.xlsx import workbook_bytes
from finance.spreadsheets import BOLD, CellError, _autosize

from .forms import MeasurementForm
from .models import Benefit, Harvest, Measurement, MeasurementSource

ID, DATE, VALUE, NOTE = (
    gettext_noop("Benefit ID"),
    gettext_noop("Date"),
    gettext_noop("Value"),
    gettext_noop("Note"),
)


def _header(ws, titles) -> None:
    ws.append([str(t) for t in titles])
    for cell in ws[1]:
        cell.font = BOLD


def export_register(org) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = _("Benefits")
    _header(
        ws,
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
    )
    benefits = Benefit.objects.for_org(org).for_status().select_related("department").order_by("pk")
    for b in benefits:
        st = b.status(org.lag_threshold)
        ws.append(
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
            ]
        )
    measurements_ws = wb.create_sheet(_("Measurements"))
    _header(measurements_ws, [_(ID), _(DATE), _(VALUE), _(NOTE)])
    for m in Measurement.objects.for_org(org).order_by("benefit_id", "measured_on"):
        measurements_ws.append([f"G-{m.benefit_id}", m.measured_on, m.value, m.note])
    harvest_ws = wb.create_sheet(_("Harvest"))
    _header(harvest_ws, [_(ID), _("Department"), _("Budget year"), _("Amount"), _("Status")])
    for h in Harvest.objects.for_org(org).select_related("department"):
        harvest_ws.append(
            [
                f"G-{h.benefit_id}",
                str(h.department),
                h.budget_year,
                h.amount,
                h.get_status_display(),
            ]
        )
    for sheet in wb.worksheets:
        _autosize(sheet)
    return workbook_bytes(wb)


def measurement_template(org) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = _("Measurements")
    _header(
        ws,
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
    )
    for b in Benefit.objects.for_org(org).select_related("initiative").order_by("pk"):
        ws.append([b.reference, None, None, None, str(b.initiative), b.title, b.indicator, b.unit])
    for row in range(2, ws.max_row + 1):
        ws.cell(row=row, column=2).number_format = "yyyy-mm-dd"
    _autosize(ws)
    return workbook_bytes(wb)


def _parse_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def parse_measurements(org, content: bytes, allowed) -> tuple[list[Measurement], list[CellError]]:
    """Unsaved measurements from an uploaded template, or the errors found.

    `allowed(benefit)` says whether the uploader may measure that benefit.
    """
    try:
        wb = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a file that is not xlsx
        return [], [CellError(1, "-", _("The file could not be read as an xlsx spreadsheet."))]
    rows = list(wb.worksheets[0].iter_rows(values_only=True))
    if not rows:
        return [], [CellError(1, "-", _("The sheet is empty."))]
    header = [str(h).strip().lower() if h is not None else "" for h in rows[0]]
    columns = {}
    errors = []
    for key in (ID, DATE, VALUE, NOTE):
        title = _(key)
        if title.lower() in header:
            columns[key] = header.index(title.lower())
        elif key != NOTE:
            errors.append(CellError(1, title, _("The column is missing.")))
    if errors:
        return [], errors
    benefits = {
        b.reference.lower(): b
        for b in Benefit.objects.for_org(org).select_related("initiative", "owner")
    }
    out = []
    for number, row in enumerate(rows[1:], start=2):
        row = list(row) + [None] * (len(header) - len(row))
        date_raw, value_raw = row[columns[DATE]], row[columns[VALUE]]
        empty = [v is None or str(v).strip() == "" for v in (date_raw, value_raw)]
        if all(empty):
            continue
        ref = str(row[columns[ID]] or "").strip().lower()
        if ref.isdigit():
            ref = f"g-{ref}"
        benefit = benefits.get(ref)
        if benefit is None:
            errors.append(CellError(number, _(ID), _("No benefit has this ID.")))
            continue
        if not allowed(benefit):
            errors.append(
                CellError(number, _(ID), _("You may not record measurements of this benefit."))
            )
            continue
        data = {"note": str(row[columns[NOTE]] or "") if NOTE in columns else ""}
        day = _parse_date(date_raw) if not empty[0] else None
        if day is None:
            errors.append(CellError(number, _(DATE), _("Enter a date, e.g. 2027-03-31.")))
            continue
        data["measured_on"] = day.isoformat()
        if isinstance(value_raw, int | float):
            data["value"] = Decimal(str(value_raw))
        else:
            try:
                data["value"] = Decimal(str(value_raw).strip().replace(",", "."))
            except InvalidOperation:
                errors.append(CellError(number, _(VALUE), _("Enter a number.")))
                continue
        form = MeasurementForm(data=data)
        if not form.is_valid():
            labels = {"measured_on": _(DATE), "value": _(VALUE), "note": _(NOTE)}
            for field, messages in form.errors.items():
                errors.extend(CellError(number, labels.get(field, field), str(m)) for m in messages)
            continue
        m = form.save(commit=False)
        m.benefit = benefit
        m.organisation_id = org.pk
        m.source = MeasurementSource.SPREADSHEET
        out.append(m)
    if not out and not errors:
        errors.append(CellError(2, _(DATE), _("No row has both a date and a value.")))
    return out, errors


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
