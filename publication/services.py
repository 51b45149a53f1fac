"""Workflows of the published strategy: the two-step approval that freezes a version,
publication (intranet, public page), and the reminders of the communication plan."""

from __future__ import annotations

import datetime

from django.core.cache import cache
from django.db import transaction
from django.db.models import F, Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from core.models import Change, record_change
from governance.models import Body, DecisionKind
from governance.services import record_approval
from notifications.services import notify
from strategy.models import Strategy, StrategyStatus

from . import snapshot
from .models import ActivityStatus, CommunicationActivity, StrategyVersion, VersionStatus


class ApprovalError(Exception):
    """The step cannot be taken now (the message says why, for the user)."""


def recommend(*, strategy: Strategy, body: Body, user, rationale: str = "") -> StrategyVersion:
    """The executive board's recommendation (a decision within its mandate): freezes the
    strategy as it stands into the next version, which the council then approves as it is.
    A recommendation still waiting is withdrawn by the new one."""
    if strategy.is_read_only:
        raise ApprovalError(_("An archived strategy is read-only."))
    with transaction.atomic():
        Strategy.objects.select_for_update().filter(pk=strategy.pk).first()
        decision = record_approval(
            body=body,
            kind=DecisionKind.RECOMMEND_STRATEGY,
            user=user,
            title=_("Recommendation: %(strategy)s") % {"strategy": strategy},
            rationale=rationale,
        )
        strategy.versions.filter(status=VersionStatus.RECOMMENDED).update(
            status=VersionStatus.WITHDRAWN
        )
        number = (strategy.versions.aggregate(n=Max("number"))["n"] or 0) + 1
        version = StrategyVersion.objects.create(
            organisation=strategy.organisation,
            strategy=strategy,
            number=number,
            snapshot=snapshot.take(strategy),
            recommendation=decision,
            created_by=user,
        )
        record_change(
            obj=strategy,
            user=user,
            action=Change.Action.UPDATED,
            after={"version": number, "status": str(VersionStatus.RECOMMENDED.label)},
        )
    return version


def approve(*, version: StrategyVersion, body: Body, user, rationale: str = "") -> None:
    """The council's approval of a recommended version (a decision within its mandate):
    the version becomes the approved strategy, an earlier approved one is superseded, and
    the strategy is marked approved. Refused without a waiting recommendation."""
    with transaction.atomic():
        claimed = StrategyVersion.objects.filter(
            pk=version.pk, status=VersionStatus.RECOMMENDED
        ).update(status=VersionStatus.APPROVED, approved_at=timezone.now())
        if not claimed:
            raise ApprovalError(
                _(
                    "Only a version the executive board has recommended can be approved. "
                    "Ask for its recommendation first."
                )
            )
        decision = record_approval(
            body=body,
            kind=DecisionKind.APPROVE_STRATEGY,
            user=user,
            title=_("Approval: %(version)s") % {"version": version},
            rationale=rationale,
        )
        StrategyVersion.objects.filter(pk=version.pk).update(approval=decision)
        version.strategy.versions.filter(status=VersionStatus.APPROVED).exclude(
            pk=version.pk
        ).update(status=VersionStatus.SUPERSEDED, intranet=False, public=False)
        Strategy.objects.filter(pk=version.strategy_id).update(
            status=StrategyStatus.APPROVED, version=F("version") + 1
        )
        record_change(
            obj=version.strategy,
            user=user,
            action=Change.Action.UPDATED,
            after={"version": version.number, "status": str(VersionStatus.APPROVED.label)},
        )
    version.refresh_from_db()
    forget_public_page(version.organisation)


def withdraw(*, version: StrategyVersion, user) -> None:
    """Withdraw a recommendation not yet approved (the office found an error)."""
    with transaction.atomic():
        if not StrategyVersion.objects.filter(
            pk=version.pk, status=VersionStatus.RECOMMENDED
        ).update(status=VersionStatus.WITHDRAWN):
            raise ApprovalError(_("Only a recommendation awaiting approval can be withdrawn."))
        record_change(
            obj=version.strategy,
            user=user,
            action=Change.Action.UPDATED,
            after={"version": version.number, "status": str(VersionStatus.WITHDRAWN.label)},
        )


def publish(*, version: StrategyVersion, intranet: bool, public: bool, user) -> None:
    """Publish an approved version on the intranet and/or the public page (or take it
    down); a draft, a recommendation or a superseded version cannot be published. The
    organisation's other versions leave the places this one takes."""
    if version.status != VersionStatus.APPROVED and (intranet or public):
        raise ApprovalError(_("Only the approved version can be published."))
    with transaction.atomic():
        others = StrategyVersion.objects.for_org(version.organisation).exclude(pk=version.pk)
        if intranet:
            others.update(intranet=False)
        if public:
            others.update(public=False)
        StrategyVersion.objects.filter(pk=version.pk).update(
            intranet=intranet,
            public=public,
            published_at=timezone.now() if intranet or public else None,
        )
        record_change(
            obj=version.strategy,
            user=user,
            action=Change.Action.UPDATED,
            before={"intranet": version.intranet, "public": version.public},
            after={"intranet": intranet, "public": public},
        )
    version.refresh_from_db()
    forget_public_page(version.organisation)


# The public page is cached per organisation and language under a generation number that
# every publication (and every change of the page's settings) moves on.
def public_generation(organisation) -> int:
    return cache.get_or_set(f"public-gen:{organisation.pk}", 1, None)


def forget_public_page(organisation) -> None:
    key = f"public-gen:{organisation.pk}"
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 2, None)


def due_reminders(today: datetime.date):
    """Planned activities whose reminder day has come and that were not reminded yet."""
    return [
        a
        for a in CommunicationActivity.objects.filter(
            status=ActivityStatus.PLANNED,
            reminded=False,
            owner__isnull=False,
            date__gte=today,
            date__lte=today + datetime.timedelta(days=60),
        ).select_related("owner", "organisation", "strategy", "initiative")
        if a.date - datetime.timedelta(days=a.remind_days) <= today
    ]


def activity_url(activity: CommunicationActivity) -> str:
    slug = activity.organisation.slug
    if activity.strategy_id:
        return reverse("publication:communication", args=[slug, activity.strategy_id])
    return reverse("publication:initiative_communication", args=[slug, activity.initiative.number])


@task()
def remind_activity_owners() -> int:
    """The periodic job: each planned activity's owner is told once, `remind_days` before
    the day. Claimed row by row, so two workers never remind twice."""
    sent = 0
    for activity in due_reminders(datetime.date.today()):
        with transaction.atomic():
            if not CommunicationActivity.objects.filter(pk=activity.pk, reminded=False).update(
                reminded=True
            ):
                continue
            notify(
                organisation=activity.organisation,
                users=[activity.owner],
                subject=_("Communication on %(date)s: %(audience)s")
                % {"date": activity.date.isoformat(), "audience": activity.audience},
                body=_("%(channel)s to %(audience)s on %(date)s:\n\n%(message)s")
                % {
                    "channel": activity.get_channel_display(),
                    "audience": activity.audience,
                    "date": activity.date.isoformat(),
                    "message": activity.message,
                },
                url=activity_url(activity),
                key=f"communication-{activity.pk}",
            )
            sent += 1
    return sent
