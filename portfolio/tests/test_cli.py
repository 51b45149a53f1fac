"""`styr optimize`: JSON on standard output only, clear errors with exit status 2."""

import json
import subprocess
import sys
from pathlib import Path

from portfolio.tests.test_optimizer import EXAMPLE

STYR = str(Path(sys.executable).parent / "styr")


def run(*args, stdin=None):
    return subprocess.run(  # noqa: S603 - our own command, fixed arguments
        [STYR, "optimize", *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=60,
        env={"PATH": "/usr/bin:/bin"},  # no settings, no database: the command needs neither
    )


def test_it_prints_only_the_solution_as_json(tmp_path):
    path = tmp_path / "problem.json"
    path.write_text(json.dumps(EXAMPLE))
    done = run(str(path), "--time-limit", "10")
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["status"] == "optimal"
    assert answer["objective"] == 35.0
    assert {"id": "B", "variant": "x", "start": 0} in answer["selected"]
    assert "HiGHS" not in done.stderr  # no solver output unless asked for
    logged = run(str(path), "--time-limit", "10", "--log")
    assert json.loads(logged.stdout)["objective"] == 35.0
    assert "HiGHS" in logged.stderr  # the solver's log went to standard error


def test_it_prints_the_frontier(tmp_path):
    path = tmp_path / "problem.json"
    path.write_text(json.dumps(EXAMPLE))
    done = run(str(path), "--frontier", "4", "--budget", "investment")
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["budget"] == "investment"
    assert len(answer["points"]) == 4


def test_it_reads_standard_input():
    done = run("-", stdin=json.dumps(EXAMPLE))
    assert json.loads(done.stdout)["objective"] == 35.0


def test_a_malformed_problem_names_the_field_and_exits_2(tmp_path):
    data = json.loads(json.dumps(EXAMPLE))
    data["initiatives"][0]["variants"][1]["value"] = "high"
    path = tmp_path / "problem.json"
    path.write_text(json.dumps(data))
    done = run(str(path))
    assert done.returncode == 2
    assert done.stdout == ""
    assert "initiatives[0].variants[1].value" in done.stderr


def test_invalid_json_and_a_missing_file_exit_2(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text("{")
    assert run(str(path)).returncode == 2
    missing = run(str(tmp_path / "nope.json"))
    assert missing.returncode == 2 and "cannot read" in missing.stderr


def test_an_unknown_frontier_budget_exits_2(tmp_path):
    path = tmp_path / "problem.json"
    path.write_text(json.dumps(EXAMPLE))
    done = run(str(path), "--frontier", "3", "--budget", "running")
    assert done.returncode == 2
    assert "running" in done.stderr
