"""Every spreadsheet Styr hands out is written through `append` and `workbook_bytes`, so
that no text a person typed can come back as a live formula (OWASP's CSV / formula
injection) or break the file (a control character, see core.text)."""

from __future__ import annotations

import io

from openpyxl import Workbook

from core.text import strip_control_characters

# Text beginning with one of these may be evaluated by a spreadsheet program.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def append(ws, values) -> None:
    """Add a row; text loses the characters xlsx cannot hold."""
    ws.append([strip_control_characters(v) if isinstance(v, str) else v for v in values])


def workbook_bytes(wb: Workbook) -> bytes:
    """The workbook as xlsx. Text cells that would be read as a formula are stored as plain
    strings: they show the same, but nothing is evaluated. Styr's exports hold no formulas
    of their own."""
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                    cell.data_type = "s"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
