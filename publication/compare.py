"""What changed between two snapshots of a strategy (publication.snapshot), with no Django
import: the texts, the business goals, themes, focus areas and their measurable goals, and
the action plan's initiatives. Parts are matched by their id, so a renamed focus area is a
change, not one removed and one added."""

from __future__ import annotations

from dataclasses import dataclass

TEXTS = (
    "title",
    "period_start",
    "period_end",
    "vision",
    "governance",
    "it_architecture",
    "for_employees",
    "for_leaders",
    "for_citizens",
)
GOAL_FIELDS = ("indicator", "unit", "baseline", "target", "target_date")


@dataclass(frozen=True)
class Difference:
    part: str  # "strategy", "business_goal", "theme", "focus_area", "goal", "initiative"
    name: str  # the part's title as it reads now (or did, when removed)
    change: str  # "added", "removed" or "changed"
    field: str = ""
    before: object = None
    after: object = None


def _goals(snapshot: dict) -> dict[int, dict]:
    return {g["id"]: g for t in snapshot["themes"] for fa in t["focus_areas"] for g in fa["goals"]}


def _focus_areas(snapshot: dict) -> dict[int, dict]:
    return {fa["id"]: fa for t in snapshot["themes"] for fa in t["focus_areas"]}


def _plan(snapshot: dict) -> dict[int, dict]:
    rows = (snapshot.get("action_plan") or {}).get("rows", [])
    return {r["number"]: {**r, "name": f"{r['reference']} {r['title']}"} for r in rows}


def _parts(part: str, old: dict[int, dict], new: dict[int, dict], fields, name_key: str):
    for pk, item in new.items():
        if pk not in old:
            yield Difference(part, item[name_key], "added")
            continue
        for f in fields:
            if old[pk].get(f) != item.get(f):
                yield Difference(part, item[name_key], "changed", f, old[pk].get(f), item.get(f))
    for pk, item in old.items():
        if pk not in new:
            yield Difference(part, item[name_key], "removed")


def differences(old: dict, new: dict) -> list[Difference]:
    """Every difference from `old` to `new`, strategy texts first, the plan last."""
    out = [
        Difference("strategy", new["strategy"]["title"], "changed", f, old["strategy"].get(f), v)
        for f in TEXTS
        if (v := new["strategy"].get(f)) != old["strategy"].get(f)
    ]
    by_id = lambda rows: {r["id"]: r for r in rows}  # noqa: E731
    out += _parts(
        "business_goal",
        by_id(old["business_goals"]),
        by_id(new["business_goals"]),
        ("title", "source", "description"),
        "title",
    )
    out += _parts(
        "theme", by_id(old["themes"]), by_id(new["themes"]), ("title", "description"), "title"
    )
    out += _parts(
        "focus_area", _focus_areas(old), _focus_areas(new), ("title", "description"), "title"
    )
    out += _parts("goal", _goals(old), _goals(new), GOAL_FIELDS, "indicator")
    out += _parts("initiative", _plan(old), _plan(new), ("start", "variant"), "name")
    return out
