"""Goal measurements in from the xlsx template Styr provides.

The template lists a strategy's measurable goals, one per row, with empty Date and Value
columns: fill in what was measured and upload. Rows left empty are skipped; every other row
is checked with the web form's validation, errors name the row and the column, and nothing
is saved unless every row is valid.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.uploads import Errors, read_dated_values, read_table
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


def parse_measurements(strategy: Strategy, content: bytes) -> tuple[list[GoalMeasurement], Errors]:
    """Unsaved measurements from an uploaded template, or the errors found."""
    return read_table(
        content,
        max_col=MAX_COLUMNS,
        read=lambda header, rows, errors: _read(strategy, header, rows, errors),
        no_rows=(_(DATE), _("No row has both a date and a value.")),
    )


def _read(strategy, header_row, rows, errors: Errors) -> list[GoalMeasurement]:
    goals = {
        goal_reference(g.pk).lower(): g
        for g in _goals(strategy).select_related("focus_area__strategy")
    }

    def find(ref: str):
        goal = goals.get(f"m-{ref}" if ref.isdigit() else ref)
        if goal is None:
            return None, _("No measurable goal of this strategy has this ID.")
        return goal, ""

    out = []
    for goal, form in read_dated_values(
        header_row,
        rows,
        errors,
        columns=(ID, DATE, VALUE, NOTE),
        find=find,
        form=lambda goal, data: GoalMeasurementForm(data=data, goal=goal),
        one_per_day=True,  # a second value on a day would replace the first
    ):
        m = form.save(commit=False)
        m.goal = goal
        m.organisation_id = goal.organisation_id
        out.append(m)
    return out
