"""Occurrences of recurring events and the yearly wheel as SVG, with no Django import.

An event recurs every `repeat` months (1, 3, 6 or 12) from its month and day; a day past
the end of a month falls on the month's last day (31 → 30 April, 28/29 February).
"""

from __future__ import annotations

import calendar
import datetime
import math
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape


def on(year: int, month: int, day: int) -> datetime.date:
    return datetime.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def months_of(month: int, repeat: int) -> list[int]:
    """The months (1–12) an event falls in, every `repeat` months from `month`."""
    if repeat not in (1, 3, 6, 12):
        raise ValueError(f"repeat must be 1, 3, 6 or 12, not {repeat}")
    return sorted({(month - 1 + k * repeat) % 12 + 1 for k in range(12 // repeat)})


def occurrences(
    month: int, day: int, repeat: int, start: datetime.date, end: datetime.date
) -> list[datetime.date]:
    """The dates in [start, end] on which the event falls."""
    out = []
    months = months_of(month, repeat)
    for year in range(start.year, end.year + 1):
        for m in months:
            date = on(year, m, day)
            if start <= date <= end:
                out.append(date)
    return out


@dataclass(frozen=True)
class Mark:
    """One event on the wheel: its title, its colour index and the months it falls in."""

    title: str
    ring: int
    months: Sequence[int]
    day: int


def wheel_svg(
    marks: Sequence[Mark],
    month_names: Sequence[str],
    ring_names: Sequence[str],
    title: str,
    today: datetime.date | None = None,
    size: int = 420,
) -> str:
    """The year as a wheel: twelve month sectors, one ring per kind of event, a dot per
    occurrence (with its title as a tooltip), and a hand at today."""
    palette = ("#0059b3", "#008139", "#b35c00", "#6b3fa0", "#a0153e", "#4d4d4d")
    c = size / 2
    rings = max(len(ring_names), 1)
    inner, outer = size * 0.16, size * 0.40
    step = (outer - inner) / rings
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" role="img" '
        f'aria-labelledby="wheel-title" class="styr-wheel"><title id="wheel-title">'
        f"{escape(title)}</title>"
    ]
    for r in range(rings + 1):
        parts.append(
            f'<circle cx="{c}" cy="{c}" r="{inner + r * step:.1f}" fill="none" '
            f'stroke="#ccc" stroke-width="1"/>'
        )
    for m in range(12):
        angle = math.radians(m * 30 - 90)
        x1, y1 = c + inner * math.cos(angle), c + inner * math.sin(angle)
        x2, y2 = c + outer * math.cos(angle), c + outer * math.sin(angle)
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="#ccc"/>'
        )
        mid = math.radians(m * 30 + 15 - 90)
        lx, ly = c + (outer + 22) * math.cos(mid), c + (outer + 22) * math.sin(mid)
        parts.append(
            f'<text x="{lx:.1f}" y="{ly:.1f}" font-size="13" text-anchor="middle" '
            f'dominant-baseline="middle" fill="#1a1a1a">{escape(month_names[m][:3])}</text>'
        )
    for mark in marks:
        radius = inner + (mark.ring + 0.5) * step
        colour = palette[mark.ring % len(palette)]
        for month in mark.months:
            angle = math.radians((month - 1 + (min(mark.day, 28) - 0.5) / 28) * 30 - 90)
            x, y = c + radius * math.cos(angle), c + radius * math.sin(angle)
            parts.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{colour}">'
                f"<title>{escape(mark.title)}</title></circle>"
            )
    if today is not None:
        fraction = (today.timetuple().tm_yday - 1) / (366 if calendar.isleap(today.year) else 365)
        angle = math.radians(fraction * 360 - 90)
        parts.append(
            f'<line x1="{c}" y1="{c}" x2="{c + outer * math.cos(angle):.1f}" '
            f'y2="{c + outer * math.sin(angle):.1f}" stroke="#1a1a1a" stroke-width="2"/>'
        )
    parts.append("</svg>")
    return "".join(parts)
