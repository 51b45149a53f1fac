"""The strategy's texts (written in a little Markdown) as blocks a document lays out:
paragraphs and list items made of runs that are plain, bold or italic. No Django import.

Documents receive these as data, never as markup, so nothing a user writes can change a
document's layout: `*` and `#` that are not emphasis stay as they were typed.
"""

from __future__ import annotations

import re

EMPHASIS = re.compile(r"\*\*(.+?)\*\*|\*(?!\s)(.+?)(?<!\s)\*")
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


def runs(text: str) -> list[dict]:
    """Inline text as runs: {"text", "bold", "italic"}; a link keeps its text and address."""
    text = LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})", text)
    out: list[dict] = []
    at = 0
    for m in EMPHASIS.finditer(text):
        if m.start() > at:
            out.append({"text": text[at : m.start()], "bold": False, "italic": False})
        if m.group(1) is not None:
            out.append({"text": m.group(1), "bold": True, "italic": False})
        else:
            out.append({"text": m.group(2), "bold": False, "italic": True})
        at = m.end()
    if at < len(text):
        out.append({"text": text[at:], "bold": False, "italic": False})
    return out


def blocks(text: str) -> list[dict]:
    """Paragraphs (separated by a blank line) and list items (lines starting with -, * or
    a number), each {"item": bool, "runs": [...]}."""
    out: list[dict] = []
    for chunk in re.split(r"\n\s*\n", (text or "").strip()):
        lines = [line for line in chunk.splitlines() if line.strip()]
        if not lines:
            continue
        paragraph: list[str] = []
        for line in lines:
            if ITEM.match(line):
                if paragraph:
                    out.append({"item": False, "runs": runs(" ".join(paragraph))})
                    paragraph = []
                out.append({"item": True, "runs": runs(ITEM.sub("", line, count=1).strip())})
            elif out and out[-1]["item"] and not paragraph and line[:1] in (" ", "\t"):
                out[-1]["runs"] += runs(" " + line.strip())  # an item's continued line
            else:
                paragraph.append(line.strip())
        if paragraph:
            out.append({"item": False, "runs": runs(" ".join(paragraph))})
    return out


def plain(text: str) -> str:
    """The text without its Markdown marks, on one line (a table cell, a one-liner)."""
    return " ".join("".join(r["text"] for r in b["runs"]) for b in blocks(text))
