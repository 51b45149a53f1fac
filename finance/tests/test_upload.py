"""The business-case line upload against hostile files: every bad cell named by row and
column, never a 500, nothing saved unless all is valid, and never without the version."""

from __future__ import annotations

import io

from openpyxl.utils import get_column_letter

from finance.tests.test_views import HEADER
from tests.hostile import cell, sheet, with_parts, xlsx_with_sheet

URL = "/skovby/business-cases/{pk}/upload/"


def _row(number: int, values: list) -> list[str]:
    """Cells of one row: text inline, numbers as numbers, raw <c> strings as they are."""
    out = []
    for i, v in enumerate(values, 1):
        ref = f"{get_column_letter(i)}{number}"
        if isinstance(v, str) and v.startswith("<c "):
            out.append(v.replace("REF", ref))
        elif isinstance(v, str):
            out.append(cell(ref, v, kind="inlineStr"))
        elif v is not None:
            out.append(cell(ref, str(v)))
    return out


def _file(rows: list[list], name: str = "lines.xlsx") -> io.BytesIO:
    xml = sheet([_row(n, r) for n, r in enumerate([HEADER, *rows], 1)])
    buffer = io.BytesIO(xlsx_with_sheet(xml))
    buffer.name = name
    return buffer


COST = ["Omkostning", "Licens", "Drift", "Ekstern", None, "Beløb", 100, 100]


def _post(client, case, upload, **extra):
    return client.post(
        URL.format(pk=case.pk), {"file": upload, "case_version": case.version, **extra}
    )


def test_hostile_cells_are_named_by_row_and_column_and_nothing_is_saved(
    client, member, business_case
):
    client.force_login(member)
    before = list(business_case.lines.values_list("description", flat=True))
    upload = _file(
        [
            [*COST, '<c r="REF" t="b"><v>1</v></c>'],  # a boolean amount
            [*COST, '<c r="REF"><v>INF</v></c>'],  # text in a number cell
            [*COST, '<c r="REF"><f>SUM(A1:A2)</f></c>'],  # a formula with no value
            [*COST, '<c r="REF"><v>1E999</v></c>'],  # infinity
        ]
    )
    r = _post(client, business_case, upload)
    assert r.status_code == 422
    text = r.content.decode()
    for row in (2, 3, 4, 5):
        assert f"Række {row}, kolonne “2027”" in text
    assert "formel" in text
    assert list(business_case.lines.values_list("description", flat=True)) == before


def test_a_formula_with_its_computed_value_is_read_as_that_value(client, member, business_case):
    client.force_login(member)
    r = _post(client, business_case, _file([[*COST, '<c r="REF"><f>400+100</f><v>500</v></c>']]))
    assert r.status_code == 302
    assert business_case.lines.get().amounts[0] == 500


def test_reading_stops_after_fifty_errors(client, member, business_case):
    client.force_login(member)
    r = _post(client, business_case, _file([[*COST, "mange"]] * 200))
    assert r.status_code == 422
    text = r.content.decode()
    assert text.count("<li>Række") == 50
    assert "mere end 50 fejl" in text


def test_damaged_files_are_refused_with_a_message_not_a_500(client, member, business_case):
    client.force_login(member)
    truncated = sheet([_row(1, HEADER), _row(2, COST)])[:-40]
    for content in (
        xlsx_with_sheet(truncated),
        with_parts({"xl/worksheets/sheet1.xml": " " * 60_000_000}),
        b"PK\x03\x04 not really a zip",
    ):
        upload = io.BytesIO(content)
        upload.name = "lines.xlsx"
        r = _post(client, business_case, upload)
        assert r.status_code == 422
        assert 'id="upload-errors"' in r.content.decode()
    assert business_case.lines.count() == 3


def test_an_upload_without_the_version_it_replaces_is_refused(client, member, business_case):
    client.force_login(member)
    r = client.post(URL.format(pk=business_case.pk), {"file": _file([[*COST, 500]])})
    assert r.status_code == 422
    assert business_case.lines.count() == 3
