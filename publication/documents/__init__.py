"""The strategy note (about ten pages, seed 003's disposition) and its short version (at
most two A4 pages), each as an editable Word file and as a PDF (Typst), written from a
snapshot (publication.snapshot): a frozen version's, or the strategy as it stands now.

Both formats are built from one plain description (`note_data`, `short_data`), so they
always say the same; user text reaches Typst only as JSON data (sys.inputs), never as
markup.
"""

from __future__ import annotations

import io
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import typst
from django.utils.dates import MONTHS
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from docx import Document
from docx.shared import Pt

from core.chart_images import add_to_docx
from core.charts import PALETTE, Series, combo_chart
from core.l10n import decimal, whole
from core.text import stripped
from governance.models import BodyKind, DecisionKind
from initiatives.tracks import Track
from strategy import goals as goal_progress
from strategy.charts import goal_trend

from .markdown import blocks, plain

HERE = Path(__file__).parent
TRACK_ORDER = (Track.MUST_WIN, Track.MANDATORY, Track.PREREQUISITE)


@dataclass
class Source:
    """What a document is written from: a snapshot and what is known about it now."""

    snapshot: dict
    organisation: str
    status: str  # e.g. "Version 2, approved by the council on 3 March 2026"
    currency: str = "DKK"
    # Each goal's measurements [(iso date, value)] in date order, by goal id (live data).
    measurements: dict[int, list[tuple[str, float]]] = field(default_factory=dict)
    show_amounts: bool = True


def _number(value: float | None, unit: str = "") -> str:
    if value is None:
        return "–"
    text = decimal(value, 0 if float(value).is_integer() else 1)
    return f"{text} {unit}".strip()


def _percent(share: float | None) -> str:
    return "–" if share is None else f"{decimal(share * 100, 0)} %"


def _goal_rows(goals: list[dict], source: Source) -> list[list[str]]:
    rows = []
    for g in goals:
        measured = source.measurements.get(g["id"], [])
        latest = measured[-1] if measured else None
        progress = goal_progress.progress(g["baseline"], g["target"], latest[1] if latest else None)
        rows.append(
            [
                g["indicator"],
                _number(g["baseline"], g["unit"]),
                f"{_number(g['target'], g['unit'])} ({g['target_date'][:4]})",
                f"{_number(latest[1], g['unit'])} ({latest[0]})" if latest else "–",
                _percent(progress),
            ]
        )
    return rows


def _trend(goal: dict, measured: list[tuple[str, float]]) -> str | None:
    if len(measured) < 2:
        return None
    return goal_trend(
        indicator=goal["indicator"],
        unit=goal["unit"],
        target=goal["target"],
        points=measured,
        chart_id=f"goal-{goal['id']}",
        width=520,
        height=200,
    )


def _mandates(body: dict) -> str:
    labels = dict(DecisionKind.choices)
    tracks = dict(Track.choices)
    out = []
    for m in body["mandates"]:
        text = str(labels.get(m["kind"], m["kind"]))
        if m["track"]:
            text += f" ({tracks.get(m['track'], m['track'])})"
        if m["max_amount"] is not None:
            text += " ≤ " + whole(m["max_amount"])
        out.append(text)
    return "; ".join(out) or "–"


def _plan(plan: dict | None, source: Source) -> dict | None:
    if not plan:
        return None
    tracks = dict(Track.choices)
    by_track = defaultdict(list)
    for r in plan["rows"]:
        by_track[r["track"]].append(
            [r["reference"], r["title"], str(r["start"]), ", ".join(r["business_goals"]) or "–"]
        )
    years = [str(y) for y in plan["years"]]
    track_investment = {
        t: [
            sum(r["investment"][k] for r in plan["rows"] if r["track"] == t)
            for k in range(len(years))
        ]
        for t in TRACK_ORDER
    }
    chart = None
    if source.show_amounts:
        chart = combo_chart(
            years,
            bars=[
                Series(str(tracks[t]), track_investment[t], PALETTE[i])
                for i, t in enumerate(TRACK_ORDER)
            ],
            lines=[Series(_("Planned benefits"), plan["benefits"], PALETTE[3])],
            title=_("Investment by track and planned benefits per year"),
            value_format=lambda v: whole(v),
            unit=source.currency,
            width=600,
            height=260,
            chart_id="plan",
        )
    figures = [
        [
            year,
            whole(plan["investment"][k]) if source.show_amounts else "–",
            whole(plan["benefits"][k]) if source.show_amounts else "–",
            str(sum(1 for r in plan["rows"] if r["start"] == plan["years"][k])),
        ]
        for k, year in enumerate(years)
    ]
    return {
        "intro": _(
            "The action plan is the scenario “%(scenario)s”, committed on %(date)s: %(n)d "
            "initiatives. A joint-public or joint-municipal solution is %(share)s of them."
        )
        % {
            "scenario": plan["scenario"],
            "date": plan["committed"],
            "n": len(plan["rows"]),
            "share": _percent(plan["joint_share"]),
        },
        "tracks": [
            {"title": str(tracks[t]), "rows": by_track[t]} for t in TRACK_ORDER if by_track[t]
        ],
        "chart": chart,
        "figures": figures,
        "amounts": source.show_amounts,
    }


def note_data(source: Source) -> dict:
    """What the strategy note says, in both formats."""
    snap = source.snapshot
    s = snap["strategy"]
    focus = []
    for theme in snap["themes"]:
        for fa in theme["focus_areas"]:
            focus.append(
                {
                    "theme": theme["title"],
                    "title": fa["title"],
                    "text": blocks(fa["description"]),
                    "goals": _goal_rows(fa["goals"], source),
                    "charts": [
                        c
                        for g in fa["goals"]
                        if (c := _trend(g, source.measurements.get(g["id"], []))) is not None
                    ],
                    "initiatives": ", ".join(f"I-{n:03d}" for n in fa["initiatives"]) or "–",
                }
            )
    repeats = {
        12: _("every year"),
        6: _("every half year"),
        3: _("every quarter"),
        1: _("every month"),
    }
    kinds = dict(BodyKind.choices)
    return stripped(
        {
            "lang": (get_language() or "da")[:2],
            "organisation": source.organisation,
            "title": s["title"],
            "period": f"{s['period_start']}–{s['period_end']}",
            "status": source.status,
            "vision": blocks(s["vision"]),
            "business_goals": [
                {"title": g["title"], "source": g["source"], "text": blocks(g["description"])}
                for g in snap["business_goals"]
            ],
            "themes": [
                {"title": t["title"], "text": blocks(t["description"])} for t in snap["themes"]
            ],
            "focus_areas": focus,
            "governance": blocks(s["governance"]),
            "bodies": [
                [b["name"], str(kinds.get(b["kind"], b["kind"])), _mandates(b)]
                for b in snap["bodies"]
            ],
            "cycle": [
                [f"{e['day']}. {MONTHS[e['month']]}", e["title"], str(repeats.get(e["repeat"], ""))]
                for e in snap["cycle"]
            ],
            "it": blocks(s["it_architecture"]),
            "plan": _plan(snap.get("action_plan"), source),
            "labels": {
                "contents": _("Contents"),
                "vision": _("1. Vision"),
                "business_goals": _("The business goals digitalisation supports"),
                "themes": _("2. Themes"),
                "focus_areas": _("3. Focus areas"),
                "governance": _("4. Governance"),
                "bodies": _("The bodies and their mandates"),
                "cycle": _("The yearly cycle"),
                "it": _("5. IT and architecture"),
                "plan": _("6. Action plan"),
                "plan_by_track": _("The initiatives by track"),
                "key_figures": _("Key figures per year"),
                "no_plan": _("No scenario has been committed as this strategy's action plan yet."),
                "goal_head": [
                    _("Indicator"),
                    _("Baseline"),
                    _("Target"),
                    _("Latest measurement"),
                    _("Progress"),
                ],
                "plan_head": [_("Ref."), _("Initiative"), _("Start"), _("Business goals served")],
                "body_head": [_("Body"), _("Kind"), _("Mandates")],
                "cycle_head": [_("When"), _("Event"), _("Repeats")],
                "figure_head": [
                    _("Year"),
                    _("Investment (%(currency)s)") % {"currency": source.currency},
                    _("Planned benefits (%(currency)s)") % {"currency": source.currency},
                    _("Initiatives starting"),
                ],
                "initiatives": _("Initiatives"),
                "source": _("Source"),
                "theme": _("Theme"),
                "not_written": _("Not written yet."),
            },
        }
    )


def short_data(source: Source) -> dict:
    """What the short version says: vision, themes, focus areas with their goals in one
    line each, and what it means for employees, leaders and citizens."""
    snap = source.snapshot
    s = snap["strategy"]
    focus = []
    for theme in snap["themes"]:
        for fa in theme["focus_areas"]:
            lines = []
            for g in fa["goals"]:
                lines.append(
                    _("%(indicator)s: from %(baseline)s to %(target)s by %(year)s")
                    % {
                        "indicator": g["indicator"],
                        "baseline": _number(g["baseline"], g["unit"]),
                        "target": _number(g["target"], g["unit"]),
                        "year": g["target_date"][:4],
                    }
                )
            focus.append({"title": fa["title"], "goals": lines})
    audiences = [
        (_("What it means for employees"), s["for_employees"]),
        (_("What it means for leaders"), s["for_leaders"]),
        (_("What it means for citizens"), s["for_citizens"]),
    ]
    return stripped(
        {
            "lang": (get_language() or "da")[:2],
            "organisation": source.organisation,
            "title": s["title"],
            "period": f"{s['period_start']}–{s['period_end']}",
            "status": source.status,
            "vision": blocks(s["vision"]),
            "themes": [
                {"title": t["title"], "text": plain(t["description"])} for t in snap["themes"]
            ],
            "focus_areas": focus,
            "audiences": [{"title": t, "text": blocks(x)} for t, x in audiences if x.strip()],
            "labels": {
                "short": _("The short version"),
                "vision": _("Vision"),
                "themes": _("Themes"),
                "focus_areas": _("Focus areas and their goals"),
            },
        }
    )


def _pdf(template: str, data: dict) -> bytes:
    return typst.compile(
        str(HERE / template), sys_inputs={"data": json.dumps(data, ensure_ascii=False)}
    )


def note_pdf(data: dict) -> bytes:
    return _pdf("note.typ", data)


def short_pdf(data: dict) -> bytes:
    return _pdf("short.typ", data)


def _blocks_docx(doc, items: list[dict]) -> None:
    for b in items:
        p = doc.add_paragraph(style="List Bullet" if b["item"] else None)
        for r in b["runs"]:
            run = p.add_run(r["text"])
            run.bold, run.italic = r["bold"], r["italic"]


def _table_docx(doc, head: list[str], rows: list[list[str]]) -> None:
    table = doc.add_table(rows=1, cols=len(head))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, head, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text


def note_docx(data: dict) -> bytes:
    doc = Document()
    doc.styles["Normal"].font.size = Pt(10.5)
    doc.core_properties.title = data["title"]
    labels = data["labels"]
    doc.add_paragraph(data["organisation"])
    doc.add_heading(data["title"], level=0)
    doc.add_paragraph(data["period"])
    doc.add_paragraph().add_run(data["status"]).italic = True
    doc.add_heading(labels["vision"], level=1)
    _blocks_docx(
        doc,
        data["vision"]
        or [
            {
                "item": False,
                "runs": [{"text": labels["not_written"], "bold": False, "italic": False}],
            }
        ],
    )
    if data["business_goals"]:
        doc.add_heading(labels["business_goals"], level=2)
        for g in data["business_goals"]:
            p = doc.add_paragraph()
            p.add_run(g["title"]).bold = True
            if g["source"]:
                p.add_run(f" ({labels['source']}: {g['source']})")
            _blocks_docx(doc, g["text"])
    doc.add_heading(labels["themes"], level=1)
    for t in data["themes"]:
        doc.add_heading(t["title"], level=2)
        _blocks_docx(doc, t["text"])
    doc.add_heading(labels["focus_areas"], level=1)
    for fa in data["focus_areas"]:
        doc.add_heading(fa["title"], level=2)
        doc.add_paragraph().add_run(f"{labels['theme']}: {fa['theme']}").italic = True
        _blocks_docx(doc, fa["text"])
        if fa["goals"]:
            _table_docx(doc, labels["goal_head"], fa["goals"])
        for chart in fa["charts"]:
            add_to_docx(doc, chart, width_cm=12)
        doc.add_paragraph(f"{labels['initiatives']}: {fa['initiatives']}")
    doc.add_heading(labels["governance"], level=1)
    _blocks_docx(doc, data["governance"])
    if data["bodies"]:
        doc.add_heading(labels["bodies"], level=2)
        _table_docx(doc, labels["body_head"], data["bodies"])
    if data["cycle"]:
        doc.add_heading(labels["cycle"], level=2)
        _table_docx(doc, labels["cycle_head"], data["cycle"])
    doc.add_heading(labels["it"], level=1)
    _blocks_docx(doc, data["it"])
    doc.add_heading(labels["plan"], level=1)
    plan = data["plan"]
    if plan is None:
        doc.add_paragraph(labels["no_plan"])
    else:
        doc.add_paragraph(plan["intro"])
        if plan["chart"]:
            add_to_docx(doc, plan["chart"], width_cm=16)
        doc.add_heading(labels["key_figures"], level=2)
        _table_docx(doc, labels["figure_head"], plan["figures"])
        doc.add_heading(labels["plan_by_track"], level=2)
        for track in plan["tracks"]:
            doc.add_heading(track["title"], level=3)
            _table_docx(doc, labels["plan_head"], track["rows"])
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def short_docx(data: dict) -> bytes:
    doc = Document()
    doc.styles["Normal"].font.size = Pt(10)
    doc.core_properties.title = data["title"]
    labels = data["labels"]
    doc.add_paragraph(f"{data['organisation']} · {labels['short']}")
    doc.add_heading(f"{data['title']} {data['period']}", level=0)
    doc.add_heading(labels["vision"], level=1)
    _blocks_docx(doc, data["vision"])
    doc.add_heading(labels["themes"], level=1)
    for t in data["themes"]:
        p = doc.add_paragraph(style="List Bullet")
        p.add_run(t["title"]).bold = True
        if t["text"]:
            p.add_run(f": {t['text']}")
    doc.add_heading(labels["focus_areas"], level=1)
    for fa in data["focus_areas"]:
        p = doc.add_paragraph()
        p.add_run(fa["title"]).bold = True
        for line in fa["goals"]:
            doc.add_paragraph(line, style="List Bullet")
    for a in data["audiences"]:
        doc.add_heading(a["title"], level=1)
        _blocks_docx(doc, a["text"])
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
