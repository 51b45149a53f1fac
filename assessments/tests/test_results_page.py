"""The results page and the report (Word, PDF): figures, charts with tables, and the
threshold holding in each."""

import io
import zipfile

import pytest
from django.urls import reverse

from .conftest import answer


def _docx_text(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        return z.read("word/document.xml").decode()


def test_the_results_page_shows_radar_tables_and_only_departments_above_the_threshold(
    client, member, answered
):
    client.force_login(member)
    page = client.get(reverse("assessments:results", args=["skovby", answered.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert html.count("<svg") >= 2 and 'role="img"' in html
    assert "Borgerservice" in html
    # Sundhed's lone answer and Skole (hidden with it) appear only as "not shown".
    assert html.count("Sundhed") == 1 and html.count("Skole") == 1
    assert "Topledelsen tager ejerskab" in html
    assert (
        reverse(
            "assessments:finding_new",
            args=["skovby", answered.pk, answered.framework.dimensions.first().pk],
        )
        in html
    )


def test_below_the_threshold_the_page_says_so_and_shows_no_figures(
    client, member, round, departments, groups
):
    for _ in range(4):
        answer(round, departments[0], groups["employee"], 5)
    client.force_login(member)
    html = client.get(reverse("assessments:results", args=["skovby", round.pk])).content.decode()
    assert "<svg" not in html.split("<main")[1]
    assert "Topledelsen tager ejerskab" not in html


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_the_report_downloads_and_keeps_the_threshold(client, member, answered, fmt, framework):
    question = framework.questions.first()
    client.force_login(member)
    response = client.get(reverse(f"assessments:report_{fmt}", args=["skovby", answered.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    if fmt == "docx":
        text = _docx_text(response.content)
        assert "Borgerservice" in text and "Topledelsen tager ejerskab" in text
        assert text.count("Sundhed") == 1  # in the response table, as "fewer than 5"
    else:
        assert response.content.startswith(b"%PDF")
    assert question  # the round's free-text question exists but had no answers


def test_free_text_is_for_the_office_only(
    client, reader, member, round, departments, groups, framework
):
    question = framework.questions.first()
    for i in range(5):
        answer(round, departments[0], groups["employee"], 3, {question.pk: f"Hemmelig tanke {i}"})
    for _ in range(5):
        answer(round, departments[1], groups["manager"], 3)
    client.force_login(reader)
    url = reverse("assessments:results", args=["skovby", round.pk])
    assert "Hemmelig tanke" not in client.get(url).content.decode()
    docx = client.get(reverse("assessments:report_docx", args=["skovby", round.pk])).content
    assert "Hemmelig tanke" not in _docx_text(docx)
    assert client.get(reverse("assessments:texts", args=["skovby", round.pk])).status_code == 403
    client.force_login(member)
    assert (
        reverse("assessments:texts", args=["skovby", round.pk]) in client.get(url).content.decode()
    )
    texts = client.get(reverse("assessments:texts", args=["skovby", round.pk])).content.decode()
    assert "Hemmelig tanke 3" in texts
