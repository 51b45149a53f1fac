"""Hostile xlsx files, made small by the tests that need them (nothing large is kept in
the repository)."""

from __future__ import annotations

import io
import zipfile

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHARED_STRINGS_TYPE = (
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)


def _base() -> bytes:
    wb = Workbook()
    wb.active.append(["x"])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def with_parts(parts: dict[str, bytes | str], content: bytes | None = None) -> bytes:
    """An xlsx whose named parts are replaced (or added)."""
    source = zipfile.ZipFile(io.BytesIO(content or _base()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in source.namelist():
            if name not in parts:
                z.writestr(name, source.read(name))
        for name, data in parts.items():
            z.writestr(name, data)
    return out.getvalue()


def inline(text: str) -> str:
    return f"<is><t>{text}</t></is>"


def cell(ref: str, value: str | None = None, *, kind: str = "n", formula: str | None = None):
    """One <c> element: kind 'inlineStr' for text, 'n' number, 'b' boolean, 's' shared."""
    inner = f"<f>{formula}</f>" if formula else ""
    if kind == "inlineStr":
        inner += inline(value or "")
    elif value is not None:
        inner += f"<v>{value}</v>"
    return f'<c r="{ref}" t="{kind}">{inner}</c>'


def sheet(rows: list[list[str]], *, dimension: str = "A1") -> str:
    """Worksheet XML from rows of <c> elements (row numbers from 1)."""
    body = "".join(f'<row r="{n}">{"".join(cells)}</row>' for n, cells in enumerate(rows, 1))
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{NS}">'
        f'<dimension ref="{dimension}"/><sheetData>{body}</sheetData></worksheet>'
    )


def xlsx_with_sheet(xml: str, shared_strings: list[str] | None = None) -> bytes:
    parts: dict[str, bytes | str] = {"xl/worksheets/sheet1.xml": xml}
    if shared_strings is not None:
        items = "".join(f"<si><t>{s}</t></si>" for s in shared_strings)
        parts["xl/sharedStrings.xml"] = f'<sst xmlns="{NS}">{items}</sst>'
        types = zipfile.ZipFile(io.BytesIO(_base())).read("[Content_Types].xml").decode()
        parts["[Content_Types].xml"] = types.replace("</Types>", SHARED_STRINGS_TYPE)
    return with_parts(parts)


def header_cells(titles: list[str]) -> list[str]:
    return [cell(f"{get_column_letter(i)}1", t, kind="inlineStr") for i, t in enumerate(titles, 1)]
