"""HiGHS in a child process, so that a time limit is a promise.

HiGHS looks at its clock between phases, and some phases at the root node never look: on a
generated 5,000-initiative problem (13,854 columns) its central rounding heuristic ran for 30 s
and a 10 s limit ended after 29–40 s. Every optimiser solve therefore runs HiGHS in a child
process and the parent keeps the clock: at the limit plus `GRACE` the child is killed and the
best plan it reported is the answer (status "feasible", its last reported bound).

The child is forked from the caller (a few milliseconds; a fresh interpreter would spend
0.3–0.6 s importing NumPy and HiGHS, and multiprocessing's "forkserver" and "spawn" re-import
the caller's main script in every child). It runs only this module's code and HiGHS, never
touches the caller's database connections or locks, and leaves with `os._exit` (no cleanup of
what it inherited). HiGHS itself never runs in the caller, so its thread pool is started fresh
in each child.

The child reports over a pipe: every improving plan, and about once a second the bounds; the
parent may answer "stop" (the user pressed Stop, or a progress callback said so). HiGHS's own
output goes to standard error, never to the caller's standard output.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import highspy
import numpy as np

from .model import add_rows, highs

# Seconds the parent waits past the limit (or past "stop") before it kills the child.
GRACE = 0.5
# Seconds between progress reports while the child is silent.
TICK = 1.0

OPTIMAL = "optimal"
INFEASIBLE = "infeasible"
LIMIT = "limit"  # a time limit, a stop, or a kill: the best plan so far is the answer
OTHER = "other"

_CONTEXT = multiprocessing.get_context("fork")


@dataclass
class Spec:
    """A mixed 0-1 programme for HiGHS: columns in [0, upper] (binary unless `integer` says
    otherwise), sparse rows (lower, upper, columns, values), an optional starting plan."""

    cost: np.ndarray
    rows: list[tuple[float, float, list[int], list[float]]]
    upper: np.ndarray | None = None
    integer: np.ndarray | None = None
    maximize: bool = True
    start: np.ndarray | None = None
    gap: float = 1e-6
    threads: int | None = None
    log: bool = False


@dataclass
class Outcome:
    """How a run ended: `status` (one of the constants above), the best plan `x` (None when
    there is none), the proven `bound`, seconds to the first plan, and whether it was stopped
    on request or killed at the deadline."""

    status: str
    x: np.ndarray | None
    bound: float | None
    first: float | None = None
    stopped: bool = False
    killed: bool = False


# improving(elapsed, x, primal, dual, gap) and tick(elapsed, primal, dual, gap) -> stop?
Improving = Callable[[float, np.ndarray, float, float, float], bool]
Tick = Callable[[float, float | None, float | None, float | None], bool]


def run(
    spec: Spec,
    *,
    time_limit: float | None,
    improving: Improving | None = None,
    tick: Tick | None = None,
) -> Outcome:
    """Run HiGHS on `spec` in a child process; return within `time_limit` + GRACE seconds."""
    ours, theirs = _CONTEXT.Pipe()
    child = _CONTEXT.Process(target=_child, args=(theirs, spec, time_limit), daemon=True)
    began = time.monotonic()
    child.start()
    theirs.close()
    deadline = None if time_limit is None else began + time_limit + GRACE
    best: np.ndarray | None = None
    primal = dual = gap = None
    first = None
    stopped = killed = False
    last_tick = began
    result = None
    try:
        while result is None:
            now = time.monotonic()
            wait = TICK if deadline is None else max(0.0, min(TICK, deadline - now))
            if ours.poll(wait):
                try:
                    message = ours.recv()
                except EOFError:
                    break
                kind = message[0]
                if kind == "improving":
                    _kind, elapsed, x, primal, dual, gap = message
                    best = x
                    if first is None:
                        first = time.monotonic() - began
                    if improving is not None and improving(elapsed, x, primal, dual, gap):
                        stopped, deadline = _stop(ours, deadline, stopped)
                elif kind == "tick":
                    _kind, _elapsed, primal, dual, gap = message
                elif kind == "done":
                    result = message
                    break
            now = time.monotonic()
            if deadline is not None and now >= deadline:
                killed = True
                break
            if now - last_tick >= TICK:
                last_tick = now
                if tick is not None and tick(now - began, primal, dual, gap):
                    stopped, deadline = _stop(ours, deadline, stopped)
    finally:
        if child.is_alive() and (killed or result is None):
            child.kill()
        child.join(timeout=5)
        ours.close()
    if result is None:
        if not killed and child.exitcode not in (0, None):
            raise RuntimeError(f"HiGHS ended unexpectedly (exit code {child.exitcode})")
        return Outcome(LIMIT, best, dual, first, stopped=stopped, killed=True)
    _kind, status, x, bound = result
    if x is None:
        x = best
    return Outcome(status, x, bound, first, stopped=stopped)


def _stop(conn, deadline: float | None, already: bool) -> tuple[bool, float | None]:
    """Ask the child to stop; it gets GRACE seconds to answer with its best plan."""
    if not already:
        with contextlib.suppress(OSError):
            conn.send("stop")
    soon = time.monotonic() + GRACE
    return True, soon if deadline is None else min(deadline, soon)


def build(spec: Spec, time_limit: float | None):
    """The HiGHS instance for `spec` (also used in-process by tests)."""
    h = highs(time_limit, spec.gap, spec.log, spec.threads)
    count = len(spec.cost)
    if count:
        upper = np.ones(count) if spec.upper is None else np.asarray(spec.upper, dtype=float)
        h.addVars(count, np.zeros(count), upper)
        idx = np.arange(count, dtype=np.int32)
        integer = (
            np.ones(count, dtype=np.uint8)
            if spec.integer is None
            else np.asarray(spec.integer, dtype=np.uint8)
        )
        h.changeColsIntegrality(count, idx, integer)
        h.changeColsCost(count, idx, np.asarray(spec.cost, dtype=float))
    h.changeObjectiveSense(
        highspy.ObjSense.kMaximize if spec.maximize else highspy.ObjSense.kMinimize
    )
    add_rows(h, spec.rows)
    if spec.start is not None:
        warm = highspy.HighsSolution()
        warm.col_value = list(spec.start)
        warm.value_valid = True
        h.setSolution(warm)
    return h


def _child(conn, spec: Spec, time_limit: float | None) -> None:
    # Standard output belongs to the caller (`styr optimize` prints its JSON there).
    os.dup2(2, 1)
    began = time.monotonic()
    h = build(spec, time_limit)
    lock = threading.Lock()  # HiGHS may call back from its worker threads
    state = {"stop": False, "last": 0.0}

    def send(message) -> None:
        with lock:
            conn.send(message)

    def improving(event) -> None:
        out = event.data_out
        x = np.array(out.mip_solution, dtype=np.float64)
        send(("improving", time.monotonic() - began, x, *_bounds(out)))

    def interrupt(event) -> None:
        with lock:
            if not state["stop"] and conn.poll():
                state["stop"] = conn.recv() == "stop"
        if state["stop"]:
            event.interrupt()
            return
        now = time.monotonic() - began
        if now - state["last"] >= TICK:
            state["last"] = now
            send(("tick", now, *_bounds(event.data_out)))

    h.cbMipImprovingSolution.subscribe(improving)
    h.cbMipInterrupt.subscribe(interrupt)
    if len(spec.cost):
        h.run()
    status = h.getModelStatus()
    info = h.getInfo()
    x = None
    if len(spec.cost) and info.primal_solution_status == 2:  # kSolutionStatusFeasible
        x = np.array(h.getSolution().col_value, dtype=np.float64)
    if status == highspy.HighsModelStatus.kOptimal:
        outcome = OPTIMAL
    elif status == highspy.HighsModelStatus.kInfeasible:
        outcome = INFEASIBLE
    elif status in (
        highspy.HighsModelStatus.kTimeLimit,
        highspy.HighsModelStatus.kInterrupt,
    ):
        outcome = LIMIT
    else:
        outcome = OTHER
    send(("done", outcome, x, _finite(info.mip_dual_bound)))
    conn.close()


def _bounds(out) -> tuple[float | None, float | None, float | None]:
    return _finite(out.mip_primal_bound), _finite(out.mip_dual_bound), _finite(out.mip_gap)


def _finite(value) -> float | None:
    if value is None:
        return None
    value = float(value)
    return value if np.isfinite(value) and abs(value) < 1e29 else None
