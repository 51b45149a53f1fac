"""A round's report as an editable Word file and as a PDF (Typst), both from one plain
description (`report_data`), with the same threshold as the page (assessments.results)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import typst
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from docx import Document

from core.chart_images import add_to_docx
from core.l10n import decimal
from core.text import stripped

from ..charts import radar
from ..models import Round
from ..results import free_texts, results

TEMPLATE = Path(__file__).with_name("report.typ")


def _n(value: float | None, places: int = 1, sign: bool = False) -> str:
    if value is None:
        return "–"
    text = decimal(value, places)
    return f"+{text}" if sign and value > 0 else text


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{decimal(value * 100, 0)} %"


def report_data(round: Round, *, texts: bool) -> dict:
    """What both documents say, as text a document can hold (core.text)."""
    out = results(round)
    rows = [
        [
            d.dimension.name,
            _n(d.overall.mean),
            _pct(d.overall.dont_know_share),
            _n(d.change, sign=True),
            _n(d.benchmark[1]) if d.benchmark else "–",
        ]
        for d in out.weakest_first()
    ]
    gap = [
        [d.dimension.name, _n(d.leaders.mean), _n(d.employees.mean), _n(d.gap, sign=True)]
        for d in out.dimensions
        if d.leaders and d.employees
    ]
    rates = [
        [
            str(p.obj),
            str(p.responses) if p.shown else _("fewer than %(n)d") % {"n": round.threshold},
            _pct(p.rate) if p.shown else "–",
        ]
        for p in out.departments + out.groups
    ]
    themes = []
    if texts:
        for group, questions in free_texts(out):
            for question, answers in questions:
                themes.append({"heading": f"{group} · {question}", "texts": answers})
    return stripped(
        {
            "lang": (get_language() or "da")[:2],
            "organisation": round.organisation.name,
            "title": round.title,
            "subtitle": "%s – %s · %s"
            % (
                date_format(round.opens_on, "DATE_FORMAT"),
                date_format(round.closes_on, "DATE_FORMAT"),
                round.framework,
            ),
            "introduction": round.introduction,
            "summary": _("%(n)d responses; response rate %(rate)s.")
            % {"n": out.responses, "rate": _pct(out.rate)},
            "shown": out.shown,
            "chart": radar(out, chart_id="report-radar") if out.dimensions else None,
            "rates": rates,
            "rows": rows,
            "gap": gap,
            "themes": themes,
            "findings": [
                f"{f.initiative.reference} {f.initiative.title} ({f.dimension.name})"
                for f in round.findings.select_related("initiative", "dimension")
            ],
            "labels": {
                "rates": _("Who answered"),
                "rate_head": [_("Department or group"), _("Responses"), _("Response rate")],
                "dimensions": _("Dimensions, weakest first"),
                "dim_head": [
                    _("Dimension"),
                    _("Mean"),
                    _("Don't know"),
                    _("Change"),
                    _("Benchmark median"),
                ],
                "gap": _("Leaders and employees"),
                "gap_head": [_("Dimension"), _("Leaders"), _("Employees"), _("Gap")],
                "themes": _("In their own words"),
                "findings": _("Initiatives created from the round"),
                "hidden": _(
                    "Too few answers so far: results are shown from %(n)d answers, so that "
                    "no one can be recognised."
                )
                % {"n": round.threshold},
                "none": _("None yet."),
            },
        }
    )


def _table(doc, head: list[str], rows: list[list[str]]) -> None:
    table = doc.add_table(rows=1, cols=len(head))
    table.style = "Light Grid Accent 1"
    for cell, text in zip(table.rows[0].cells, head, strict=True):
        cell.text = text
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text


def as_docx(data: dict) -> bytes:
    doc = Document()
    doc.core_properties.title = data["title"]
    labels = data["labels"]
    doc.add_paragraph(data["organisation"])
    doc.add_heading(data["title"], level=1)
    doc.add_paragraph(data["subtitle"])
    if data["introduction"]:
        doc.add_paragraph(data["introduction"])
    doc.add_paragraph(data["summary"])
    doc.add_heading(labels["rates"], level=2)
    _table(doc, labels["rate_head"], data["rates"])
    if not data["shown"]:
        doc.add_paragraph(labels["hidden"])
    else:
        if data["chart"]:
            add_to_docx(doc, data["chart"], width_cm=15)
        doc.add_heading(labels["dimensions"], level=2)
        _table(doc, labels["dim_head"], data["rows"])
        if data["gap"]:
            doc.add_heading(labels["gap"], level=2)
            _table(doc, labels["gap_head"], data["gap"])
        if data["themes"]:
            doc.add_heading(labels["themes"], level=2)
            for theme in data["themes"]:
                doc.add_heading(theme["heading"], level=3)
                for text in theme["texts"]:
                    doc.add_paragraph(text, style="List Bullet")
    doc.add_heading(labels["findings"], level=2)
    for line in data["findings"] or [labels["none"]]:
        doc.add_paragraph(line)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def as_pdf(data: dict) -> bytes:
    return typst.compile(str(TEMPLATE), sys_inputs={"data": json.dumps(data, ensure_ascii=False)})
