"""Business cases in and out of xlsx.

The upload template has one row per line and one column per year of the case. Choice
columns accept the stored value (`cost`) or its label in any of Styr's languages, so a
sheet filled in Danish imports the same as one filled in English. Every row is checked
with the web form's own validation; errors name the row and the column, and nothing is
saved unless every row is valid. `core.uploads.read_rows` bounds what a file may cost.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from core.uploads import Errors, cell_problem, read_table, to_decimal, to_text
from core.xlsx import BOLD, append, workbook_bytes

from .calc import Figures
from .forms import CaseLineForm
from .models import BenefitCategory, BusinessCase, CaseLine, CostKind, CostSource, Side, Unit

# (form field, column header, choices or None)
LINE_COLUMNS = [
    ("side", gettext_noop("Type"), Side),
    ("description", gettext_noop("Description"), None),
    ("cost_kind", gettext_noop("Cost type"), CostKind),
    ("cost_source", gettext_noop("Internal or external"), CostSource),
    ("category", gettext_noop("Benefit category"), BenefitCategory),
    ("unit", gettext_noop("Unit"), Unit),
    ("minimum_pct", gettext_noop("Minimum %"), None),
    ("maximum_pct", gettext_noop("Maximum %"), None),
]


def _headers() -> list[str]:
    return [_(header) for _name, header, _choices in LINE_COLUMNS]


def _choice_lookup(choices) -> dict[str, str]:
    """Every way a user may write a choice: its value and its label in every language."""
    lookup = {}
    for value, label in choices.choices:
        lookup[str(value).lower()] = value
        for lang in ("da", "nb", "en"):
            with translation.override(lang):
                lookup[str(label).lower()] = value
    return lookup


def _autosize(ws) -> None:
    for column in ws.columns:
        width = max((len(str(c.value)) for c in column if c.value is not None), default=8)
        ws.column_dimensions[get_column_letter(column[0].column)].width = min(60, width + 2)


def _write_lines(ws, case: BusinessCase) -> None:
    """The template's header and one row per line, as the upload reads them back."""
    append(ws, [*_headers(), *case.years])
    for cell in ws[1]:
        cell.font = BOLD
    for line in case.lines.all():
        append(
            ws,
            [
                line.get_side_display(),
                line.description,
                line.get_cost_kind_display() if line.cost_kind else "",
                line.get_cost_source_display() if line.cost_source else "",
                line.get_category_display() if line.category else "",
                line.get_unit_display(),
                float(line.minimum_pct),
                float(line.maximum_pct),
                *line.amounts,
            ],
        )


def line_template(case: BusinessCase) -> bytes:
    """The upload template, pre-filled with the case's current lines."""
    wb = Workbook()
    ws = wb.active
    ws.title = _("Lines")
    _write_lines(ws, case)
    for index, (_name, _header, choices) in enumerate(LINE_COLUMNS, start=1):
        if choices is None:
            continue
        options = ",".join(str(label) for _v, label in choices.choices)
        if len(options) < 250:  # Excel's limit for an inline list
            dv = DataValidation(type="list", formula1=f'"{options}"', allow_blank=True)
            letter = get_column_letter(index)
            dv.add(f"{letter}2:{letter}500")
            ws.add_data_validation(dv)
    help_ws = wb.create_sheet(_("Guide"))
    append(help_ws, [_("Column"), _("Allowed values")])
    for _name, header, choices in LINE_COLUMNS:
        allowed = ", ".join(str(label) for _v, label in choices.choices) if choices else ""
        append(help_ws, [_(header), allowed])
    append(
        help_ws,
        [_("Years"), _("One column per year of the case: the most likely amount (or hours).")],
    )
    _autosize(ws)
    _autosize(help_ws)
    return workbook_bytes(wb)


def parse_lines(case: BusinessCase, content: bytes) -> tuple[list[CaseLine], Errors]:
    """Read an uploaded template into unsaved lines, or the errors found (at most
    UPLOAD_MAX_ERRORS; reading stops there)."""
    return read_table(
        content,
        # The template's columns, the case's years, and room for a few added by the user.
        max_col=len(LINE_COLUMNS) + len(case.years) + 20,
        read=lambda header, rows, errors: _read_lines(case, header, rows, errors),
        no_rows=("-", _("The sheet has no lines.")),
    )


def _read_lines(case: BusinessCase, header_row, rows, errors: Errors) -> list[CaseLine]:
    header = [to_text(h) if cell_problem(h) is None else "" for h in header_row]
    column_of: dict[str, int] = {}
    expected = _headers()
    for name_header, (name, _h, _c) in zip(expected, LINE_COLUMNS, strict=True):
        matches = [i for i, h in enumerate(header) if h.lower() == name_header.lower()]
        if not matches:
            errors.add(1, name_header, _("The column is missing."))
        else:
            column_of[name] = matches[0]
    year_columns: dict[int, int] = {}
    for i, h in enumerate(header):
        if h.isdigit() and len(h) == 4:
            year = int(h)
            if year not in case.years:
                errors.add(
                    1,
                    h,
                    _("The year is outside the case (%(first)s–%(last)s).")
                    % {"first": case.years[0], "last": case.years[-1]},
                )
            else:
                year_columns[year] = i
    if errors:
        return []
    lookups = {name: _choice_lookup(ch) for name, _h, ch in LINE_COLUMNS if ch is not None}
    headers = dict(zip([n for n, _h, _c in LINE_COLUMNS], expected, strict=True))
    lines = []
    for number, row in rows:
        data: dict = {"case_version": case.version}
        row_ok = True
        for name, _h, choices in LINE_COLUMNS:
            raw = row[column_of[name]]
            try:
                value = to_decimal(raw) if name.endswith("_pct") else to_text(raw)
            except ValueError as problem:
                errors.add(number, headers[name], str(problem))
                row_ok = False
                continue
            if choices is not None and value != "":
                found = lookups[name].get(str(value).lower())
                if found is None:
                    errors.add(number, headers[name], _("Unknown value “%(v)s”.") % {"v": value})
                    row_ok = False
                    continue
                value = found
            data[name] = "" if value is None else value
        if data.get("unit") == "":
            data["unit"] = Unit.AMOUNT
        for name in ("minimum_pct", "maximum_pct"):
            if data.get(name) == "":
                data[name] = Decimal(100)
        for t, year in enumerate(case.years):
            if year in year_columns:
                try:
                    amount = to_decimal(row[year_columns[year]])
                except ValueError as problem:
                    errors.add(number, str(year), str(problem))
                    row_ok = False
                    continue
                data[f"year_{t}"] = "" if amount is None else amount
        if not row_ok:
            continue
        form = CaseLineForm(data=data, business_case=case)
        if not form.is_valid():
            for field, messages in form.errors.items():
                if field.startswith("year_"):
                    column = str(case.years[int(field.split("_")[1])])
                else:
                    column = headers.get(field, field)
                for m in messages:
                    errors.add(number, column, str(m))
            continue
        lines.append(form.save(commit=False))
    return lines


def export_case(case: BusinessCase, figures: Figures, currency: str) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = _("Key figures")
    append(ws, [str(case), currency])
    ws["A1"].font = BOLD
    rows = [
        (_("Status"), case.get_status_display()),
        (_("Discount rate (%)"), float(case.discount_rate)),
        (_("Net present value (expected)"), round(figures.expected.npv, 2)),
        (_("Net present value, interval from"), round(figures.low_npv, 2)),
        (_("Net present value, interval to"), round(figures.high_npv, 2)),
        (_("Net present value, budget-releasing benefits only"), round(figures.budget_npv, 2)),
        (_("Total costs"), round(figures.expected.total_cost, 2)),
        (_("Total benefits"), round(figures.expected.total_benefit, 2)),
        (_("Risk pool"), round(figures.risk_pool, 2)),
        (
            _("Payback year"),
            figures.years[figures.expected.payback_year]
            if figures.expected.payback_year is not None
            else _("Does not pay back"),
        ),
    ]
    for row in rows:
        append(ws, list(row))
    append(ws, [])
    append(ws, [_("Year"), *figures.years])
    append(ws, [_("Costs"), *[round(v, 2) for v in figures.expected.costs]])
    append(ws, [_("Benefits"), *[round(v, 2) for v in figures.expected.benefits]])
    append(ws, [_("Net"), *[round(v, 2) for v in figures.expected.net]])
    append(ws, [_("Accumulated net"), *[round(v, 2) for v in figures.expected.cumulative]])
    _autosize(ws)

    lines_ws = wb.create_sheet(_("Lines"))
    _write_lines(lines_ws, case)
    _autosize(lines_ws)

    risks_ws = wb.create_sheet(_("Risks"))
    append(
        risks_ws,
        [_("Description"), _("Probability (%)"), _("Consequence"), _("Year"), _("Risk pool")],
    )
    for risk in case.risks.all():
        append(
            risks_ws,
            [
                risk.description,
                float(risk.probability_pct),
                float(risk.consequence),
                risk.year,
                float(risk.pooled),
            ],
        )
    _autosize(risks_ws)
    return workbook_bytes(wb)
