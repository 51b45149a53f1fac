"""The business case pages: build, edit, approve, upload and export."""

import io

from openpyxl import Workbook, load_workbook

from finance.models import BusinessCase, CaseLine, CaseStatus


def test_it_creates_a_case_with_the_organisations_defaults(client, member, initiative):
    client.force_login(member)
    r = client.get("/skovby/initiatives/1/business-cases/new/")
    assert r.status_code == 200
    assert 'value="3,5"' in r.content.decode()  # the user's format, no trailing zeros
    r = client.post(
        "/skovby/initiatives/1/business-cases/new/",
        {"first_year": 2027, "horizon_years": 10, "discount_rate": "3.5", "hourly_rate": "450"},
    )
    case = BusinessCase.objects.get()
    assert r.status_code == 302 and r["Location"] == f"/skovby/business-cases/{case.pk}/"


def test_it_adds_a_cost_line_in_hours(client, member, business_case):
    client.force_login(member)
    r = client.post(
        f"/skovby/business-cases/{business_case.pk}/lines/new/?side=cost",
        {
            "side": "cost",
            "description": "Superbrugere",
            "cost_kind": "running",
            "cost_source": "internal",
            "unit": "hours",
            "minimum_pct": "100",
            "maximum_pct": "120",
            "year_0": "10",
            "year_1": "2,5",
            "case_version": business_case.version,
        },
    )
    assert r.status_code == 302, r.content
    line = CaseLine.objects.get(description="Superbrugere")
    assert line.amounts == [10.0, 2.5]
    r = client.get(f"/skovby/business-cases/{business_case.pk}/")
    # 10 hours × 450 kr.
    assert "4.500" in r.content.decode()


def test_a_benefit_line_needs_a_category(client, member, business_case):
    client.force_login(member)
    r = client.post(
        f"/skovby/business-cases/{business_case.pk}/lines/new/?side=benefit",
        {
            "side": "benefit",
            "description": "X",
            "unit": "amount",
            "minimum_pct": "100",
            "maximum_pct": "100",
            "case_version": business_case.version,
        },
    )
    assert r.status_code == 200
    assert (
        "A benefit line needs a category." in r.content.decode() or "kategori" in r.content.decode()
    )
    assert business_case.lines.count() == 3


def test_a_stale_edit_is_refused(client, member, business_case):
    client.force_login(member)
    data = {
        "side": "cost",
        "description": "Drift",
        "cost_kind": "running",
        "cost_source": "external",
        "unit": "amount",
        "minimum_pct": "100",
        "maximum_pct": "100",
        "year_1": "200",
        "case_version": business_case.version,
    }
    line = business_case.lines.get(description="Drift")
    assert (
        client.post(f"/skovby/business-cases/{business_case.pk}/lines/{line.pk}/", data).status_code
        == 302
    )
    r = client.post(
        f"/skovby/business-cases/{business_case.pk}/lines/{line.pk}/", {**data, "year_1": "999"}
    )
    assert r.status_code == 409
    line.refresh_from_db()
    assert line.amounts == [0.0, 200.0]


def test_the_approved_version_stays_readable_after_an_edit(client, member, business_case, org):
    from conftest import _member

    boss = _member(org, "direktion@skovby.dk", "decision_maker")
    client.force_login(member)
    assert client.get(f"/skovby/business-cases/{business_case.pk}/approve/").status_code == 403
    client.force_login(boss)
    r = client.post(
        f"/skovby/business-cases/{business_case.pk}/approve/",
        {"version": business_case.version, "note": "Direktionen 3/3"},
    )
    assert r.status_code == 302
    business_case.refresh_from_db()
    assert business_case.status == CaseStatus.APPROVED
    approval = business_case.approvals.get()
    client.force_login(member)
    line = business_case.lines.get(description="Drift")
    client.post(
        f"/skovby/business-cases/{business_case.pk}/lines/{line.pk}/delete/",
        {"case_version": business_case.version},
    )
    business_case.refresh_from_db()
    assert business_case.status == CaseStatus.DRAFT
    assert business_case.lines.count() == 2
    r = client.get(f"/skovby/business-cases/{business_case.pk}/approvals/{approval.pk}/")
    assert r.status_code == 200
    assert "Drift" in r.content.decode()
    assert "Direktionen 3/3" in r.content.decode()


def test_a_reader_sees_but_cannot_edit(client, reader, business_case):
    client.force_login(reader)
    assert client.get(f"/skovby/business-cases/{business_case.pk}/").status_code == 200
    assert client.get(f"/skovby/business-cases/{business_case.pk}/edit/").status_code == 403
    assert client.get("/skovby/business-cases/").status_code == 200


def _sheet(rows):
    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    buffer = io.BytesIO()
    wb.save(buffer)
    buffer.seek(0)
    buffer.name = "lines.xlsx"
    return buffer


HEADER = [
    "Type",
    "Beskrivelse",
    "Omkostningstype",
    "Intern eller ekstern",
    "Gevinstkategori",
    "Enhed",
    "Minimum %",
    "Maksimum %",
    2027,
    2028,
    2029,
    2030,
]


def test_an_upload_with_errors_names_row_and_column_and_saves_nothing(
    client, member, business_case
):
    client.force_login(member)
    upload = _sheet(
        [
            HEADER,
            [
                "Omkostning",
                "Licens",
                "Engangs / investering",
                "Ekstern",
                None,
                "Beløb",
                100,
                100,
                500,
            ],
            ["Gevinst", "Tid", None, None, "Ukendt kategori", "Beløb", 100, 100, 0, 100],
            ["Omkostning", "Drift", "Drift", "Intern", None, "Beløb", 100, 100, 0, "mange"],
        ]
    )
    r = client.post(
        f"/skovby/business-cases/{business_case.pk}/upload/",
        {"file": upload, "case_version": business_case.version},
    )
    assert r.status_code == 422
    text = r.content.decode()
    assert "Række 3" in text and "Gevinstkategori" in text
    assert "Række 4" in text and "2028" in text
    assert business_case.lines.count() == 3


def test_a_valid_upload_replaces_the_lines(client, member, business_case):
    client.force_login(member)
    r = client.get(f"/skovby/business-cases/{business_case.pk}/template.xlsx")
    template = load_workbook(io.BytesIO(r.content))
    assert [c.value for c in template.active[1]][:8] == HEADER[:8]
    assert template.active.max_row == 4  # header + the case's three lines
    upload = _sheet(
        [
            HEADER,
            [
                "Omkostning",
                "Licens",
                "Engangs / investering",
                "Ekstern",
                None,
                "Beløb",
                90,
                130,
                500,
            ],
            ["benefit", "Tid", None, None, "budget", "amount", None, None, 0, 300, 300],
        ]
    )
    r = client.post(
        f"/skovby/business-cases/{business_case.pk}/upload/",
        {"file": upload, "case_version": business_case.version},
    )
    assert r.status_code == 302, r.content.decode()[:3000]
    assert sorted(business_case.lines.values_list("description", flat=True)) == ["Licens", "Tid"]


def test_the_export_holds_the_key_figures(client, member, business_case):
    client.force_login(member)
    r = client.get(f"/skovby/business-cases/{business_case.pk}/export.xlsx")
    assert r.status_code == 200
    wb = load_workbook(io.BytesIO(r.content))
    values = {row[0]: row[1] for row in wb.active.iter_rows(values_only=True) if row and row[0]}
    assert round(values["Nutidsværdi (forventet)"], 2) == 89.30
    assert values["Tilbagebetalingsår"] == 2030
