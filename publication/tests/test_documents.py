"""The strategy note and the short version: headings, goals, the action plan, page counts,
and user text that reaches Typst only as data."""

import io
import re

from django.core.management import call_command
from django.utils import translation
from docx import Document

from publication import documents, pages, snapshot
from publication.models import StrategyVersion
from strategy.models import GoalMeasurement, Strategy


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[\s/>]", pdf))


def docx_text(content: bytes) -> str:
    doc = Document(io.BytesIO(content))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def _source(strategy, **kwargs):
    return pages.source(None, snapshot.take(strategy), strategy.organisation, **kwargs)


def test_the_note_follows_the_disposition_and_holds_the_goals_and_the_plan(strategy, plan, org):
    GoalMeasurement.objects.create(
        organisation=org,
        goal=strategy.focus_areas.first().goals.first(),
        measured_on="2026-06-30",
        value=80,
    )
    with translation.override("en"):
        data = documents.note_data(_source(strategy))
        text = docx_text(documents.note_docx(data))
    for heading in (
        "1. Vision",
        "2. Themes",
        "3. Focus areas",
        "4. Governance",
        "5. IT and architecture",
        "6. Action plan",
    ):
        assert heading in text
    assert "Digitale ansøgninger" in text
    assert "80 % (2026-06-30)" in text  # the latest measurement
    assert "50 %" in text  # 70 → 80 of 70 → 90
    assert "I-001" in text and "Ny borgerportal" in text
    assert "400,000" in text  # investment in 2027
    assert data["plan"]["figures"][1][:2] == ["2027", "400,000"]


def test_the_short_version_has_the_goals_in_one_line_each_and_the_audiences(strategy):
    strategy.for_employees = "Færre tidsrøvere"
    strategy.save()
    with translation.override("en"):
        data = documents.short_data(_source(strategy))
    assert data["focus_areas"][0]["goals"] == ["Digitale ansøgninger: from 70 % to 90 % by 2028"]
    assert [a["title"] for a in data["audiences"]] == ["What it means for employees"]
    assert page_count(documents.short_pdf(data)) == 1


def test_text_a_user_writes_cannot_change_the_documents_markup(strategy):
    plain = documents.note_pdf(documents.note_data(_source(strategy)))
    hostile = '#pagebreak() ] #set page(width: 1cm) ` $ @x <y> \\ #{ "a" } ' * 10
    Strategy.objects.filter(pk=strategy.pk).update(vision=hostile, it_architecture=hostile)
    strategy.refresh_from_db()
    strategy.themes.update(title=hostile[:200])
    data = documents.note_data(_source(strategy))
    pdf = documents.note_pdf(data)
    assert pdf.startswith(b"%PDF")
    # Ten "#pagebreak()" as markup would add pages; as text they add a few lines.
    assert page_count(pdf) <= page_count(plain) + 1
    assert hostile.strip() in docx_text(documents.note_docx(data))


def test_the_demo_note_is_about_ten_pages_and_the_short_version_at_most_two(db):
    call_command("demo", verbosity=0)
    version = StrategyVersion.objects.select_related("recommendation__body", "approval__body").get(
        organisation__slug="skovby"
    )
    source = pages.source(version, version.snapshot, version.organisation)
    with translation.override("da"):
        note = documents.note_pdf(documents.note_data(source))
        short = documents.short_pdf(documents.short_data(source))
        word = docx_text(documents.note_docx(documents.note_data(source)))
    assert 6 <= page_count(note) <= 14
    assert page_count(short) <= 2
    assert "Handleplan" in word and "Kommunalbestyrelse" in word
    # The demo: approved in two steps, published also publicly, measured; Fjellvik not.
    assert version.status == "approved" and version.public and version.intranet
    assert version.recommendation.kind == "recommend_strategy"
    assert version.approval.kind == "approve_strategy"
    assert version.snapshot["strategy"]["for_citizens"]
    assert GoalMeasurement.objects.filter(organisation__slug="skovby").count() > 10
    assert not StrategyVersion.objects.filter(organisation__slug="fjellvik").exists()


def test_the_documents_download_from_the_strategy_and_its_versions(client, member, strategy):
    client.force_login(member)
    base = f"/skovby/strategies/{strategy.pk}"
    r = client.get(f"{base}/document/note.pdf")
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    r = client.get(f"{base}/document/short.docx")
    assert r.status_code == 200 and "wordprocessingml" in r["Content-Type"]
    assert client.get(f"{base}/document/note.exe").status_code == 404
    assert client.get(f"{base}/document/other.pdf").status_code == 404
    assert client.get(f"{base}/versions/7/note.pdf").status_code == 404


def test_the_command_writes_a_document_without_a_server(strategy, tmp_path, capsys):
    target = tmp_path / "strategi.pdf"
    call_command("strategy_document", "skovby", "--short", "--format", "pdf", "-o", str(target))
    assert target.read_bytes().startswith(b"%PDF")
    target = tmp_path / "strategi.docx"
    call_command(
        "strategy_document",
        "skovby",
        "--strategy",
        str(strategy.pk),
        "--format",
        "docx",
        "-o",
        str(target),
    )
    assert "Digitale ansøgninger" in docx_text(target.read_bytes())
