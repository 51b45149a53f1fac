"""Every spreadsheet Styr hands out is written through `workbook_bytes`, so that no text a
person typed can come back as a live formula (OWASP's CSV / formula injection)."""

from __future__ import annotations

import io

from openpyxl import Workbook

# Text beginning with one of these may be evaluated by a spreadsheet program.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


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
