from django.utils import translation

from core.charts import Bar, bar_chart
from core.markdown import render_markdown
from core.templatetags.styr import money


def test_markdown_strips_scripts_and_shifts_headings():
    html = render_markdown(
        "# Titel\n\n<script>x()</script><img src=x onerror=alert(1)>\n\n[a](javascript:x)"
    )
    assert "<h3>Titel</h3>" in html
    assert "<script" not in html and "onerror" not in html and "javascript:" not in html


def test_amounts_follow_the_language_and_currency():
    with translation.override("da"):
        assert money(1234567, "DKK") == "1.234.567 kr."
    with translation.override("nb"):
        assert money(1234567, "NOK").replace("\xa0", " ") == "1 234 567 kr"
    with translation.override("en"):
        assert money(1234567, "DKK") == "DKK 1,234,567"


def test_a_bar_chart_is_accessible_svg():
    svg = bar_chart([Bar("Skal-løsninger", 3), Bar("<b>", 1)], title="Per spor", chart_id="c")
    assert svg.startswith("<svg") and 'role="img"' in svg and '<title id="c-title">Per spor' in svg
    assert "&lt;b&gt;" in svg


def test_healthz(client, db):
    assert client.get("/healthz/").json() == {"status": "ok"}
