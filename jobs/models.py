"""The workers that share the background queue, each known by its heartbeat.

The queue itself is django-tasks' database backend (django_tasks_db.DBTaskResult): a job
is a row, and a worker claims one with SELECT … FOR UPDATE SKIP LOCKED (an exclusive
transaction on SQLite), so several workers on several machines never run the same job at
once. What the library does not do is notice a worker that died with a job in hand; the
beats below are how Styr does (jobs.queue.take_over_abandoned).
"""

from __future__ import annotations

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkerBeatQuerySet(models.QuerySet):
    def alive(self, now: datetime.datetime):
        """Workers that have beaten within STALE_AFTER."""
        return self.filter(beat__gte=now - WorkerBeat.STALE_AFTER)


class WorkerBeat(models.Model):
    """A running `styr worker` process: it writes `beat` every BEAT_EVERY from a thread of
    its own, whatever its job is doing (HiGHS may go many seconds without calling back).
    A worker without a beat for STALE_AFTER is taken for dead and its job is queued again."""

    worker_id = models.CharField(_("worker"), max_length=64, primary_key=True)
    host = models.CharField(_("host"), max_length=255)
    pid = models.PositiveIntegerField(_("process"))
    started = models.DateTimeField(_("started"))
    beat = models.DateTimeField(_("last heartbeat"))

    BEAT_EVERY = datetime.timedelta(seconds=5)
    STALE_AFTER = datetime.timedelta(seconds=45)

    objects = WorkerBeatQuerySet.as_manager()

    class Meta:
        verbose_name = _("worker")
        verbose_name_plural = _("workers")

    def __str__(self) -> str:
        return f"{self.host}:{self.pid}"
