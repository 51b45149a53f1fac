"""The job the queue benchmark runs: it writes its number to a file, one line per run, so
the benchmark can count that each job ran exactly once (appends of a short line with
O_APPEND are atomic between processes)."""

import os

from django_tasks import task


@task()
def mark(i: int, path: str) -> int:
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, f"{i}\n".encode())
    finally:
        os.close(fd)
    return i
