"""A meeting's agenda or minutes as an editable Word file and as a PDF (Typst).

Both are built from one plain description (`meeting_data`), so they always say the same.
"""

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
from core.text import stripped
from finance.charts import cashflow_chart
from finance.models import BusinessCase

from ..models import Meeting, MeetingStatus

TEMPLATE = Path(__file__).with_name("meeting.typ")


def meeting_data(meeting: Meeting, *, minutes: bool) -> dict:
    """What both documents say, as text a document can hold (core.text)."""
    items = []
    for item in meeting.items.select_related("decision__body", "initiative"):
        d = item.decision if minutes else None
        items.append(
            {
                "title": item.title,
                "kind": item.get_kind_display(),
                "notes": item.notes,
                "chart": _case_chart(item, meeting.organisation.currency),
                "decision": None
                if d is None
                else {
                    "outcome": d.get_outcome_display(),
                    "body": str(d.body),
                    "rationale": d.rationale,
                    "conditions": d.conditions,
                    "lessons": d.lessons,
                },
            }
        )
    heading = _("Minutes") if minutes else _("Agenda")
    where = f" · {meeting.location}" if meeting.location else ""
    return stripped(
        {
            "lang": (get_language() or "da")[:2],
            "organisation": meeting.organisation.name,
            "title": f"{heading}: {meeting.body}",
            "subtitle": date_format(meeting.date, "DATE_FORMAT") + where,
            "items": items,
            "minutes": meeting.minutes if minutes and meeting.status == MeetingStatus.HELD else "",
            "labels": {
                "decision": _("Decision"),
                "rationale": _("Rationale"),
                "conditions": _("Conditions"),
                "lessons": _("Lessons learned"),
                "minutes": _("Minutes"),
                "empty": _("No items on the agenda."),
            },
        }
    )


def _case_chart(item, currency: str) -> str | None:
    """The cash flow of the initiative's business case (the approved one, else the newest)
    as the page shows it, so the body sees the same chart on paper."""
    if item.initiative is None:
        return None
    cases = BusinessCase.objects.filter(initiative=item.initiative)
    case = cases.approved().order_by("-updated").first() or cases.order_by("-updated").first()
    if case is None:
        return None
    return cashflow_chart(case.figures(), currency, chart_id=f"cashflow-{item.pk}")


def as_docx(data: dict) -> bytes:
    doc = Document()
    doc.core_properties.title = data["title"]
    doc.add_paragraph(data["organisation"])
    doc.add_heading(data["title"], level=1)
    doc.add_paragraph(data["subtitle"])
    labels = data["labels"]
    for number, item in enumerate(data["items"], start=1):
        doc.add_heading(f"{number}. {item['title']}", level=2)
        doc.add_paragraph().add_run(item["kind"]).italic = True
        if item["notes"]:
            doc.add_paragraph(item["notes"])
        if item.get("chart"):
            add_to_docx(doc, item["chart"], width_cm=16)
        d = item["decision"]
        if d:
            p = doc.add_paragraph()
            p.add_run(f"{labels['decision']}: ").bold = True
            p.add_run(f"{d['outcome']} · {d['body']}")
            for key in ("rationale", "conditions", "lessons"):
                if d[key]:
                    p = doc.add_paragraph()
                    p.add_run(f"{labels[key]}: ").bold = True
                    p.add_run(d[key])
    if not data["items"]:
        doc.add_paragraph(labels["empty"])
    if data["minutes"]:
        doc.add_heading(labels["minutes"], level=2)
        for paragraph in data["minutes"].split("\n\n"):
            doc.add_paragraph(paragraph)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def as_pdf(data: dict) -> bytes:
    return typst.compile(str(TEMPLATE), sys_inputs={"data": json.dumps(data, ensure_ascii=False)})
