"""Goal measurements in from the xlsx template Styr provides.

The template lists a strategy's measurable goals, one per row, with empty Date and Value
columns: fill in what was measured and upload. Rows left empty are skipped; every other row
is checked with the web form's validation, errors name the row and the column, and nothing
is saved unless every row is valid.
"""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.uploads import Errors, cell_problem, read_table, to_decimal, to_text
from core.xlsx import DATE_FORMAT, add_sheet, append, streamed_workbook, workbook_file

from .forms import GoalMeasurementForm
from .models import FocusAreaGoal, GoalMeasurement, Strategy

ID, DATE, VALUE, NOTE = (
    gettext_noop("Goal ID"),
    gettext_noop("Date"),
    gettext_noop("Value"),
    gettext_noop("Note"),
)
MAX_COLUMNS = 30


def goal_reference(goal_id: int) -> str:
    return f"M-{goal_id}"


def _goals(strategy: Strategy):
    return (
        FocusAreaGoal.objects.for_org(strategy.organisation)
        .filter(focus_area__strategy=strategy)
        .select_related("focus_area")
        .order_by("focus_area__order", "focus_area_id", "target_date", "pk")
    )


def measurement_template(strategy: Strategy):
    """One row per measurable goal with empty Date and Value columns (a streamed file)."""
    wb = streamed_workbook()
    ws = add_sheet(
        wb,
        _("Measurements"),
        [_(ID), _(DATE), _(VALUE), _(NOTE), _("Focus area"), _("Indicator"), _("Unit")],
        [8, 12, 12, 30, 40, 40, 12],
    )
    for g in _goals(strategy):
        append(
            ws,
            [goal_reference(g.pk), None, None, None, g.focus_area.title, g.indicator, g.unit],
            formats={1: DATE_FORMAT},
        )
    return workbook_file(wb)


def parse_date(value) -> datetime.date | None:
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


def parse_measurements(strategy: Strategy, content: bytes) -> tuple[list[GoalMeasurement], Errors]:
    """Unsaved measurements from an uploaded template, or the errors found."""
    return read_table(
        content,
        max_col=MAX_COLUMNS,
        read=lambda header, rows, errors: _read(strategy, header, rows, errors),
        no_rows=(_(DATE), _("No row has both a date and a value.")),
    )


def _read(strategy, header_row, rows, errors: Errors) -> list[GoalMeasurement]:
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
    goals = {
        goal_reference(g.pk).lower(): g
        for g in _goals(strategy).select_related("focus_area__strategy")
    }
    out: list[GoalMeasurement] = []
    seen: set[tuple[int, datetime.date]] = set()
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
            ref = f"m-{ref}"
        goal = goals.get(ref)
        if goal is None:
            errors.add(number, _(ID), _("No measurable goal of this strategy has this ID."))
            continue
        try:
            data = {"note": to_text(row[columns[NOTE]]) if NOTE in columns else ""}
        except ValueError as problem:
            errors.add(number, _(NOTE), str(problem))
            continue
        day = parse_date(date_raw)
        if day is None:
            errors.add(
                number, _(DATE), cell_problem(date_raw) or _("Enter a date, e.g. 2027-03-31.")
            )
            continue
        try:
            value = to_decimal(value_raw)
        except ValueError as problem:
            errors.add(number, _(VALUE), str(problem))
            continue
        if value is None:
            errors.add(number, _(VALUE), _("Enter a number."))
            continue
        if (goal.pk, day) in seen:
            errors.add(number, _(DATE), _("The goal has another row on this date."))
            continue
        seen.add((goal.pk, day))
        form = GoalMeasurementForm(
            data={"measured_on": day.isoformat(), "value": value, **data}, goal=goal
        )
        if not form.is_valid():
            labels = {"measured_on": _(DATE), "value": _(VALUE), "note": _(NOTE)}
            for field, messages in form.errors.items():
                for m in messages:
                    errors.add(number, labels.get(field, field), str(m))
            continue
        m = form.save(commit=False)
        m.goal = goal
        m.organisation_id = goal.organisation_id
        out.append(m)
    return out
