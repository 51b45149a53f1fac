"""Who may do what: the one permission table of Styr.

Every view and API endpoint asks `has_perm(role, Perm.X)`; nothing else decides access.
docs/permissions.md shows this table and a test keeps the two in step.
"""

from __future__ import annotations

from enum import StrEnum

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    PORTFOLIO_MANAGER = "portfolio_manager", _("Portfolio manager")
    DECISION_MAKER = "decision_maker", _("Decision maker")
    INITIATIVE_LEAD = "initiative_lead", _("Initiative lead")
    BENEFIT_OWNER = "benefit_owner", _("Benefit owner")
    CONTRIBUTOR = "contributor", _("Contributor")
    READER = "reader", _("Reader")


class Perm(StrEnum):
    VIEW = "view"
    EDIT_STRATEGY = "edit_strategy"
    APPROVE_STRATEGY = "approve_strategy"
    PROPOSE_INITIATIVE = "propose_initiative"
    CREATE_INITIATIVE = "create_initiative"
    EDIT_ANY_INITIATIVE = "edit_any_initiative"
    EDIT_OWN_INITIATIVE = "edit_own_initiative"
    APPROVE_BUSINESS_CASE = "approve_business_case"
    PLAN_HARVEST = "plan_harvest"
    SCORE_INITIATIVES = "score_initiatives"
    PLAN_PORTFOLIO = "plan_portfolio"
    COMMIT_SCENARIO = "commit_scenario"
    MANAGE_GOVERNANCE = "manage_governance"
    RECORD_DECISIONS = "record_decisions"
    MANAGE_MEMBERS = "manage_members"
    MANAGE_ORGANISATION = "manage_organisation"
    RUN_ASSESSMENTS = "run_assessments"
    TRIAGE_IDEAS = "triage_ideas"
    PUBLISH_STRATEGY = "publish_strategy"


PERM_DESCRIPTIONS: dict[Perm, str] = {
    Perm.VIEW: _("See the organisation's strategy, initiatives, portfolio and history"),
    Perm.EDIT_STRATEGY: _("Write and change strategies (not archived ones)"),
    Perm.APPROVE_STRATEGY: _("Approve or archive a strategy"),
    Perm.PROPOSE_INITIATIVE: _("Propose an initiative as an idea"),
    Perm.CREATE_INITIATIVE: _("Register an initiative at any stage"),
    Perm.EDIT_ANY_INITIATIVE: _("Change any initiative"),
    Perm.EDIT_OWN_INITIATIVE: _("Change initiatives where one is lead or benefit owner"),
    Perm.APPROVE_BUSINESS_CASE: _("Approve a business case"),
    Perm.PLAN_HARVEST: _("Plan benefit harvest (budget reductions) per department and year"),
    Perm.SCORE_INITIATIVES: _("Score initiatives on the prioritisation criteria"),
    Perm.PLAN_PORTFOLIO: _("Set criteria and weights, build and solve scenarios"),
    Perm.COMMIT_SCENARIO: _("Commit a scenario as the strategy's action plan"),
    Perm.MANAGE_GOVERNANCE: _("Set up bodies, their members and mandates"),
    Perm.RECORD_DECISIONS: _("Record a body's decisions (within its mandate) in the log"),
    Perm.MANAGE_MEMBERS: _("Add members and change their roles"),
    Perm.MANAGE_ORGANISATION: _("Change the organisation's settings"),
    Perm.PUBLISH_STRATEGY: _(
        "Publish the approved strategy on the intranet and the public page, and choose what "
        "the public page shows"
    ),
    Perm.TRIAGE_IDEAS: _(
        "Triage every department's ideas and hassles, run campaigns, name change agents"
    ),
    Perm.RUN_ASSESSMENTS: _(
        "Run readiness assessments: frameworks, rounds, links, free-text answers, findings"
    ),
}

_ALL = frozenset(Perm)

ROLE_PERMISSIONS: dict[str, frozenset[Perm]] = {
    Role.ADMIN: _ALL,
    Role.PORTFOLIO_MANAGER: frozenset(
        {
            Perm.VIEW,
            Perm.EDIT_STRATEGY,
            Perm.PROPOSE_INITIATIVE,
            Perm.CREATE_INITIATIVE,
            Perm.EDIT_ANY_INITIATIVE,
            Perm.EDIT_OWN_INITIATIVE,
            Perm.PLAN_HARVEST,
            Perm.SCORE_INITIATIVES,
            Perm.PLAN_PORTFOLIO,
            Perm.MANAGE_GOVERNANCE,
            Perm.RECORD_DECISIONS,
            Perm.RUN_ASSESSMENTS,
            Perm.TRIAGE_IDEAS,
            Perm.PUBLISH_STRATEGY,
        }
    ),
    Role.DECISION_MAKER: frozenset(
        {
            Perm.VIEW,
            Perm.APPROVE_STRATEGY,
            Perm.PROPOSE_INITIATIVE,
            Perm.EDIT_OWN_INITIATIVE,
            Perm.APPROVE_BUSINESS_CASE,
            Perm.PLAN_HARVEST,
            Perm.SCORE_INITIATIVES,
            Perm.COMMIT_SCENARIO,
            Perm.RECORD_DECISIONS,
        }
    ),
    Role.INITIATIVE_LEAD: frozenset(
        {Perm.VIEW, Perm.PROPOSE_INITIATIVE, Perm.CREATE_INITIATIVE, Perm.EDIT_OWN_INITIATIVE}
    ),
    Role.BENEFIT_OWNER: frozenset({Perm.VIEW, Perm.PROPOSE_INITIATIVE, Perm.EDIT_OWN_INITIATIVE}),
    Role.CONTRIBUTOR: frozenset({Perm.VIEW, Perm.PROPOSE_INITIATIVE}),
    Role.READER: frozenset({Perm.VIEW}),
}


def has_perm(role: str | None, perm: Perm) -> bool:
    if role is None:
        return False
    return perm in ROLE_PERMISSIONS.get(role, frozenset())


def permission_table_markdown() -> str:
    """The table as Markdown, for docs/permissions.md (in English, as the docs are)."""
    with translation.override("en"):
        return _markdown()


def _markdown() -> str:
    roles = list(Role)
    header = "| permission | " + " | ".join(r.value for r in roles) + " |"
    sep = "|---|" + "---|" * len(roles)
    lines = [header, sep]
    for perm in Perm:
        marks = " | ".join("✓" if has_perm(r.value, perm) else "" for r in roles)
        lines.append(f"| `{perm.value}`: {PERM_DESCRIPTIONS[perm]} | {marks} |")
    return "\n".join(lines) + "\n"
