"""What a solve answers: the solution, its progress reports and the greedy baseline."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Progress:
    """What a running solve has reached; handed to the progress callback."""

    elapsed: float
    objective: float | None
    bound: float | None
    gap: float | None
    selected: list[dict] | None = None


@dataclass
class Greedy:
    """The greedy baseline's plan: its value, its selection, and whether every mandatory
    initiative fitted (`complete`)."""

    objective: float
    selected: list[dict]
    complete: bool

    def to_dict(self) -> dict:
        return {"objective": self.objective, "selected": self.selected, "complete": self.complete}


@dataclass
class Solution:
    status: str
    objective: float | None
    bound: float | None
    gap: float | None
    selected: list[dict]
    usage: dict
    time: float = 0.0
    first_solution_time: float | None = None
    stopped: bool = False
    explanation: dict | None = None
    greedy: Greedy | None = None

    def to_dict(self) -> dict:
        out = {
            "status": self.status,
            "objective": self.objective,
            "bound": self.bound,
            "gap": self.gap,
            "selected": self.selected,
            "usage": self.usage,
            "time": round(self.time, 3),
            "first_solution_time": (
                None if self.first_solution_time is None else round(self.first_solution_time, 3)
            ),
            "stopped": self.stopped,
        }
        if self.greedy is not None:
            out["greedy"] = self.greedy.to_dict()
        if self.explanation is not None:
            out["explanation"] = self.explanation
        return out
