from django.utils import translation

from core.charts import Bar, Series, bar_chart, radar_chart
from core.markdown import render_markdown
from core.templatetags.styr import money


def test_markdown_strips_scripts_and_shifts_headings():
    html = render_markdown(
        "# Titel\n\n<script>x()</script><img src=x onerror=alert(1)>\n\n[a](javascript:x)"
    )
    assert "<h3>Titel</h3>" in html
    assert "<script" not in html and "onerror" not in html and "javascript:" not in html


def test_a_text_shown_again_is_rendered_once_and_the_same():
    text = "Vi vil **styrke** selvbetjening.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<script>x()</script>"
    first = render_markdown(text)
    hits = render_markdown.cache_info().hits
    assert render_markdown(text) == first
    assert render_markdown.cache_info().hits == hits + 1
    assert "<strong>styrke</strong>" in first and "<table>" in first and "<script" not in first
    assert render_markdown(text + " Mere.") != first  # another text is rendered anew


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


def test_a_radar_chart_draws_a_spoke_per_axis_and_a_line_per_series():
    svg = radar_chart(
        ["Ejerskab", "Involvering", "Læring <&>"],
        [Series("2026", [4.0, 2.5, None]), Series("2025", [3.0, 3.0, 3.0], dashed=True)],
        title="Gennemsnit",
    )
    assert svg.startswith("<svg") and 'role="img"' in svg and "<title" in svg
    assert svg.count("<line") == 3 + 2  # three spokes, two legend lines
    assert svg.count('fill-opacity="0.08"') == 2
    assert "Læring &lt;&amp;&gt;" in svg and "<&>" not in svg
    assert 'stroke-dasharray="6 4"' in svg
