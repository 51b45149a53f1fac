"""The three tracks and their governance logic (seed 002), in one place.

Each track is governed differently: must-win challenges are hard on results and flexible
on solutions; mandatory solutions are hard on the solution and flexible on ambition and
resources; prerequisites are about control. Seed 003 names the action-plan types
skal-/kan-/forudsætningsinitiativer; Styr shows both vocabularies.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Track(models.TextChoices):
    MUST_WIN = "must_win", _("Must-win challenge")
    MANDATORY = "mandatory", _("Mandatory solution")
    PREREQUISITE = "prerequisite", _("Prerequisite")


@dataclass(frozen=True)
class TrackInfo:
    track: Track
    seed003_name: Promise
    owner: Promise
    hard_on: Promise
    flexible_on: Promise
    how_run: Promise
    examples: Promise


TRACKS: dict[str, TrackInfo] = {
    Track.MUST_WIN: TrackInfo(
        track=Track.MUST_WIN,
        seed003_name=_("kan-initiative (own initiative)"),
        owner=_("Council and executive board, often as programmes"),
        hard_on=_("Results and benefits"),
        flexible_on=_("Solutions"),
        how_run=_(
            "Agile and experimental: trial actions and organisational prototypes. Stop an "
            "initiative as soon as it shows it does not deliver. May take over a mandatory "
            "solution or prerequisite that answers the challenge."
        ),
        examples=_("Labour shortage, climate adaptation, inclusion, a failing school system"),
    ),
    Track.MANDATORY: TrackInfo(
        track=Track.MANDATORY,
        seed003_name=_("skal-initiative (obliged, usually with a fixed deadline)"),
        owner=_("Executive board as a portfolio; the digitalisation office is secretariat"),
        hard_on=_("The solution: it will be implemented"),
        flexible_on=_("Ambition and resources"),
        how_run=_(
            "Portfolio management of timing, ambition and resources. Managers are involved "
            "early on timeline and ambition; some solutions run at the lowest possible ambition."
        ),
        examples=_(
            "Solutions from the joint public digitalisation strategy, KOMBIT and ministries"
        ),
    ),
    Track.PREREQUISITE: TrackInfo(
        track=Track.PREREQUISITE,
        seed003_name=_("forudsætningsinitiativ (enables others)"),
        owner=_("The digitalisation office, with the executive board as adviser"),
        hard_on=_("Control: having it under control"),
        flexible_on=_("—"),
        how_run=_(
            "Humble, outreaching and concrete: hassle reduction, clear roles, a competence "
            "programme for staff and leaders. No business case of its own, but needed for "
            "others to happen or for benefits to be harvested."
        ),
        examples=_(
            "Competences and processes; security, infrastructure, architecture; hassle reduction"
        ),
    ),
}


class Ambition(models.TextChoices):
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


class ClarifyEngagement(models.TextChoices):
    ACTIVE = "active", _("Take active part in clarification")
    WITH_PARTNERS = "partners", _("Explore with partner municipalities")
    FOLLOW = "follow", _("Follow through briefings")


class PilotEngagement(models.TextChoices):
    JOIN = "join", _("Join the pilot")
    SELECTED = "selected", _("Try solutions in selected areas")
    NONE = "none", _("Do not take part in pilots")


class ImplementEngagement(models.TextChoices):
    FIRST = "first", _("Implement among the first")
    GRADUAL = "gradual", _("Implement gradually")
    SELECTED = "selected", _("Full implementation in selected areas")
    WAIT = "wait", _("Wait for other municipalities")


# Seed 003: high ambition means taking part in clarification, joining pilots and
# implementing first; the form proposes these and the user may change them.
DEFAULT_ENGAGEMENT = {
    Ambition.HIGH: (ClarifyEngagement.ACTIVE, PilotEngagement.JOIN, ImplementEngagement.FIRST),
    Ambition.MEDIUM: (
        ClarifyEngagement.WITH_PARTNERS,
        PilotEngagement.SELECTED,
        ImplementEngagement.GRADUAL,
    ),
    Ambition.LOW: (ClarifyEngagement.FOLLOW, PilotEngagement.NONE, ImplementEngagement.WAIT),
}


class Stage(models.TextChoices):
    IDEA = "idea", _("Idea")
    CLARIFY = "clarify", _("Clarify")
    PILOT = "pilot", _("Pilot")
    IMPLEMENTATION = "implementation", _("Implementation")
    OPERATION = "operation", _("Operation and follow-up")
    CLOSED = "closed", _("Closed")
    STOPPED = "stopped", _("Stopped")


ACTIVE_STAGES = (Stage.CLARIFY, Stage.PILOT, Stage.IMPLEMENTATION, Stage.OPERATION)

# An idea is taken into clarification on the register form; every later move passes a
# stage gate (governance.gates) or a stop decision, so it is decided by a body.
FREE_STAGES = (Stage.IDEA, Stage.CLARIFY)


class Source(models.TextChoices):
    JOINT_PUBLIC = "joint_public", _("Joint public strategy")
    KOMBIT = "kombit", _("KOMBIT")
    MINISTRY = "ministry", _("Ministry")
    JOINT_MUNICIPAL = "joint_municipal", _("Joint municipal")
    OWN = "own", _("Own")


# Seed 002's figure: how much of the portfolio is joint-public mandatory work.
JOINT_SOURCES = (Source.JOINT_PUBLIC, Source.KOMBIT, Source.MINISTRY, Source.JOINT_MUNICIPAL)


# Seed 002: who owns an initiative of each track, as the kind of body (governance.BodyKind);
# the register form picks the organisation's body of that kind when none is chosen.
DEFAULT_OWNER = {
    Track.MUST_WIN: "executive_board",
    Track.MANDATORY: "executive_board",
    Track.PREREQUISITE: "digitalisation_office",
}
