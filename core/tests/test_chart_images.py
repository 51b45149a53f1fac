"""One chart module for pages and documents: the SVG a page shows becomes the PNG Word
needs, through Typst."""

import io
import struct

from docx import Document

from core.chart_images import add_to_docx, png
from core.charts import Bar, bar_chart

SVG = bar_chart([Bar("Skal-udfordring", 18), Bar("Skal-løsning", 11)], title="Pr. spor")


def _size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_a_chart_becomes_a_png_of_the_asked_width():
    width, height = _size(png(SVG, width_cm=10, ppi=254))  # 254 ppi: 100 px per cm
    assert abs(width - 1000) <= 2 and height > 0


def test_a_chart_goes_into_a_word_document_as_a_picture():
    document = Document()
    add_to_docx(document, SVG, width_cm=12)
    buffer = io.BytesIO()
    document.save(buffer)
    again = Document(io.BytesIO(buffer.getvalue()))
    assert len(again.inline_shapes) == 1
    assert round(again.inline_shapes[0].width.cm) == 12
