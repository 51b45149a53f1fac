"""Every spreadsheet Styr hands out is written through `append`, so that no text a person
typed can come back as a live formula (OWASP's CSV / formula injection) or break the file
(a control character, see core.text).

Exports that grow with the portfolio (the benefits register, the decision log, the
measurement template) are written in openpyxl's write-only mode: each sheet streams its rows
to a temporary file, so memory stays bounded at any size, and the finished workbook is handed
out as a file rather than built in memory. One case's sheets are small and use the normal
mode (data validation, cells styled after writing)."""

from __future__ import annotations

import io
import tempfile
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from core.text import strip_control_characters

# Text beginning with one of these may be evaluated by a spreadsheet program.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BOLD = Font(bold=True)
DATE_FORMAT = "yyyy-mm-dd"
# Above this, a temporary file holding the workbook moves from memory to disk.
SPOOL_BYTES = 2 * 1024 * 1024


def append(ws, values: Iterable, *, bold: bool = False, formats: dict[int, str] | None = None):
    """Add a row. Text loses the characters xlsx cannot hold, and text a spreadsheet program
    would read as a formula is stored as plain text: it shows the same, nothing is evaluated
    (Styr's exports hold no formulas of their own). `formats` maps a 0-based column to a
    number format."""
    formats = formats or {}
    row = []
    for index, value in enumerate(values):
        if isinstance(value, str):
            value = strip_control_characters(value)
        formula_like = isinstance(value, str) and value.startswith(FORMULA_START)
        if formula_like or bold or index in formats:
            cell = WriteOnlyCell(ws, value=value)
            if formula_like:
                cell.data_type = "s"
            if bold:
                cell.font = BOLD
            if index in formats:
                cell.number_format = formats[index]
            value = cell
        row.append(value)
    ws.append(row)


def streamed_workbook() -> Workbook:
    """A workbook whose rows go to disk as they are appended (openpyxl's write-only mode)."""
    return Workbook(write_only=True)


def add_sheet(wb: Workbook, title: str, headers: Sequence[str], widths: Sequence[int] = ()):
    """A streamed sheet with a bold header row. Column widths must be known before the
    first row in write-only mode: each is the wider of its header and `widths` (characters)."""
    ws = wb.create_sheet(title[:31])
    for index, header in enumerate(headers):
        hint = widths[index] if index < len(widths) else 10
        ws.column_dimensions[get_column_letter(index + 1)].width = min(
            60, max(len(header), hint) + 2
        )
    append(ws, headers, bold=True)
    return ws


def workbook_file(wb: Workbook):
    """The workbook as an open xlsx file, read from the start (for a FileResponse)."""
    out = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 (the response closes it)
    wb.save(out)
    out.seek(0)
    return out


def workbook_bytes(wb: Workbook) -> bytes:
    """The workbook as xlsx bytes (a small one: a case, a template)."""
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
