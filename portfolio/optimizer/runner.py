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
output goes to standard error when a log is asked for, never to the caller's standard
output.
"""

from __future__ import annotations

import contextlib
import dataclasses
import multiprocessing
import multiprocessing.connection
import os
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import highspy
import numpy as np

from . import lns
from .model import add_columns, add_rows, highs, warm_start

# Seconds the parent waits past the limit (or past "stop") before it kills the child.
GRACE = 0.25
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
    on request (a child killed at the deadline ends as LIMIT with the last bound it reported)."""

    status: str
    x: np.ndarray | None
    bound: float | None
    first: float | None = None
    stopped: bool = False


# improving(elapsed, x, primal, dual, gap) and tick(elapsed, primal, dual, gap) -> stop?
Improving = Callable[[float, np.ndarray, float, float, float], bool]
Tick = Callable[[float, float | None, float | None, float | None], bool]


def run(
    spec: Spec,
    *,
    time_limit: float | None,
    improving: Improving | None = None,
    tick: Tick | None = None,
    helper: bool = False,
) -> Outcome:
    """Run HiGHS on `spec` in a child process; return within `time_limit` + GRACE seconds.

    With `helper` (a 0-1 maximisation with a time limit), a second child searches around
    the best plan beside HiGHS (`lns.search`) and the answer is the best plan of both; the
    bound and the status stay HiGHS's.
    """
    ours, theirs = _CONTEXT.Pipe()
    child = _CONTEXT.Process(target=_child, args=(theirs, spec, time_limit), daemon=True)
    began = time.monotonic()
    child.start()
    theirs.close()
    deadline = None if time_limit is None else began + time_limit + GRACE
    aid = aid_conn = None
    to_aid: queue.SimpleQueue = queue.SimpleQueue()
    if helper and time_limit is not None:
        aid_conn, aid_end = _CONTEXT.Pipe()
        aid = _CONTEXT.Process(
            target=_helper,
            args=(aid_end, spec, began + time_limit),
            daemon=True,
        )
        aid.start()
        aid_end.close()
        threading.Thread(target=_forward, args=(to_aid, aid_conn), daemon=True).start()
    best: np.ndarray | None = None
    best_value = -np.inf
    primal = dual = gap = None
    first = None
    stopped = killed = False
    last_tick = began
    result = None

    def better(x: np.ndarray) -> bool:
        nonlocal best, best_value, first
        value = float(spec.cost @ x)
        if best is not None and value <= best_value:
            return False
        best, best_value = x, value
        if first is None:
            first = time.monotonic() - began
        return True

    try:
        while result is None:
            now = time.monotonic()
            wait = TICK if deadline is None else max(0.0, min(TICK, deadline - now))
            listening = [ours] if aid_conn is None else [ours, aid_conn]
            for conn in multiprocessing.connection.wait(listening, wait):
                try:
                    message = conn.recv()
                except (EOFError, OSError):  # the child ended (a reset if it left data unread)
                    if conn is ours:
                        result = ()
                        break
                    aid_conn = None  # the helper ended; HiGHS goes on
                    continue
                kind = message[0]
                if kind == "improving" and conn is ours:
                    _kind, elapsed, x, primal, dual, gap = message
                    if better(x):
                        if aid_conn is not None:
                            to_aid.put(x)
                        if improving is not None and improving(elapsed, x, primal, dual, gap):
                            stopped, deadline = _stop(ours, deadline, stopped)
                elif kind == "improving":  # from the helper
                    x = message[1]
                    if better(x) and improving is not None:
                        primal = best_value
                        gap = None if dual is None else _relative(dual - primal, primal)
                        if improving(time.monotonic() - began, x, primal, dual, gap):
                            stopped, deadline = _stop(ours, deadline, stopped)
                elif kind == "tick":
                    _kind, _elapsed, _primal, dual, _gap = message
                    if best is not None and dual is not None:
                        primal, gap = best_value, _relative(dual - best_value, best_value)
                elif kind == "done":
                    result = message
                    break
            now = time.monotonic()
            if result is None and deadline is not None and now >= deadline:
                killed = True
                break
            if result is None and now - last_tick >= TICK:
                last_tick = now
                if tick is not None and tick(now - began, primal, dual, gap):
                    stopped, deadline = _stop(ours, deadline, stopped)
    finally:
        for process in (child, aid):
            if process is None:
                continue
            if process.is_alive() and (process is aid or not result):
                process.kill()
            # Neither waited for long: a child that answered is only tearing HiGHS down, a
            # killed one is torn down by the kernel (0.4 s under load, past the promise).
            # multiprocessing reaps them later.
            process.join(timeout=0.05)
        to_aid.put(None)
        ours.close()
    if not result:
        if not killed and child.exitcode not in (0, None):
            raise RuntimeError(f"HiGHS ended unexpectedly (exit code {child.exitcode})")
        return Outcome(LIMIT, best, dual, first, stopped=stopped)
    _kind, status, x, bound = result
    if x is not None:
        better(x)
    return Outcome(status, best, bound, first, stopped=stopped)


def _forward(plans: queue.SimpleQueue, conn) -> None:
    """Hand HiGHS's plans to the helper, the newest only, from a thread of its own: a plan
    is larger than a pipe's buffer and the helper reads only between its sub-problems (up
    to lns.SUB_LIMIT seconds), so a send from the main loop blocked it past the deadline
    (4.6 s for a 3 s limit under load). Ends at None or when the helper is gone. Nobody
    closes the connection while this thread may write to it: it closes when the last
    reference to it, this thread's or run()'s, is gone."""
    with contextlib.suppress(OSError, ValueError):  # the helper ended or was killed
        while True:
            x = plans.get()
            while not plans.empty():
                x = plans.get_nowait()  # a newer plan replaces one not yet sent
            if x is None:
                return
            conn.send(x)


def _relative(diff: float, value: float) -> float:
    return max(0.0, diff) / max(abs(value), 1e-9)


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
    add_columns(h, spec.cost, upper=spec.upper, integer=spec.integer, maximize=spec.maximize)
    add_rows(h, spec.rows)
    if spec.start is not None:
        h.setSolution(warm_start(spec.start))
    return h


def _quiet(log: bool) -> None:
    """Keep HiGHS off the caller's standard output (`styr optimize` prints its JSON there):
    to standard error when a log was asked for, else nowhere. HiGHS 1.16 prints its banner
    from the constructor, before `output_flag` can be set, so the descriptor is moved."""
    if log:
        os.dup2(2, 1)
    else:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)


def _child(conn, spec: Spec, time_limit: float | None) -> None:
    _quiet(spec.log)
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
    status, info, x = _run(h, spec)
    if x is not None and spec.start is not None and _stale(spec, info, x):
        # HiGHS 1.16 can report the optimum's value with the starting plan's vector (seen
        # when presolve solves a problem it was given a start for): solve again without it.
        left = None if time_limit is None else max(0.05, time_limit - (time.monotonic() - began))
        h = build(dataclasses.replace(spec, start=None), left)
        h.cbMipInterrupt.subscribe(interrupt)
        status, info, x = _run(h, spec)
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


def _run(h, spec: Spec):
    """Run `h`; its model status, info and plan (None when it has none)."""
    if len(spec.cost):
        h.run()
    info = h.getInfo()
    x = None
    if len(spec.cost) and info.primal_solution_status == 2:  # kSolutionStatusFeasible
        x = np.array(h.getSolution().col_value, dtype=np.float64)
    return h.getModelStatus(), info, x


def _stale(spec: Spec, info, x: np.ndarray) -> bool:
    """Whether the plan's value differs from the objective HiGHS reports for it."""
    reported = float(info.objective_function_value)
    value = float(np.dot(spec.cost, x))
    return abs(value - reported) > 1e-6 * max(1.0, abs(reported))


def _helper(conn, spec: Spec, deadline: float) -> None:
    _quiet(spec.log)
    os.nice(19)  # only what HiGHS leaves of the cores
    lns.search(conn, spec.cost, spec.rows, spec.start, deadline)


def _bounds(out) -> tuple[float | None, float | None, float | None]:
    return _finite(out.mip_primal_bound), _finite(out.mip_dual_bound), _finite(out.mip_gap)


def _finite(value) -> float | None:
    if value is None:
        return None
    value = float(value)
    return value if np.isfinite(value) and abs(value) < 1e29 else None
