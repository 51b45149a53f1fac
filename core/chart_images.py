"""Charts as pictures for documents, from the same SVG the pages show (core.charts).

Word needs a raster image; Typst (already Styr's PDF engine) reads SVG and writes PNG, so
one chart module serves pages, PDF (Typst embeds the SVG itself) and Word (this PNG), and
no second drawing library is needed. No Django import.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import typst
from docx.shared import Cm

PAGE = '#set page(width: auto, height: auto, margin: 0pt)\n#image("chart.svg", width: {width}cm)\n'


def png(svg: str, *, width_cm: float = 16.0, ppi: int = 200) -> bytes:
    """The chart as a PNG `width_cm` wide at `ppi` (200 prints sharply)."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "chart.svg").write_text(svg, encoding="utf-8")
        (root / "main.typ").write_text(PAGE.format(width=width_cm), encoding="utf-8")
        return typst.compile(str(root / "main.typ"), root=str(root), format="png", ppi=ppi)


def add_to_docx(document, svg: str, *, width_cm: float = 16.0) -> None:
    """Append the chart to a python-docx document as a picture of the given width."""
    document.add_picture(io.BytesIO(png(svg, width_cm=width_cm)), width=Cm(width_cm))
