"""Workflows of the shared catalogue: publish, update and withdraw an entry, adopt one as
an idea, move an entry between Styr servers as a file, and take a joint solution into the
portfolio. Each in one transaction."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from core.models import Change, record_change
from core.text import first_control_character
from finance.models import BusinessCase, CaseLine
from initiatives.forms import InitiativeForm
from initiatives.models import Initiative
from initiatives.services import save_initiative
from initiatives.tracks import Ambition, Source, Stage, Track

from . import profile
from .models import Adoption, Entry, JointSolution, JointSolutionUse, Size

EXPORT_FORMAT = "styr-catalogue-entry/1"
REVIEWED = ("title", "description", "lessons", "contact")


class CatalogueError(Exception):
    """The step cannot be taken (the message says why, for the user)."""


def draft(initiative: Initiative) -> Entry:
    """The entry the publisher reviews before publishing: the initiative's description,
    track, source, ambition and tags, its approved case frozen, its benefits' plan against
    what was realised, and the lessons its decisions recorded. Unsaved."""
    org = initiative.organisation
    return Entry(
        organisation=org,
        initiative=initiative,
        publisher_name=org.name,
        size=Size.of(org.inhabitants),
        title=initiative.title,
        description=initiative.description,
        track=initiative.track,
        source=initiative.source,
        ambition=initiative.ambition,
        tags=sorted(t.name for t in initiative.tags.all()),
        case=profile.approved_case(initiative),
        benefits=profile.benefits_plan_and_result(initiative, datetime.date.today()),
        lessons=profile.lessons_of(initiative),
    )


def publish(*, initiative: Initiative, reviewed: dict, user) -> Entry:
    """Publish the reviewed profile (title, description, lessons, contact as the publisher
    wrote them) as a snapshot; a second publication of the same initiative replaces the
    first entry's content in place (its address and adoptions stay)."""
    fresh = draft(initiative)
    for name in REVIEWED:
        setattr(fresh, name, reviewed.get(name, getattr(fresh, name)) or "")
    with transaction.atomic():
        entry = (
            Entry.objects.select_for_update()
            .filter(organisation=initiative.organisation, initiative=initiative)
            .published()
            .first()
        )
        if entry is None:
            entry = fresh
        else:
            for field in Entry._meta.concrete_fields:
                if field.name not in ("id", "key", "adoptions", "published_at", "withdrawn_at"):
                    setattr(entry, field.name, getattr(fresh, field.name))
        entry.published_by = user
        entry.published_at = timezone.now()
        entry.save()
        record_change(
            obj=initiative,
            user=user,
            action=Change.Action.UPDATED,
            after={"catalogue": entry.title},
        )
    return entry


def withdraw(*, entry: Entry, user) -> None:
    """Gone for everyone: the entry is no longer found, read or adopted."""
    Entry.objects.filter(pk=entry.pk, withdrawn_at__isnull=True).update(withdrawn_at=timezone.now())
    if entry.initiative_id:
        record_change(
            obj=entry.initiative,
            user=user,
            action=Change.Action.UPDATED,
            before={"catalogue": entry.title},
            after={"catalogue": ""},
        )


def adopt(*, entry: Entry, organisation, membership, user) -> Initiative:
    """The entry as an idea in the adopter's own register: its description (with a link
    back), track and source, and its approved case's lines as a draft business case. One
    adoption per organisation; the publisher sees the count, not who."""
    if entry.withdrawn_at is not None:
        raise CatalogueError(_("The entry has been withdrawn."))
    if entry.organisation_id == organisation.pk:
        raise CatalogueError(_("This is your own entry."))
    form = InitiativeForm(
        {
            "title": entry.title[:200],
            "description": _("%(description)s\n\nFrom the shared catalogue: %(who)s.")
            % {"description": entry.description, "who": entry.publisher_name},
            "track": entry.track,
            "source": entry.source,
            "stage": Stage.IDEA,
            "result_goals": _results(entry),
            "ambition": (entry.ambition or Ambition.MEDIUM)
            if entry.track == Track.MANDATORY
            else "",
            "deadline": _deadline(entry),
        },
        organisation=organisation,
        membership=membership,
    )
    if not form.is_valid():
        raise CatalogueError(form.errors.as_text())
    with transaction.atomic():
        try:
            with transaction.atomic():
                adoption = Adoption.objects.create(entry=entry, organisation=organisation)
        except IntegrityError:
            raise CatalogueError(_("Your organisation has already adopted this entry.")) from None
        initiative = save_initiative(form=form, user=user, expected_version=None)
        adoption.initiative = initiative
        adoption.save(update_fields=["initiative"])
        Entry.objects.filter(pk=entry.pk).update(adoptions=F("adoptions") + 1)
        if entry.case:
            _draft_case(initiative, entry.case["data"])
    return initiative


def _results(entry: Entry) -> str:
    """The results to deliver, as a starting point: the entry's benefits."""
    lines = [f"- {b.get('title', '')}: {b.get('indicator', '')}" for b in entry.benefits]
    if not lines:
        return _("To be stated: the results this initiative must deliver here.")
    return _("As the publisher planned them:") + "\n" + "\n".join(lines)


def _deadline(entry: Entry) -> str:
    """A mandatory solution needs a deadline: the end of next year until one is set."""
    if entry.track != Track.MANDATORY:
        return ""
    return datetime.date(datetime.date.today().year + 1, 12, 31).isoformat()


def _draft_case(initiative: Initiative, data: dict) -> None:
    """A draft business case from a frozen one's lines (amounts as the publisher had them;
    the adopter's own discount rate and horizon)."""
    org = initiative.organisation
    case = BusinessCase.objects.create(
        organisation=org,
        initiative=initiative,
        first_year=datetime.date.today().year + 1,
        horizon_years=int(data.get("horizon_years") or org.horizon_years),
        discount_rate=org.discount_rate,
        scenario_0=data.get("scenario_0", ""),
        scenario_1=data.get("scenario_1", ""),
        assumptions=data.get("assumptions", ""),
    )
    lines = []
    for position, line in enumerate(data.get("lines", [])):
        amounts = [str(Decimal(str(a))) for a in line.get("amounts", [])]
        lines.append(
            CaseLine(
                organisation=org,
                business_case=case,
                position=position,
                side=line["side"],
                description=str(line.get("description", ""))[:200],
                cost_kind=line.get("cost_kind", ""),
                cost_source=line.get("cost_source", ""),
                category=line.get("category", ""),
                unit=line.get("unit", "amount"),
                amounts=amounts,
                minimum_pct=line.get("minimum_pct", 100),
                maximum_pct=line.get("maximum_pct", 100),
            )
        )
    CaseLine.objects.bulk_create(lines)
    case.store_figures()


def export(entry: Entry, server: str) -> bytes:
    """The entry as a file another Styr server can import (only what was published)."""
    data = {
        "format": EXPORT_FORMAT,
        "origin": entry.origin or server,
        "key": str(entry.key),
        "publisher": entry.publisher_name,
        "size": entry.size,
        "published_at": entry.published_at.isoformat(),
        **{
            name: getattr(entry, name)
            for name in (
                "title",
                "description",
                "track",
                "source",
                "ambition",
                "tags",
                "case",
                "benefits",
                "lessons",
                "contact",
            )
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=1).encode()


def _text(data: dict, name: str, limit: int | None = None) -> str:
    value = data.get(name, "")
    if not isinstance(value, str):
        raise CatalogueError(_("The file is not a catalogue entry from Styr."))
    return value[:limit] if limit else value


def import_entry(*, content: bytes, organisation, user) -> Entry:
    """An entry exported by another Styr server, published here by `organisation` on the
    publisher's behalf (named as in the file, with its origin). Refused whole when the
    file is not such an entry."""
    try:
        data = json.loads(content.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise CatalogueError(_("The file is not a catalogue entry from Styr.")) from None
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise CatalogueError(_("The file is not a catalogue entry from Styr."))
    if first_control_character(data) is not None:
        # Refused as every form and API body refuses them (core.text): no export could hold it.
        raise CatalogueError(_("The file holds characters that cannot be stored."))
    track, source = _text(data, "track"), _text(data, "source")
    if track not in Track.values or source not in Source.values:
        raise CatalogueError(_("The file is not a catalogue entry from Styr."))
    tags = data.get("tags") or []
    benefits = data.get("benefits") or []
    case = data.get("case")
    if not isinstance(tags, list) or not isinstance(benefits, list):
        raise CatalogueError(_("The file is not a catalogue entry from Styr."))
    numbers = ("baseline", "target", "planned_now", "realised")
    if not all(
        isinstance(b, dict)
        and all(b.get(n) is None or isinstance(b.get(n), int | float) for n in numbers)
        and all(isinstance(b.get(t, ""), str) for t in ("title", "indicator", "unit"))
        for b in benefits
    ):
        raise CatalogueError(_("The file is not a catalogue entry from Styr."))
    if case is not None and not (isinstance(case, dict) and isinstance(case.get("data"), dict)):
        raise CatalogueError(_("The file is not a catalogue entry from Styr."))
    if case is not None:
        figures = ("npv", "total_cost", "total_benefit")
        try:
            for line in case["data"].get("lines", []):
                [Decimal(str(a)) for a in line.get("amounts", [])]
            if not all(isinstance(case.get(f, 0), int | float) for f in figures):
                raise TypeError
        except (InvalidOperation, TypeError, AttributeError):
            raise CatalogueError(_("The file is not a catalogue entry from Styr.")) from None
    title = _text(data, "title", 200).strip()
    if not title:
        raise CatalogueError(_("The file is not a catalogue entry from Styr."))
    size = _text(data, "size")
    return Entry.objects.create(
        organisation=organisation,
        publisher_name=_text(data, "publisher", 120) or organisation.name,
        size=size if size in Size.values else "",
        origin=_text(data, "origin", 200) or "?",
        title=title,
        description=_text(data, "description"),
        track=track,
        source=source,
        ambition=_text(data, "ambition")
        if _text(data, "ambition") in ("high", "medium", "low")
        else "",
        tags=[str(t)[:60] for t in tags][:20],
        case=case,
        benefits=benefits[:50],
        lessons=_text(data, "lessons"),
        contact=_text(data, "contact", 200),
        published_by=user,
        published_at=timezone.now(),
    )


def use_joint_solution(*, solution: JointSolution, organisation, membership, user) -> Initiative:
    """The joint solution as a mandatory-solution initiative of the organisation, linked to
    the catalogue entry and ready for its ambition level (decided on the initiative)."""
    form = InitiativeForm(
        {
            "title": solution.name[:200],
            "description": solution.description,
            "track": Track.MANDATORY,
            "source": solution.source,
            "stage": Stage.IDEA,
            "deadline": solution.deadline.isoformat(),
            # Medium until the body with the mandate decides the level on the initiative.
            "ambition": Ambition.MEDIUM,
        },
        organisation=organisation,
        membership=membership,
    )
    if not form.is_valid():
        raise CatalogueError(form.errors.as_text())
    with transaction.atomic():
        if JointSolutionUse.objects.filter(solution=solution, organisation=organisation).exists():
            raise CatalogueError(_("The solution is already in your portfolio."))
        initiative = save_initiative(form=form, user=user, expected_version=None)
        JointSolutionUse.objects.create(
            solution=solution, organisation=organisation, initiative=initiative
        )
    return initiative
