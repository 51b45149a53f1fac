"""Workflows of ideas and hassles: submitting, voting, answering (fixed, merged, turned into
an initiative, taken to a body, declined) and telling the submitter. Keyword-only, each in
one transaction."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F, Max, Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from initiatives.forms import InitiativeForm
from initiatives.services import save_initiative
from initiatives.tracks import Source, Stage, Track
from meetings.models import AgendaItem, ItemKind
from notifications.services import notify

from .models import Comment, Item, Kind, Resolution, Screenshot, Status, Vote


class AlreadyVoted(Exception):
    """One vote per person and item."""


class NotAllowed(Exception):
    """The answer cannot be given: the message says why."""


def submit(*, item: Item, user, screenshots=()) -> Item:
    """Save a new item with the next number of its organisation and its answer due date."""
    org = item.organisation
    item.submitter = user
    item.due_on = datetime.date.today() + datetime.timedelta(days=org.answer_days)
    for attempt in range(3):
        try:
            with transaction.atomic():
                last = Item.objects.for_org(org).aggregate(m=Max("number"))["m"]
                item.number = (last or 0) + 1
                item.save()
                for upload, content_type in screenshots:
                    Screenshot.objects.create(
                        organisation=org, item=item, image=upload, content_type=content_type
                    )
                return item
        except IntegrityError:  # two submitted at once took the same number
            item.pk = None
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def vote(*, item: Item, user) -> None:
    """One vote per person; a second raises AlreadyVoted and changes nothing."""
    try:
        with transaction.atomic():
            Vote.objects.create(organisation=item.organisation, item=item, user=user)
            Item.objects.filter(pk=item.pk).update(votes=F("votes") + 1)
    except IntegrityError as error:
        raise AlreadyVoted from error


def unvote(*, item: Item, user) -> bool:
    with transaction.atomic():
        if Vote.objects.filter(item=item, user=user).delete()[0]:
            Item.objects.filter(pk=item.pk).update(votes=F("votes") - 1)
            return True
    return False


def add_comment(*, item: Item, user, text: str) -> Comment:
    return Comment.objects.create(organisation=item.organisation, item=item, author=user, text=text)


def _tell(item: Item, subject: str, body: str) -> None:
    """The submitter hears the answer (by e-mail or in their digest), anonymous or not."""
    if item.submitter_id is None:
        return
    notify(
        organisation=item.organisation,
        users=[item.submitter],
        subject=subject,
        body=body,
        url=reverse("involvement:item", args=[item.organisation.slug, item.number]),
        key=f"involvement-{item.pk}-{item.resolution or item.status}-{item.version}",
    )


def review(*, item: Item, expected_version: int) -> None:
    """A new item goes under review; an answered one stays answered."""
    item.claim(expected_version, only_if=Q(status=Status.NEW), status=Status.REVIEW)


@transaction.atomic
def answer(
    *,
    item: Item,
    expected_version: int,
    resolution: str,
    text: str,
    user,
    membership,
    into: Item | None = None,
    body=None,
    track: str = "",
) -> Item:
    """Answer an item with a resolution and an answer text; the submitter is told."""
    if item.status == Status.ANSWERED and item.resolution == Resolution.MERGED:
        raise NotAllowed(_("The item was merged into another; answer that one."))
    values = {
        "status": Status.ANSWERED,
        "resolution": resolution,
        "answer": text,
        "answered_on": datetime.date.today(),
        "answered_by": user,
    }
    if resolution == Resolution.MERGED:
        if into is None or into.pk == item.pk or into.organisation_id != item.organisation_id:
            raise NotAllowed(_("Choose another item of the organisation to merge into."))
        if into.resolution == Resolution.MERGED:
            raise NotAllowed(_("That item was itself merged; choose the one it went into."))
        values["merged_into"] = into
    if resolution == Resolution.BODY and body is None:
        raise NotAllowed(_("Choose the body that is to take it up."))
    item.claim_edit(expected_version, **values)
    if resolution == Resolution.MERGED:
        _move_votes(item, into)
        with translation.override(item.organisation.language):
            _tell(
                into,
                _("Another idea or hassle was merged into yours: %(title)s")
                % {"title": into.title},
                text,
            )
    elif resolution == Resolution.INITIATIVE:
        item.initiative = _initiative(item, user=user, membership=membership, track=track)
        Item.objects.filter(pk=item.pk).update(initiative=item.initiative)
    elif resolution == Resolution.BODY:
        item.agenda_item = AgendaItem.objects.create(
            organisation=item.organisation,
            body=body,
            kind=ItemKind.OTHER,
            title=(_("From the employees: %(title)s") % {"title": item.title})[:200],
            notes=f"{item.description}\n\n{text}".strip(),
            requested_by=user,
        )
        Item.objects.filter(pk=item.pk).update(agenda_item=item.agenda_item)
    with translation.override(item.organisation.language):
        _tell(
            item,
            _("Your %(kind)s has been answered: %(title)s")
            % {"kind": Kind(item.kind).label.lower(), "title": item.title},
            f"{Resolution(resolution).label}. {text}",
        )
    return item


def _move_votes(item: Item, into: Item) -> None:
    """The votes go with the item: a voter of both keeps one vote on the target."""
    already = Vote.objects.filter(item=into).values("user_id")
    Vote.objects.filter(item=item).exclude(user_id__in=already).update(item=into)
    Vote.objects.filter(item=item).delete()
    Item.objects.filter(pk=item.pk).update(votes=0)
    Item.objects.filter(pk=into.pk).update(votes=Vote.objects.filter(item=into).count())


def _initiative(item: Item, *, user, membership, track: str):
    """An idea becomes an own initiative at the idea stage; a hassle a prerequisite. The
    initiative shows where it came from (Item.initiative, read back from its page)."""
    if not track:
        track = Track.PREREQUISITE if item.kind == Kind.HASSLE else Track.MUST_WIN
    description = item.description
    if item.kind == Kind.HASSLE:
        description += "\n\n" + _("%(hours)s hours lost a year (%(system)s).") % {
            "hours": round(item.hours),
            "system": item.system or "—",
        }
    form = InitiativeForm(
        {
            "title": item.title,
            "description": description,
            "track": track,
            "source": Source.OWN,
            "stage": Stage.IDEA,
            "result_goals": item.benefits_whom if track == Track.MUST_WIN else "",
        },
        organisation=item.organisation,
        membership=membership,
    )
    if not form.is_valid():
        raise NotAllowed(" ".join(str(e) for errors in form.errors.values() for e in errors))
    return save_initiative(form=form, user=user, expected_version=None)
