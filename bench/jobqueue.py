"""The background queue under load (issue 20): 1,000 jobs queued, then four worker
processes take them at once; each job must be done exactly once.

    .venv/bin/python bench/jobqueue.py [--jobs N] [--workers W]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/styr_queue .venv/bin/python bench/jobqueue.py

Uses a scratch database (var/bench-queue.sqlite3, or DATABASE_URL, created if missing; its
jobs are emptied first). The workers are `jobs.queue.Worker` in batch mode, as
`styr worker` runs them, each in its own process; the job (bench.tasks.mark) appends its
number to a file, so the count of each number is how many times it ran. Prints jobs per
second through the queue: from the workers' start to the last job's end, claim, run and
result recording included.
"""

from __future__ import annotations

import argparse
import collections
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.scratch import ensure_database, start_django  # noqa: E402

start_django("bench-queue.sqlite3")

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import Max, Min  # noqa: E402
from django_tasks import TaskResultStatus  # noqa: E402
from django_tasks_db.models import DBTaskResult  # noqa: E402

from bench.tasks import mark  # noqa: E402
from jobs.queue import Worker  # noqa: E402


def work() -> None:
    """One worker process: take jobs until none is ready."""
    worker = Worker(batch=True, interval=0, periodic={})
    worker.run()
    print(worker.done)


def results_span() -> float:
    """Seconds from the first job's start to the last job's finish, as the queue recorded."""
    span = DBTaskResult.objects.aggregate(first=Min("started_at"), last=Max("finished_at"))
    return (span["last"] - span["first"]).total_seconds()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        work()
        return
    ensure_database()
    call_command("migrate", verbosity=0)
    DBTaskResult.objects.all().delete()
    log = Path(tempfile.mkdtemp()) / "ran.txt"
    started = time.perf_counter()
    with transaction.atomic():
        for i in range(args.jobs):
            mark.enqueue(i, str(log))
    queued = time.perf_counter() - started
    connection.close()

    started = time.perf_counter()
    workers = [
        subprocess.Popen([sys.executable, __file__, "--worker"], stdout=subprocess.PIPE, text=True)  # noqa: S603
        for _ in range(args.workers)
    ]
    per_worker = [int(w.communicate()[0].strip() or 0) for w in workers]
    elapsed = time.perf_counter() - started

    span = results_span()
    runs = collections.Counter(int(line) for line in log.read_text().split())
    results = DBTaskResult.objects.all()
    once = all(runs[i] == 1 for i in range(args.jobs)) and len(runs) == args.jobs
    print(f"database: {connection.vendor}; load before: {os.getloadavg()[0]:.2f}")
    print(
        f"queued {args.jobs} jobs in {queued:.2f} s ({args.jobs / queued:.0f}/s, one transaction)"
    )
    print(
        f"{args.workers} workers did them in {elapsed:.2f} s: {args.jobs / elapsed:.0f} jobs/s "
        f"(per worker {per_worker}, process start included); first start to last finish "
        f"{span:.2f} s: {args.jobs / span:.0f} jobs/s"
    )
    print(
        f"each done exactly once: {once}; "
        f"successful {results.filter(status=TaskResultStatus.SUCCESSFUL).count()}, "
        f"claimed by more than one worker: "
        f"{sum(1 for r in results.only('worker_ids') if len(r.worker_ids) != 1)}"
    )
    if not once:
        sys.exit(1)


if __name__ == "__main__":
    main()
