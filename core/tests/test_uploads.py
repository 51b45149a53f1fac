"""The one xlsx upload reader: bounded in size, rows, cells and errors; every malformed
part named, never an exception (issue 12's hostile files, made here)."""

from __future__ import annotations

import io
import tracemalloc
import zipfile
from decimal import Decimal

import pytest
from django.utils import translation
from openpyxl import Workbook

from core.uploads import BROKEN, FORMULA, Errors, UploadError, read_rows, to_decimal, to_text
from tests.hostile import NS, cell, header_cells, sheet, with_parts, xlsx_with_sheet


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def rows_of(content: bytes, max_col: int = 5) -> list[tuple[int, tuple]]:
    return list(read_rows(content, max_col=max_col))


def test_it_reads_the_values_of_the_first_columns_and_skips_empty_rows():
    wb = Workbook()
    ws = wb.active
    ws.append(["Navn", "Beløb"])
    ws.append([])
    ws.append(["Løn", 1200.5, "ignoreret", "x"])
    buffer = io.BytesIO()
    wb.save(buffer)
    assert rows_of(buffer.getvalue(), max_col=2) == [(1, ("Navn", "Beløb")), (3, ("Løn", 1200.5))]


def test_a_cell_in_column_xfd_on_every_row_costs_only_the_columns_read():
    rows = [[cell(f"A{n}", "1"), cell(f"XFD{n}", "1")] for n in range(1, 3001)]
    content = xlsx_with_sheet(sheet(rows, dimension="A1:XFD3000"))
    tracemalloc.start()
    read = rows_of(content, max_col=3)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(read) == 3000
    assert read[0] == (1, (1, None, None))
    assert peak < 20_000_000


def test_more_rows_than_the_limit_are_refused_by_row(settings):
    settings.UPLOAD_MAX_ROWS = 100
    content = xlsx_with_sheet(sheet([[cell(f"A{n}", "1")] for n in range(1, 500)]))
    with pytest.raises(UploadError) as refused:
        rows_of(content)
    assert "100" in refused.value.message
    assert refused.value.row == 102


def test_empty_formatted_rows_past_the_limit_are_not_counted(settings):
    settings.UPLOAD_MAX_ROWS = 10
    xml = sheet([[cell("A1", "1")]]).replace(
        "</sheetData>",
        "".join(f'<row r="{n}" ht="20" customHeight="1"/>' for n in range(50, 90)) + "</sheetData>",
    )
    assert rows_of(xlsx_with_sheet(xml)) == [(1, (1, None, None, None, None))]


def test_a_sheet_with_too_many_cells_is_refused(settings):
    settings.UPLOAD_MAX_ROWS = 2  # room for 3 × 40 cells
    rows = [[cell(f"{c}1", "1") for c in ("A", "B")] * 80]
    with pytest.raises(UploadError, match="too many cells"):
        rows_of(xlsx_with_sheet(sheet(rows)))


def test_a_file_that_unpacks_to_more_than_the_limit_is_refused_before_parsing(settings):
    settings.UPLOAD_MAX_UNPACKED_BYTES = 1_000_000
    bomb = with_parts({"xl/worksheets/sheet1.xml": " " * 2_000_000})
    assert len(bomb) < 20_000
    with pytest.raises(UploadError, match="unpacks to more than 1 MB"):
        rows_of(bomb)


def test_too_much_shared_text_is_refused_before_it_is_loaded(settings):
    settings.UPLOAD_MAX_TEXT_BYTES = 100_000
    content = xlsx_with_sheet(sheet([[cell("A1", "0", kind="s")]]), [f"{i}" for i in range(20000)])
    with pytest.raises(UploadError, match="more than 0 MB of text"):
        rows_of(content)


def test_a_file_larger_than_the_limit_is_refused(settings):
    settings.UPLOAD_MAX_BYTES = 1000
    with pytest.raises(UploadError, match="too large"):
        rows_of(b"x" * 1001)


@pytest.mark.parametrize(
    "content",
    [b"", b"not a zip at all", b"PK\x03\x04" + b"\x00" * 40, with_parts({"xl/workbook.xml": "<"})],
)
def test_a_file_that_is_not_xlsx_is_refused_with_a_message(content):
    with pytest.raises(UploadError, match="could not be read as an xlsx"):
        rows_of(content)


def test_a_truncated_sheet_is_refused_naming_the_last_row_read():
    xml = sheet([header_cells(["A"]), [cell("A2", "1")], [cell("A3", "2")]])
    broken = xml[: xml.index('<row r="3">') + 15]
    with pytest.raises(UploadError, match="after row 2") as refused:
        rows_of(xlsx_with_sheet(broken))
    assert refused.value.row == 2


def test_bad_cells_are_marked_not_raised():
    rows = [
        header_cells(["a", "b", "c", "d", "e"]),
        [
            cell("A2", "INF"),  # a number cell holding text
            cell("B2", "abc"),
            cell("C2", "99", kind="s"),  # past the shared strings
            cell("D2", formula="SUM(1,2)"),  # a formula with no cached value
            cell("E2", "3", formula="1+2"),  # a formula with its value
        ],
        [cell("A3", "1", kind="b"), cell("B3", "1E999")],
    ]
    read = rows_of(xlsx_with_sheet(sheet(rows), ["only"]))
    assert read[1] == (2, (BROKEN, BROKEN, BROKEN, FORMULA, 3))
    assert read[2][1][0] is True
    assert read[2][1][1] == float("inf")


def test_numbers_from_cells_and_text_and_what_is_refused():
    assert to_decimal(1200.5) == Decimal("1200.5")
    assert to_decimal("1.234,50") == Decimal("1234.50")
    assert to_decimal("1,234.50") == Decimal("1234.50")
    assert to_decimal("1 234,5") == Decimal("1234.5")
    assert to_decimal(None) is None
    assert to_decimal("  ") is None
    for bad in (True, float("inf"), float("nan"), "Infinity", "NaN", "abc", BROKEN, FORMULA):
        with pytest.raises(ValueError):
            to_decimal(bad)


def test_text_from_cells():
    assert to_text(None) == ""
    assert to_text(12.0) == "12"
    assert to_text("  Løn ") == "Løn"
    with pytest.raises(ValueError, match="formula"):
        to_text(FORMULA)


def test_errors_stop_at_the_limit_and_say_so(settings):
    settings.UPLOAD_MAX_ERRORS = 3
    errors = Errors()
    for n in range(5):
        errors.add(n, "A", "bad")
    assert len(errors) == 3
    assert errors.truncated


def test_openpyxl_still_has_the_parser_interface_the_reader_relies_on():
    # If an upgrade moves these, this names the cause before users see refused files.
    assert NS in sheet([])
    content = xlsx_with_sheet(sheet([[cell("A1", "1")]]))
    assert zipfile.is_zipfile(io.BytesIO(content))
    assert rows_of(content, max_col=1) == [(1, (1,))]
