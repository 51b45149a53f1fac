"""`styr optimize`: solve a portfolio problem file without the web application or a database.

    styr optimize problem.json [--time-limit S]
    styr optimize problem.json --frontier N --budget NAME [--time-limit S]

Standard output carries only the JSON answer, so it pipes into other tools; HiGHS's banner,
its log (`--log`) and every message go to standard error. A malformed problem prints the
field that is wrong and exits with status 2. Every run has a time limit (default 60 s; for
`--frontier` it is for the whole frontier) and ends within it plus about a second.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys

from . import optimizer

# Every solve has a limit: a large problem may take hours to prove optimal.
DEFAULT_TIME_LIMIT = 60.0


@contextlib.contextmanager
def _stdout_to_stderr():
    """HiGHS writes its banner to file descriptor 1 from C++; point it at stderr meanwhile."""
    sys.stdout.flush()
    saved = os.dup(1)
    os.dup2(2, 1)
    try:
        yield
    finally:
        sys.stdout.flush()
        os.dup2(saved, 1)
        os.close(saved)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="styr optimize",
        description="Solve a Styr portfolio problem (JSON) with HiGHS; print the answer as JSON.",
    )
    parser.add_argument("problem", help="the problem file, or - for standard input")
    parser.add_argument(
        "--time-limit",
        type=float,
        default=DEFAULT_TIME_LIMIT,
        metavar="S",
        help=(
            "seconds before the best solution so far is returned; for --frontier, for the "
            f"whole frontier (default {DEFAULT_TIME_LIMIT:g})"
        ),
    )
    parser.add_argument(
        "--frontier",
        type=int,
        default=None,
        metavar="N",
        help="print the efficient frontier at N levels of --budget instead",
    )
    parser.add_argument(
        "--budget", default=None, metavar="NAME", help="the budget (or pool) the frontier varies"
    )
    parser.add_argument(
        "--gap",
        type=float,
        default=None,
        help="relative gap at which to stop (default 1e-6, frontier 1e-4)",
    )
    parser.add_argument("--log", action="store_true", help="show HiGHS's log on standard error")
    parser.add_argument("--indent", type=int, default=None, help="indent the JSON")
    return parser


def _fail(message: str) -> int:
    print(f"styr optimize: {message}", file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.problem == "-":
            raw = sys.stdin.read()
        else:
            with open(args.problem, encoding="utf-8") as fh:
                raw = fh.read()
    except OSError as exc:
        return _fail(f"cannot read {args.problem}: {exc.strerror}")
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        return _fail(
            f"{args.problem} is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        )
    if args.time_limit <= 0:
        return _fail("--time-limit must be positive")
    if (args.frontier is None) != (args.budget is None):
        return _fail("--frontier and --budget go together")
    try:
        problem = optimizer.parse_problem(data)
        with _stdout_to_stderr():
            if args.frontier is not None:
                answer = optimizer.frontier(
                    problem,
                    budget=args.budget,
                    points=args.frontier,
                    time_limit=args.time_limit,
                    gap=args.gap or 1e-4,
                )
            else:
                answer = optimizer.solve(
                    problem,
                    time_limit=args.time_limit,
                    gap=args.gap or optimizer.DEFAULT_GAP,
                    log=args.log,
                ).to_dict()
    except optimizer.ProblemError as exc:
        return _fail(f"malformed problem: field {exc.field}: {exc.message}")
    json.dump(answer, sys.stdout, indent=args.indent, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0
