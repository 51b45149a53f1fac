"""Workflows of assessments that span models: frameworks from the library and their
versions, respondents and their links, submitting an answer, e-mails to respondents, and
initiatives created from a finding. Each in one transaction, keyword-only."""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, connection, transaction
from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks import task

from initiatives.forms import InitiativeForm
from initiatives.services import save_initiative
from initiatives.tracks import Stage, Track
from organisations.models import Department

from . import library
from .models import (
    Answer,
    Dimension,
    Draft,
    Finding,
    Framework,
    Invitation,
    OpenLink,
    Participation,
    Question,
    RespondentGroup,
    Response,
    Round,
    Statement,
    Tally,
    TextAnswer,
)
from .scoring import DONT_KNOW, LEVELS

log = logging.getLogger(__name__)

DEFAULT_GROUPS = (
    (gettext_lazy("Executive"), True),
    (gettext_lazy("Middle manager"), True),
    (gettext_lazy("Employee"), False),
)
REMIND_DAYS = 3  # a reminder goes this many days before the round closes
LEASE = datetime.timedelta(minutes=5)


def default_groups(organisation) -> list[RespondentGroup]:
    """The organisation's respondent groups, the three defaults made on first use."""
    groups = list(RespondentGroup.objects.for_org(organisation))
    if groups:
        return groups
    with translation.override(organisation.language):
        for position, (name, leader) in enumerate(DEFAULT_GROUPS):
            RespondentGroup.objects.get_or_create(
                organisation=organisation,
                name=str(name),
                defaults={"leader": leader, "position": position},
            )
    return list(RespondentGroup.objects.for_org(organisation))


@transaction.atomic
def install_framework(*, organisation, key: str, language: str) -> Framework:
    """A framework from the library, as the organisation's own rows in one language."""
    source = library.LIBRARY[key]
    default_groups(organisation)
    framework = Framework.objects.create(
        organisation=organisation,
        name=source.name.text(language),
        description=source.description.text(language),
        language=language,
        key=source.key,
        version=source.version,
        lineage=source.key,
        levels=[level.text(language) for level in library.LEVELS],
        per_initiative=source.per_initiative,
    )
    for position, d in enumerate(source.dimensions):
        dimension = Dimension.objects.create(
            organisation=organisation,
            framework=framework,
            key=d.key,
            name=d.name.text(language),
            description=d.description.text(language),
            position=position,
        )
        Statement.objects.bulk_create(
            Statement(
                organisation=organisation, dimension=dimension, text=s.text(language), position=i
            )
            for i, s in enumerate(d.statements)
        )
    Question.objects.bulk_create(
        Question(organisation=organisation, framework=framework, text=q.text(language), position=i)
        for i, q in enumerate(source.questions)
    )
    return framework


@transaction.atomic
def copy_framework(*, framework: Framework, as_new_version: bool) -> Framework:
    """A changeable copy. As a new version it replaces the framework (same lineage, so
    rounds stay comparable; no longer the shipped one, so it leaves the benchmark); else it
    is a new framework of the office's own."""
    organisation = framework.organisation
    copy = Framework.objects.create(
        organisation=organisation,
        name=framework.name if as_new_version else _("Copy of %(name)s") % {"name": framework.name},
        description=framework.description,
        language=framework.language,
        key="",
        version=framework.version + 1 if as_new_version else 1,
        lineage=framework.lineage if as_new_version else "",
        levels=list(framework.levels),
        per_initiative=framework.per_initiative,
        previous=framework if as_new_version else None,
    )
    if not as_new_version:
        copy.lineage = f"own-{copy.pk}"
        copy.save(update_fields=["lineage"])
    for d in framework.dimensions.prefetch_related("statements"):
        dimension = Dimension.objects.create(
            organisation=organisation,
            framework=copy,
            key=d.key,
            name=d.name,
            description=d.description,
            position=d.position,
        )
        Statement.objects.bulk_create(
            Statement(
                organisation=organisation, dimension=dimension, text=s.text, position=s.position
            )
            for s in d.statements.all()
        )
    Question.objects.bulk_create(
        Question(organisation=organisation, framework=copy, text=q.text, position=q.position)
        for q in framework.questions.all()
    )
    return copy


@transaction.atomic
def new_framework(*, organisation, name: str, language: str) -> Framework:
    default_groups(organisation)
    framework = Framework.objects.create(
        organisation=organisation,
        name=name,
        language=language,
        lineage="",
        levels=[level.text(language) for level in library.LEVELS],
    )
    framework.lineage = f"own-{framework.pk}"
    framework.save(update_fields=["lineage"])
    return framework


class FrameworkInUse(Exception):
    """A framework a round has used is not changed: make a new version instead."""


def _unused(framework: Framework) -> None:
    # Locks the framework so a round cannot start using it halfway through the change.
    Framework.objects.select_for_update().filter(pk=framework.pk).first()
    if framework.is_used():
        raise FrameworkInUse


@transaction.atomic
def save_dimension(
    *,
    framework: Framework,
    dimension: Dimension | None,
    name: str,
    description: str,
    statements: list[str],
) -> Dimension:
    """Create or change a dimension and its statements (given one per line)."""
    _unused(framework)
    if dimension is None:
        last = framework.dimensions.aggregate(m=Max("position"))["m"]
        taken = set(framework.dimensions.values_list("key", flat=True))
        key = base = slugify(name)[:50] or "dimension"
        n = 2
        while key in taken:
            key, n = f"{base}-{n}", n + 1
        dimension = Dimension(
            organisation=framework.organisation,
            framework=framework,
            key=key,
            position=(last or 0) + 1,
        )
    dimension.name = name
    dimension.description = description
    dimension.save()
    dimension.statements.all().delete()
    Statement.objects.bulk_create(
        Statement(organisation=framework.organisation, dimension=dimension, text=t, position=i)
        for i, t in enumerate(statements)
    )
    return dimension


@transaction.atomic
def delete_dimension(*, dimension: Dimension) -> None:
    _unused(dimension.framework)
    dimension.delete()


@transaction.atomic
def save_framework(*, framework: Framework, questions: list[str]) -> Framework:
    """Save the framework's own fields and replace its free-text questions."""
    if framework.pk:
        _unused(framework)
    framework.save()
    framework.questions.all().delete()
    Question.objects.bulk_create(
        Question(organisation=framework.organisation, framework=framework, text=t, position=i)
        for i, t in enumerate(questions)
    )
    return framework


@dataclass(frozen=True)
class Respondent:
    name: str
    email: str
    department: object
    group: RespondentGroup


@transaction.atomic
def add_respondents(*, round: Round, respondents: Iterable[Respondent]) -> int:
    """Invitations for those not yet invited (by e-mail, case-insensitive); returns how
    many were added. The links are sent by `send_invitations`, queued with them."""
    known = {e.lower() for e in round.invitations.values_list("email", flat=True)}
    new = []
    for r in respondents:
        if r.email.lower() in known:
            continue
        known.add(r.email.lower())
        new.append(
            Invitation(
                organisation=round.organisation,
                round=round,
                name=r.name,
                email=r.email,
                department=r.department,
                group=r.group,
            )
        )
    Invitation.objects.bulk_create(new)
    if new and round.state() != "closed":
        send_invitations.enqueue(round.pk)
    return len(new)


@transaction.atomic
def ensure_open_links(*, round: Round) -> int:
    """An open link for each department and group of the round (made once)."""
    have = set(round.open_links.values_list("department_id", "group_id"))
    new = [
        OpenLink(organisation=round.organisation, round=round, department=d, group=g)
        for d in round_departments(round)
        for g in round.groups.all()
        if (d.pk, g.pk) not in have
    ]
    OpenLink.objects.bulk_create(new)
    return len(new)


def round_departments(round: Round):
    """The departments respondents of the round answer for."""
    if round.scope == "departments" or round.departments.exists():
        return round.departments.all()
    # Rounds of the whole organisation (or an initiative) without a choice: every department.
    return Department.objects.for_org(round.organisation)


class AlreadyAnswered(Exception):
    """The link, member or draft has already given its answer."""


def valid_levels(round: Round, levels: dict) -> dict[int, int]:
    """The draft's levels for statements of the round's framework, on the scale."""
    ids = set(
        Statement.objects.filter(dimension__framework_id=round.framework_id).values_list(
            "pk", flat=True
        )
    )
    out = {}
    for key, level in levels.items():
        if str(key).isdigit() and int(key) in ids and level in (DONT_KNOW, *LEVELS):
            out[int(key)] = int(level)
    return out


def submit(*, draft: Draft) -> Response:
    """Turn a draft into an anonymous response, once: the draft is deleted, its link
    marked used (or the member's participation recorded) and the tallies counted up, all
    in one transaction. A second submit of the same draft, link or member, also at the
    same moment, raises AlreadyAnswered and changes nothing."""
    round = draft.round
    levels = valid_levels(round, draft.levels)
    questions = set(
        Question.objects.filter(framework_id=round.framework_id).values_list("pk", flat=True)
    )
    texts = {
        int(k): v.strip()
        for k, v in draft.texts.items()
        if str(k).isdigit() and int(k) in questions and v.strip()
    }
    try:
        with transaction.atomic():
            # The claim: of two submits, one deletes the draft; the other waits and finds none.
            if not Draft.objects.filter(pk=draft.pk).delete()[0]:
                raise AlreadyAnswered
            if draft.invitation_id and not Invitation.objects.filter(
                pk=draft.invitation_id, used=False
            ).update(used=True):
                raise AlreadyAnswered
            if draft.user_id:
                Participation.objects.create(
                    organisation=round.organisation, round=round, user_id=draft.user_id
                )
            response = Response.objects.create(
                organisation=round.organisation,
                round=round,
                department_id=draft.department_id,
                group_id=draft.group_id,
            )
            Answer.objects.bulk_create(
                Answer(organisation=round.organisation, response=response, statement_id=s, level=v)
                for s, v in levels.items()
            )
            TextAnswer.objects.bulk_create(
                TextAnswer(
                    organisation=round.organisation, response=response, question_id=q, text=t
                )
                for q, t in texts.items()
            )
            count_up(
                round=round,
                department_id=draft.department_id,
                group_id=draft.group_id,
                levels=levels,
            )
    except IntegrityError as error:  # the member's participation exists already
        raise AlreadyAnswered from error
    return response


def count_up(*, round: Round, department_id: int, group_id: int, levels: dict[int, int]) -> None:
    """Add one response's levels to the tallies in one statement (an upsert both
    SQLite and PostgreSQL read the same way), in the caller's transaction."""
    if not levels:
        return
    table = connection.ops.quote_name(Tally._meta.db_table)
    rows = [
        (round.organisation_id, round.pk, s, department_id, group_id, level, 1)
        for s, level in levels.items()
    ]
    values = ", ".join(["(%s, %s, %s, %s, %s, %s, %s)"] * len(rows))
    # The table name is the model's own and every value a parameter.
    sql = (
        f"INSERT INTO {table} (organisation_id, round_id, statement_id, department_id, "  # noqa: S608
        f"group_id, level, count) VALUES {values} "
        "ON CONFLICT (round_id, statement_id, department_id, group_id, level) "
        f"DO UPDATE SET count = {table}.count + excluded.count"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [v for row in rows for v in row])


@transaction.atomic
def recount(*, round: Round) -> int:
    """Rebuild the round's tallies from its answers (after a bulk load, or to check)."""
    Tally.objects.filter(round=round).delete()
    counts = (
        Answer.objects.filter(response__round=round)
        .values("statement_id", "response__department_id", "response__group_id", "level")
        .annotate(n=Count("pk"))
        .order_by()
    )
    rows = [
        Tally(
            organisation_id=round.organisation_id,
            round=round,
            statement_id=c["statement_id"],
            department_id=c["response__department_id"],
            group_id=c["response__group_id"],
            level=c["level"],
            count=c["n"],
        )
        for c in counts
    ]
    Tally.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def answer_url(invitation: Invitation) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("answer:invitation", args=[invitation.token])


def _mail(invitation: Invitation, *, reminder: bool) -> None:
    round = invitation.round
    with translation.override(round.organisation.language):
        subject = (
            _("Reminder: %(title)s closes %(date)s")
            if reminder
            else _("%(organisation)s asks for your answer: %(title)s")
        ) % {
            "title": round.title,
            "date": round.closes_on.isoformat(),
            "organisation": round.organisation.name,
        }
        body = "\n\n".join(
            part
            for part in (
                _("Dear %(name)s,") % {"name": invitation.name or invitation.email},
                round.introduction,
                _(
                    "Answer here (the link is yours; your answer is stored without it, and "
                    "no one can see what you answered): %(url)s"
                )
                % {"url": answer_url(invitation)},
                _("The round closes %(date)s.") % {"date": round.closes_on.isoformat()},
            )
            if part
        )
    send_mail(subject, body, None, [invitation.email])


def _deliver(invitations, *, now, reminder: bool) -> int:
    """Send each invitation's e-mail once, held by a lease while it is being sent."""
    sent = 0
    field = "reminded_at" if reminder else "sent_at"
    for invitation in invitations:
        free = Q(sending_until__isnull=True) | Q(sending_until__lt=now)
        held = Invitation.objects.filter(free, pk=invitation.pk, **{f"{field}__isnull": True})
        if not held.update(sending_until=now + LEASE):
            continue
        try:
            _mail(invitation, reminder=reminder)
        except Exception as error:  # noqa: BLE001 - any mail failure is retried next run
            Invitation.objects.filter(pk=invitation.pk).update(
                sending_until=None, last_error=repr(error)[:2000]
            )
            log.warning("Invitation %s not sent: %r", invitation.pk, error)
        else:
            Invitation.objects.filter(pk=invitation.pk).update(
                sending_until=None, last_error="", **{field: timezone.now()}
            )
            sent += 1
    return sent


@task()
def send_invitations(round_id: int) -> int:
    """The worker's job: e-mail each unsent link of the round once."""
    now = timezone.now()
    invitations = (
        Invitation.objects.filter(round_id=round_id, sent_at__isnull=True, used=False)
        .select_related("round__organisation")
        .order_by("pk")
    )
    return _deliver(invitations, now=now, reminder=False)


@task()
def remind_respondents() -> int:
    """The hourly job: remind those who have not answered, once, in the last days of an
    open round."""
    today = timezone.localdate()
    now = timezone.now()
    due = (
        Invitation.objects.filter(
            used=False,
            sent_at__isnull=False,
            reminded_at__isnull=True,
            round__opens_on__lte=today,
            round__closes_on__gte=today,
            round__closes_on__lte=today + datetime.timedelta(days=REMIND_DAYS),
        )
        .select_related("round__organisation")
        .order_by("pk")
    )
    return _deliver(due, now=now, reminder=True)


def create_initiative(
    *, round: Round, dimension: Dimension, title: str, finding: str, membership, user
) -> Finding:
    """An initiative in the prerequisite track, at the idea stage, with the finding as its
    background, linked to the round (both pages show the link)."""
    form = InitiativeForm(
        {
            "title": title,
            "description": finding,
            "track": Track.PREREQUISITE,
            "source": "own",
            "stage": Stage.IDEA,
        },
        organisation=round.organisation,
        membership=membership,
    )
    if not form.is_valid():
        raise ValueError(form.errors.as_text())
    with transaction.atomic():
        initiative = save_initiative(form=form, user=user, expected_version=None)
        return Finding.objects.create(
            organisation=round.organisation,
            round=round,
            dimension=dimension,
            initiative=initiative,
            text=finding,
        )
