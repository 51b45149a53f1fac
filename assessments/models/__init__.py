"""Readiness and maturity assessments: frameworks, rounds, links and anonymous answers."""

from .answers import Answer, Draft, Participation, Response, Tally, TextAnswer
from .frameworks import Dimension, Framework, Question, Statement
from .rounds import Finding, Invitation, OpenLink, RespondentGroup, Round, RoundQuerySet, Scope

__all__ = [
    "Answer",
    "Dimension",
    "Draft",
    "Finding",
    "Framework",
    "Invitation",
    "OpenLink",
    "Participation",
    "Question",
    "RespondentGroup",
    "Response",
    "Round",
    "RoundQuerySet",
    "Scope",
    "Statement",
    "Tally",
    "TextAnswer",
]
