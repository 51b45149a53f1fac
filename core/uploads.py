"""One reader for every xlsx upload.

An uploaded spreadsheet is hostile until read: a few hundred kilobytes may unpack to
gigabytes, declare a cell in column XFD on every row, hold millions of rows, point past its
shared strings or carry formulas with no value. `read_rows` checks the file's size, the
archive's unpacked size and (while streaming) the row count against the limits in settings
before anything large is built, reads only the first `max_col` columns, and turns any
malformed part into an `UploadError` (the whole file) or a marker in the cell (one cell),
never an exception the view has not seen. The converters (`to_decimal`, `to_text`) name
what is wrong with a cell, and `Errors` stops collecting after the first
`UPLOAD_MAX_ERRORS`.
"""

from __future__ import annotations

import datetime
import io
import math
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.utils.formats import get_format
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.cell import coordinate_to_tuple
from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

from core.numbers import parse_number


class UploadError(Exception):
    """The file as a whole cannot be read; nothing in it is used."""

    def __init__(self, message: str, row: int = 1):
        super().__init__(message)
        self.message = message
        self.row = row


@dataclass(frozen=True)
class CellError:
    row: int
    column: str  # the column's header as written in the sheet
    message: str

    def __str__(self) -> str:
        return _("Row %(row)s, column “%(column)s”: %(message)s") % {
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


class Errors(list):
    """The errors of one upload, at most `UPLOAD_MAX_ERRORS` of them; `truncated` says
    that reading stopped because there were more."""

    truncated = False

    @property
    def full(self) -> bool:
        return len(self) >= settings.UPLOAD_MAX_ERRORS

    def add(self, row: int, column: str, message: str) -> None:
        if self.full:
            self.truncated = True
        else:
            self.append(CellError(row, column, message))


class _Marker:
    def __init__(self, name: str):
        self.name = name

    def __repr__(self) -> str:
        return f"<{self.name}>"


# A formula whose result the file does not hold (saved by a program that does not compute).
FORMULA = _Marker("formula without a value")
# A cell whose content does not match its type (text in a number cell, an unknown string).
BROKEN = _Marker("unreadable cell")


class _Parser(WorkSheetParser):
    """openpyxl's streaming sheet parser, told to keep going past one bad cell, to tell a
    formula with no cached value from an empty cell, to keep nothing of a row but its
    cells, and to stop after `max_cells` cells."""

    max_cells = 0

    def parse_row(self, row):
        number = row.get("r")
        self.row_counter = int(number) if number is not None else self.row_counter + 1
        self.col_counter = 0
        self.max_cells -= len(row)
        if self.max_cells < 0:
            raise UploadError(_("The sheet has too many cells; split it into smaller files."))
        return self.row_counter, [self.parse_cell(el) for el in row]

    def parse_cell(self, element):
        try:
            cell = super().parse_cell(element)
        except (ValueError, IndexError, KeyError, TypeError, OverflowError):
            # Recompute the position the way the parser does, so the error can name it.
            coordinate = element.get("r")
            row, column = (
                coordinate_to_tuple(coordinate)
                if coordinate
                else (self.row_counter, self.col_counter)
            )
            return {"row": row, "column": column, "value": BROKEN, "data_type": "e"}
        if cell["value"] is None and element.find(FORMULA_TAG) is not None:
            cell["value"] = FORMULA
        elif cell["data_type"] == "e":
            cell["value"] = BROKEN
        return cell


def _check_archive(content: bytes) -> None:
    if len(content) > settings.UPLOAD_MAX_BYTES:
        raise UploadError(
            _("The file is too large (at most %(mb)s MB).")
            % {"mb": settings.UPLOAD_MAX_BYTES // 1_000_000}
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise UploadError(_("The file could not be read as an xlsx spreadsheet.")) from None
    # The declared sizes bound what can be unpacked: zipfile stops at the declared size and
    # fails the checksum of a member that claims less than it holds.
    unpacked = sum(m.file_size for m in members)
    if len(members) > 1000 or unpacked > settings.UPLOAD_MAX_UNPACKED_BYTES:
        raise UploadError(
            _("The spreadsheet unpacks to more than %(mb)s MB; split it into smaller files.")
            % {"mb": settings.UPLOAD_MAX_UNPACKED_BYTES // 1_000_000}
        )
    # openpyxl holds every shared string in memory before the first row is read.
    strings = sum(m.file_size for m in members if m.filename.lower().endswith("sharedstrings.xml"))
    if strings > settings.UPLOAD_MAX_TEXT_BYTES:
        raise UploadError(
            _("The spreadsheet holds more than %(mb)s MB of text; split it into smaller files.")
            % {"mb": settings.UPLOAD_MAX_TEXT_BYTES // 1_000_000}
        )


def read_rows(content: bytes, *, max_col: int) -> Iterator[tuple[int, tuple]]:
    """The non-empty rows of the first sheet as (row number, values of columns 1..max_col).

    Values are what the cells show (a formula's cached result), `FORMULA` for a formula
    without one and `BROKEN` for a cell that cannot be read. Raises `UploadError` for the
    file as a whole: too large, not xlsx, more rows than `UPLOAD_MAX_ROWS` (+ the header),
    or a sheet that breaks off.
    """
    _check_archive(content)
    try:
        wb = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        ws = wb.worksheets[0]
        # The streaming parser openpyxl's own read-only sheets use (uv.lock pins the
        # version; core/tests/test_uploads.py fails if its interface moves).
        source = ws._get_source()
    except Exception:  # openpyxl raises many kinds for a file that is not xlsx
        raise UploadError(_("The file could not be read as an xlsx spreadsheet.")) from None
    parser = _Parser(
        source,
        wb.shared_strings,
        data_only=True,
        epoch=wb.epoch,
        date_formats=wb._date_formats,
        timedelta_formats=wb._timedelta_formats,
    )
    # Room for every row to fill a template's columns (about 20) twice; bounds the time.
    parser.max_cells = (settings.UPLOAD_MAX_ROWS + 1) * 40
    last_row = settings.UPLOAD_MAX_ROWS + 1
    number = 1
    try:
        for number, cells in parser.parse():
            values = [None] * max_col
            for cell in cells:
                if cell["column"] <= max_col:
                    values[cell["column"] - 1] = cell["value"]
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
                continue
            if number > last_row:
                raise UploadError(
                    _("The sheet has more than %(n)s rows; split it into smaller files.")
                    % {"n": settings.UPLOAD_MAX_ROWS},
                    row=number,
                )
            yield number, tuple(values)
    except UploadError:
        raise
    except Exception:
        raise UploadError(
            _("The spreadsheet breaks off or is damaged after row %(row)s.") % {"row": number},
            row=number,
        ) from None
    finally:
        source.close()
        wb.close()


def read_table(
    content: bytes, *, max_col: int, read: Callable, no_rows: tuple[str, str]
) -> tuple[list, Errors]:
    """An upload read all or nothing: `read(header, rows, errors)` turns the header row and
    the rows under it into unsaved objects, adding an error per bad cell; the rows stop
    coming once `UPLOAD_MAX_ERRORS` errors are found. `no_rows` is the (column, message)
    reported when the sheet has a header and nothing else. Returns the objects (none when
    there is any error) and the errors."""
    errors = Errors()
    rows = read_rows(content, max_col=max_col)
    try:
        first = next(rows, None)
        if first is None:
            errors.add(1, "-", _("The sheet is empty."))
            return [], errors
        items = read(first[1], _until_full(rows, errors), errors)
    except UploadError as refused:
        errors.add(refused.row, "-", refused.message)
        return [], errors
    finally:
        rows.close()
    if not items and not errors:
        errors.add(2, *no_rows)
    return (items if not errors else []), errors


def _until_full(rows: Iterator[tuple[int, tuple]], errors: Errors):
    for row in rows:
        if errors.full:
            errors.truncated = True  # there is more, unread
            return
        yield row


def cell_problem(value) -> str | None:
    """What makes a cell unusable whatever the column, if anything."""
    if value is FORMULA:
        return _(
            "The cell holds a formula without a computed value. Open the file in a "
            "spreadsheet program, save it, and upload it again, or type the value."
        )
    if value is BROKEN:
        return _("The cell cannot be read.")
    return None


def to_text(value) -> str:
    """A cell as text ('' for empty). Raises ValueError with the message for the user."""
    problem = cell_problem(value)
    if problem:
        raise ValueError(problem)
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def to_decimal(value) -> Decimal | None:
    """A cell as a number (None for empty). Accepts numbers, and text the way the user's
    language writes it (core.numbers: "1.234,50", "40.000", "1,234.50", "1 234,5").
    Raises ValueError with the message for the user."""
    problem = cell_problem(value)
    if problem:
        raise ValueError(problem)
    if value is None:
        return None
    if isinstance(value, bool | datetime.date | datetime.datetime):
        raise ValueError(_("Enter a number."))
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError(_("Enter a number."))
        return Decimal(str(value))
    text = str(value).strip()
    if not text:
        return None
    try:
        return parse_number(text, decimal=get_format("DECIMAL_SEPARATOR"))
    except ValueError:
        raise ValueError(_("Enter a number.")) from None


def to_date(value) -> datetime.date | None:
    """A cell as a day: a date cell, or text as 2027-03-31, 31-03-2027, 31.03.2027 or
    31/03/2027; None when it is none of them (the caller names the problem)."""
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


def read_dated_values(
    header_row,
    rows,
    errors: Errors,
    *,
    columns: tuple[str, str, str, str],
    find: Callable,
    form: Callable,
    one_per_day: bool = False,
) -> list[tuple]:
    """The rows of a measurement template: an ID, a date, a value and an optional note
    (`columns`, the four headers as untranslated messages, matched in the user's language).
    Rows without a date and a value are skipped. `find(ref)` gives the row's object or
    (None, why not); `form(obj, data)` the bound form that checks the rest. Returns (object,
    valid form) pairs, adding an error per bad cell; `one_per_day` refuses a second row of
    the same object and day."""
    id_key, date_key, value_key, note_key = columns
    header = [to_text(h).lower() if cell_problem(h) is None else "" for h in header_row]
    at = {}
    for key in columns:
        title = _(key)
        if title.lower() in header:
            at[key] = header.index(title.lower())
        elif key != note_key:
            errors.add(1, title, _("The column is missing."))
    if errors:
        return []
    out, seen = [], set()
    for number, row in rows:
        date_raw, value_raw = row[at[date_key]], row[at[value_key]]
        empty = [v is None or (isinstance(v, str) and not v.strip()) for v in (date_raw, value_raw)]
        if all(empty):
            continue
        try:
            obj, why_not = find(to_text(row[at[id_key]]).strip().lower())
        except ValueError as problem:
            obj, why_not = None, str(problem)
        if obj is None:
            errors.add(number, _(id_key), why_not)
            continue
        try:
            data = {"note": to_text(row[at[note_key]]) if note_key in at else ""}
        except ValueError as problem:
            errors.add(number, _(note_key), str(problem))
            continue
        day = to_date(date_raw)
        if day is None:
            errors.add(
                number, _(date_key), cell_problem(date_raw) or _("Enter a date, e.g. 2027-03-31.")
            )
            continue
        if one_per_day and (obj.pk, day) in seen:
            errors.add(number, _(date_key), _("The same ID has another row on this date."))
            continue
        seen.add((obj.pk, day))
        try:
            value = to_decimal(value_raw)
        except ValueError as problem:
            errors.add(number, _(value_key), str(problem))
            continue
        if value is None:
            errors.add(number, _(value_key), _("Enter a number."))
            continue
        bound = form(obj, {**data, "measured_on": day.isoformat(), "value": value})
        if not bound.is_valid():
            labels = {"measured_on": _(date_key), "value": _(value_key), "note": _(note_key)}
            for field, messages in bound.errors.items():
                for m in messages:
                    errors.add(number, labels.get(field, field), str(m))
            continue
        out.append((obj, bound))
    return out
