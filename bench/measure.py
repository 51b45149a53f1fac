"""Measuring server time through Django's test client, shared by the bench scripts. Import
it after bench.scratch.start_django()."""

from __future__ import annotations

import os
import random
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def measure_rounds(client: Client, targets: list[tuple[str, dict]], runs: int) -> list[list]:
    """Server time in ms of each (url, headers), `runs` times each, in rounds: every round
    requests every target once, in a shuffled order, so that a moment of load on this
    shared machine touches one sample of many pages rather than a whole page's samples."""
    for url, headers in targets:
        client.get(url, **headers)  # warm caches and templates
    samples: list[list] = [[] for _ in targets]
    order = list(range(len(targets)))
    rng = random.Random(14)
    for _round in range(runs):
        rng.shuffle(order)
        for index in order:
            url, headers = targets[index]
            start = time.perf_counter()
            response = client.get(url, **headers)
            if response.streaming:
                b"".join(response.streaming_content)
            samples[index].append((time.perf_counter() - start) * 1000)
    return samples


def p95_of(samples: list) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, int(round(0.95 * len(ordered))) - 1))]


def queries(client: Client, url: str, **headers) -> int:
    client.get(url, **headers)
    with CaptureQueriesContext(connection) as ctx:
        client.get(url, **headers)
    return len(ctx.captured_queries)


def load() -> str:
    one, five, _fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f}"
