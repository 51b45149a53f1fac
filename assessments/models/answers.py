"""Answers, stored so that no row can be traced back to a person or a link.

A response carries its round, department and group, and nothing else: no link, no user,
no time, and a random key (so not even the order of responses lines up with anything a
person left behind). Until it is submitted an answer is a `Draft`, which knows its link or
member so it can be resumed; submitting moves the values into a `Response` and deletes the
draft in one transaction. `Tally` keeps the counts per statement, department, group and
level, added in the same transaction, so results never read the answers row by row.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import OrgOwned

from .rounds import new_token


class Draft(OrgOwned):
    """An answer being given: resumable from its link (or by the member, or, for an open
    link, from the browser holding its key) until it is submitted."""

    round = models.ForeignKey("assessments.Round", on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    invitation = models.OneToOneField(
        "assessments.Invitation", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    department = models.ForeignKey(
        "organisations.Department", null=True, on_delete=models.CASCADE, related_name="+"
    )
    group = models.ForeignKey(
        "assessments.RespondentGroup", null=True, on_delete=models.CASCADE, related_name="+"
    )
    levels = models.JSONField(default=dict)  # statement id → level (0 = don't know)
    texts = models.JSONField(default=dict)  # question id → text
    page = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["round", "user"],
                condition=models.Q(user__isnull=False),
                name="one_draft_per_member",
            )
        ]


class Participation(OrgOwned):
    """That a member has answered a round (so they answer once), and nothing more: a
    random key and no time, so it lines up with no response."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey("assessments.Round", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "user"], name="one_answer_per_member")
        ]


class Response(OrgOwned):
    """One submitted answer: its round, department and group, nothing that names a person."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(
        "assessments.Round", on_delete=models.CASCADE, related_name="responses"
    )
    department = models.ForeignKey(
        "organisations.Department", on_delete=models.PROTECT, related_name="+"
    )
    group = models.ForeignKey(
        "assessments.RespondentGroup", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        indexes = [models.Index(fields=["round", "department", "group"])]
        verbose_name = _("response")
        verbose_name_plural = _("responses")


class Answer(OrgOwned):
    """A response's level for one statement (0 = don't know)."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    statement = models.ForeignKey(
        "assessments.Statement", on_delete=models.PROTECT, related_name="+"
    )
    level = models.PositiveSmallIntegerField()


class TextAnswer(OrgOwned):
    """A response's answer to a free-text question."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="texts")
    question = models.ForeignKey("assessments.Question", on_delete=models.PROTECT, related_name="+")
    text = models.TextField()


class Tally(OrgOwned):
    """How many responses of a department and group gave a statement a level: the counts
    every result is computed from (assessments.scoring), added when a response is
    submitted (`services.submit`) and rebuilt from the answers by `services.recount`."""

    round = models.ForeignKey("assessments.Round", on_delete=models.CASCADE, related_name="tallies")
    statement = models.ForeignKey(
        "assessments.Statement", on_delete=models.CASCADE, related_name="+"
    )
    department = models.ForeignKey(
        "organisations.Department", on_delete=models.CASCADE, related_name="+"
    )
    group = models.ForeignKey(
        "assessments.RespondentGroup", on_delete=models.CASCADE, related_name="+"
    )
    level = models.PositiveSmallIntegerField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["round", "statement", "department", "group", "level"],
                name="unique_tally",
            )
        ]
