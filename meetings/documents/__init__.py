"""A meeting's agenda or minutes as an editable Word file and as a PDF (Typst).

Both are built from one plain description (`meeting_data`), so they always say the same.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import typst
from django.db.models import prefetch_related_objects
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from docx import Document

from core.chart_images import add_to_docx
from core.text import stripped
from finance.charts import cashflow_chart
from finance.models import BusinessCase, CaseStatus

from ..models import Meeting, MeetingStatus

TEMPLATE = Path(__file__).with_name("meeting.typ")


def meeting_data(meeting: Meeting, *, minutes: bool) -> dict:
    """What both documents say, as text a document can hold (core.text)."""
    items = []
    agenda = list(meeting.items.select_related("decision__body", "initiative"))
    cases = _shown_cases([item.initiative_id for item in agenda if item.initiative_id])
    currency = meeting.organisation.currency
    for item in agenda:
        d = item.decision if minutes else None
        case = cases.get(item.initiative_id)
        items.append(
            {
                "title": item.title,
                "kind": item.get_kind_display(),
                "notes": item.notes,
                "chart": None
                if case is None
                else cashflow_chart(case.figures(), currency, chart_id=f"cashflow-{item.pk}"),
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


def _shown_cases(initiative_ids: list[int]) -> dict[int, BusinessCase]:
    """Per initiative, the business case whose cash flow an item shows, as the page does:
    the newest approved one, else the newest. All in one query (figures are stored with
    each case; one without them gets its lines and risks in one more)."""
    shown: dict[int, BusinessCase] = {}
    for case in BusinessCase.objects.filter(initiative_id__in=initiative_ids).order_by("-updated"):
        current = shown.get(case.initiative_id)
        approved = case.status == CaseStatus.APPROVED
        if current is None or (approved and current.status != CaseStatus.APPROVED):
            shown[case.initiative_id] = case
    prefetch_related_objects(
        [c for c in shown.values() if not c.has_stored_figures], "lines", "risks"
    )
    return shown


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
