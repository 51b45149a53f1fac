"""Markdown for the strategy texts, rendered safely.

Users write Markdown; we render it with python-markdown and then pass the HTML through
nh3 (an allow-list sanitiser), so a pasted <script> or javascript: link never reaches
another user's browser.
"""

from functools import lru_cache

import markdown as md
import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}}


# A text renders to the same HTML every time, and pages show the same texts on every
# request (a strategy page renders some thirty, 0.2-1 ms each: python-markdown builds a
# parser with its extensions per call). Kept per process, the most recent few hundred.
@lru_cache(maxsize=512)
def render_markdown(text: str) -> str:
    if not text:
        return ""
    # Headings in user text start at h3: the page owns h1 and h2, keeping the outline valid.
    html = md.markdown(text, extensions=["tables", "sane_lists"], output_format="html")
    for level in range(6, 0, -1):
        shifted = min(level + 2, 6)
        html = html.replace(f"<h{level}>", f"<h{shifted}>").replace(
            f"</h{level}>", f"</h{shifted}>"
        )
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
