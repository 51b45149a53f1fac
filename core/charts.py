"""Server-rendered SVG charts, with no Django import so reports can reuse them.

Each chart is a plain SVG string with a <title> and <desc> for screen readers; pages show
the same figures in a table next to the chart, so no one depends on seeing the picture.
Colours come from Det Fælles Designsystem's palette and meet 3:1 contrast against white.
"""

from __future__ import annotations

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
