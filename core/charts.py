"""Server-rendered SVG charts, with no Django import so reports can reuse them.

Each chart is a plain SVG string with a <title> and <desc> for screen readers; pages show
the same figures in a table next to the chart, so no one depends on seeing the picture.
Colours come from Det Fælles Designsystem's palette and meet 3:1 contrast against white.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

PALETTE = ("#0059b3", "#008139", "#b3590a", "#6b3fa0", "#a32e2e", "#1a6f76", "#565656")


@dataclass(frozen=True)
class Bar:
    label: str
    value: float


def bar_chart(
    bars: Sequence[Bar],
    *,
    title: str,
    description: str = "",
    width: int = 480,
    bar_height: int = 26,
    label_width: int = 190,
    value_format=lambda v: f"{v:g}",
    chart_id: str = "chart",
) -> str:
    """A horizontal bar chart: one labelled bar per item, its value written at its end."""
    gap = 8
    top = 6
    height = top + len(bars) * (bar_height + gap) + 4
    plot_width = width - label_width - 60
    maximum = max((b.value for b in bars), default=0) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="styr-chart" role="img" '
        f'viewBox="0 0 {width} {max(height, 30)}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" focusable="false">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description or title)}</desc>',
    ]
    for i, bar in enumerate(bars):
        y = top + i * (bar_height + gap)
        length = max(0.0, bar.value) / maximum * plot_width
        colour = PALETTE[i % len(PALETTE)]
        label = bar.label if len(bar.label) <= 28 else bar.label[:27] + "…"
        parts.append(
            f'<text x="{label_width - 8}" y="{y + bar_height * 0.68:.1f}" text-anchor="end" '
            f'font-size="13" fill="#1a1a1a">{escape(label)}</text>'
        )
        parts.append(
            f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{bar_height}" '
            f'fill="{colour}" rx="2"><title>{escape(bar.label)}: '
            f"{escape(value_format(bar.value))}</title></rect>"
        )
        parts.append(
            f'<text x="{label_width + length + 6:.1f}" y="{y + bar_height * 0.68:.1f}" '
            f'font-size="13" fill="#1a1a1a">{escape(value_format(bar.value))}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def share_bar(
    parts_: Sequence[Bar], *, title: str, width: int = 480, chart_id: str = "share"
) -> str:
    """A single stacked bar showing each part's share of the whole, with a legend."""
    total = sum(max(0.0, p.value) for p in parts_) or 1
    legend_rows = len(parts_)
    height = 40 + legend_rows * 22
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="styr-chart" role="img" '
        f'viewBox="0 0 {width} {height}" aria-labelledby="{chart_id}-title" focusable="false">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
    ]
    x = 0.0
    for i, part in enumerate(parts_):
        w = max(0.0, part.value) / total * width
        colour = PALETTE[i % len(PALETTE)]
        out.append(f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="28" fill="{colour}"/>')
        x += w
    for i, part in enumerate(parts_):
        y = 40 + i * 22
        colour = PALETTE[i % len(PALETTE)]
        share = max(0.0, part.value) / total * 100
        out.append(f'<rect x="0" y="{y}" width="14" height="14" fill="{colour}"/>')
        out.append(
            f'<text x="22" y="{y + 12}" font-size="13" fill="#1a1a1a">'
            f"{escape(part.label)}: {share:.0f} %</text>"
        )
    out.append("</svg>")
    return "".join(out)


@dataclass(frozen=True)
class Series:
    label: str
    values: Sequence[float | None]
    colour: str = PALETTE[0]
    dashed: bool = False


def _nice_step(span: float) -> float:
    """A round tick step (1, 2 or 5 × 10^n) giving about five ticks over `span`."""
    raw = span / 5 or 1
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def combo_chart(
    categories: Sequence[str],
    *,
    bars: Sequence[Series] = (),
    lines: Sequence[Series] = (),
    title: str,
    description: str = "",
    value_format=lambda v: f"{v:,.0f}",
    marker: int | None = None,
    marker_label: str = "",
    unit: str = "",
    width: int = 640,
    height: int = 300,
    chart_id: str = "combo",
) -> str:
    """Columns per category (grouped, negative values below the zero line) with lines on
    top, y-axis ticks, a legend, and an optional dashed marker at one category (e.g. the
    payback year). Gaps (None) break a line. `unit` (e.g. "kr.") is written above the
    y-axis."""
    left, right, top, bottom = 78, 12, 14 + (14 if unit else 0), 52
    values = [v for s in (*bars, *lines) for v in s.values if v is not None]
    low = min([0.0, *values])
    high = max([0.0, *values])
    if high == low:
        high = low + 1
    step = _nice_step(high - low)
    low = math.floor(low / step) * step
    high = math.ceil(high / step) * step
    plot_w = width - left - right
    plot_h = height - top - bottom
    n = max(1, len(categories))
    slot = plot_w / n

    def y(v: float) -> float:
        return top + (high - v) / (high - low) * plot_h

    def x_mid(i: int) -> float:
        return left + slot * (i + 0.5)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="styr-chart" role="img" '
        f'viewBox="0 0 {width} {height}" aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'focusable="false">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description or title)}</desc>',
    ]
    if unit:
        out.append(
            f'<text x="{left - 6}" y="12" text-anchor="end" font-size="11" font-weight="600" '
            f'fill="#1a1a1a">{escape(unit)}</text>'
        )
    tick = low
    while tick <= high + step / 2:
        ty = y(tick)
        out.append(
            f'<line x1="{left}" x2="{width - right}" y1="{ty:.1f}" y2="{ty:.1f}" '
            f'stroke="{"#1a1a1a" if abs(tick) < step / 1e6 else "#d8d8d8"}" stroke-width="1"/>'
        )
        out.append(
            f'<text x="{left - 6}" y="{ty + 4:.1f}" text-anchor="end" font-size="11" '
            f'fill="#1a1a1a">{escape(value_format(tick))}</text>'
        )
        tick += step
    every = max(1, math.ceil(n / 12))
    for i, cat in enumerate(categories):
        if i % every == 0:
            out.append(
                f'<text x="{x_mid(i):.1f}" y="{height - bottom + 16}" text-anchor="middle" '
                f'font-size="11" fill="#1a1a1a">{escape(cat)}</text>'
            )
    if bars:
        group = slot * 0.7
        bw = group / len(bars)
        for b, series in enumerate(bars):
            for i, v in enumerate(series.values):
                if v is None or i >= n:
                    continue
                bx = left + slot * i + (slot - group) / 2 + b * bw
                y0, y1 = sorted((y(0), y(v)))
                out.append(
                    f'<rect x="{bx:.1f}" y="{y0:.1f}" width="{bw * 0.92:.1f}" '
                    f'height="{max(0.5, y1 - y0):.1f}" fill="{series.colour}">'
                    f"<title>{escape(series.label)} {escape(categories[i])}: "
                    f"{escape(value_format(v))}</title></rect>"
                )
    for series in lines:
        segment: list[str] = []
        segments = []
        for i, v in enumerate(series.values):
            if v is None or i >= n:
                if segment:
                    segments.append(segment)
                segment = []
                continue
            segment.append(f"{x_mid(i):.1f},{y(v):.1f}")
            out.append(
                f'<circle cx="{x_mid(i):.1f}" cy="{y(v):.1f}" r="3.5" fill="{series.colour}">'
                f"<title>{escape(series.label)} {escape(categories[i])}: "
                f"{escape(value_format(v))}</title></circle>"
            )
        if segment:
            segments.append(segment)
        dash = ' stroke-dasharray="6 4"' if series.dashed else ""
        for seg in segments:
            out.append(
                f'<polyline points="{" ".join(seg)}" fill="none" stroke="{series.colour}" '
                f'stroke-width="2.5"{dash}/>'
            )
    if marker is not None and 0 <= marker < n:
        mx = x_mid(marker)
        out.append(
            f'<line x1="{mx:.1f}" x2="{mx:.1f}" y1="{top}" y2="{top + plot_h}" '
            f'stroke="#1a1a1a" stroke-dasharray="3 3"/>'
        )
        if marker_label:
            anchor = "end" if marker > n / 2 else "start"
            dx = -4 if anchor == "end" else 4
            out.append(
                f'<text x="{mx + dx:.1f}" y="{top + 12}" text-anchor="{anchor}" font-size="12" '
                f'font-weight="bold" fill="#1a1a1a">{escape(marker_label)}</text>'
            )
    lx = left
    ly = height - 14
    for series in (*bars, *lines):
        out.append(f'<rect x="{lx}" y="{ly - 10}" width="12" height="12" fill="{series.colour}"/>')
        out.append(
            f'<text x="{lx + 16}" y="{ly}" font-size="12" fill="#1a1a1a">'
            f"{escape(series.label)}</text>"
        )
        lx += 28 + 7 * len(series.label)
    out.append("</svg>")
    return "".join(out)


def radar_chart(
    axes: Sequence[str],
    series: Sequence[Series],
    *,
    title: str,
    description: str = "",
    maximum: float = 5.0,
    rings: Sequence[float] = (1, 2, 3, 4, 5),
    width: int = 680,
    chart_id: str = "radar",
) -> str:
    """A radar (spider) chart: one spoke per axis from 0 at the centre to `maximum`, one
    closed line per series (a missing value is drawn at the centre), a legend below."""
    n = max(len(axes), 3)
    # Room for a label of about 24 characters beside the left and right spokes.
    radius = min(width * 0.27, (width / 2 - 160) / 1.12)
    cx, cy = width / 2, radius + 58
    legend_top = cy + radius + 58
    height = legend_top + 22 * len(series) + 6

    def point(i: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * i / n
        r = max(0.0, min(value, maximum)) / maximum * radius
        return cx + r * math.cos(angle), cy + r * math.sin(angle)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="styr-chart" role="img" '
        f'viewBox="0 0 {width} {height:.0f}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" focusable="false">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description or title)}</desc>',
    ]
    for ring in rings:
        points = " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, ring) for i in range(n)))
        out.append(f'<polygon points="{points}" fill="none" stroke="#c7c7c7" stroke-width="1"/>')
        x, y = point(0, ring)
        out.append(
            f'<text x="{x + 4:.1f}" y="{y + 4:.1f}" font-size="11" fill="#565656">{ring:g}</text>'
        )
    for i, label in enumerate(axes):
        x, y = point(i, maximum)
        out.append(
            f'<line x1="{cx:.1f}" y1="{cy:.1f}" x2="{x:.1f}" y2="{y:.1f}" stroke="#c7c7c7"/>'
        )
        lx, ly = point(i, maximum * 1.12)
        anchor = "middle" if abs(lx - cx) < 8 else ("start" if lx > cx else "end")
        short = label if len(label) <= 24 else label[:23] + "…"
        out.append(
            f'<text x="{lx:.1f}" y="{ly + 4:.1f}" text-anchor="{anchor}" font-size="12" '
            f'fill="#1a1a1a"><title>{escape(label)}</title>{escape(short)}</text>'
        )
    for s in series:
        points = " ".join(
            f"{x:.1f},{y:.1f}"
            for x, y in (point(i, v if v is not None else 0.0) for i, v in enumerate(s.values))
        )
        dash = ' stroke-dasharray="6 4"' if s.dashed else ""
        out.append(
            f'<polygon points="{points}" fill="{s.colour}" fill-opacity="0.08" '
            f'stroke="{s.colour}" stroke-width="2.5"{dash}/>'
        )
    for k, s in enumerate(series):
        y = legend_top + 22 * k
        dash = ' stroke-dasharray="6 4"' if s.dashed else ""
        out.append(
            f'<line x1="10" y1="{y:.1f}" x2="40" y2="{y:.1f}" stroke="{s.colour}" '
            f'stroke-width="3"{dash}/>'
        )
        out.append(
            f'<text x="48" y="{y + 4:.1f}" font-size="13" fill="#1a1a1a">{escape(s.label)}</text>'
        )
    out.append("</svg>")
    return "".join(out)


def heat_map(
    rows: Sequence[str],
    columns: Sequence[str],
    values: Sequence[Sequence[float]],
    *,
    title: str,
    description: str = "",
    value_format=lambda v: f"{v:g}",
    chart_id: str = "heat",
) -> str:
    """A grid of cells, one per row × column, darker the larger its value (one blue from
    white), each cell writing its value; rows labelled at the left, columns at the top."""
    label_width, cell_w, cell_h, top = 170, 86, 34, 96
    width = label_width + cell_w * max(len(columns), 1) + 4
    height = top + cell_h * len(rows) + 4
    maximum = max((v for row in values for v in row), default=0) or 1
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="styr-chart" role="img" '
        f'viewBox="0 0 {width} {height}" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" focusable="false">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description or title)}</desc>',
    ]
    for j, column in enumerate(columns):
        x = label_width + j * cell_w + cell_w / 2
        short = column if len(column) <= 16 else column[:15] + "…"
        out.append(
            f'<text transform="translate({x:.1f},{top - 8}) rotate(-35)" font-size="12" '
            f'fill="#1a1a1a"><title>{escape(column)}</title>{escape(short)}</text>'
        )
    for i, row in enumerate(rows):
        y = top + i * cell_h
        short = row if len(row) <= 24 else row[:23] + "…"
        out.append(
            f'<text x="{label_width - 8}" y="{y + cell_h * 0.62:.1f}" text-anchor="end" '
            f'font-size="12" fill="#1a1a1a"><title>{escape(row)}</title>{escape(short)}</text>'
        )
        for j, value in enumerate(values[i]):
            share = max(0.0, value) / maximum
            # From white to Det Fælles Designsystem's blue (0, 89, 179).
            red, green, blue = (round(255 - share * d) for d in (255, 166, 76))
            colour = f"#{red:02x}{green:02x}{blue:02x}"
            ink = "#ffffff" if share > 0.55 else "#1a1a1a"
            x = label_width + j * cell_w
            out.append(
                f'<rect x="{x}" y="{y}" width="{cell_w - 2}" height="{cell_h - 2}" '
                f'fill="{colour}" stroke="#c7c7c7"><title>{escape(row)}, {escape(columns[j])}: '
                f"{escape(value_format(value))}</title></rect>"
            )
            if value:
                out.append(
                    f'<text x="{x + cell_w / 2 - 1:.1f}" y="{y + cell_h * 0.62:.1f}" '
                    f'text-anchor="middle" font-size="12" fill="{ink}">'
                    f"{escape(value_format(value))}</text>"
                )
    out.append("</svg>")
    return "".join(out)
