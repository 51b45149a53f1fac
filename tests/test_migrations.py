"""A database made before meetings and notifications left the governance and cycle apps
(commit ebf7b5c, with `styr demo` loaded) upgrades with every row kept.

The fixture is that database, gzipped. The upgrade runs `manage.py migrate` on a copy in a
separate process (as an operator would), so it holds whichever database the suite runs on.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).parent / "data" / "demo-at-ebf7b5c.sqlite3.gz"

MOVED = {
    "governance_meeting": "meetings_meeting",
    "governance_agendaitem": "meetings_agendaitem",
    "cycle_notification": "notifications_notification",
}
KEPT = ["governance_decision", "core_change"]


def _rows(db: Path, table: str) -> list[dict]:
    """Every row with every column, by name (a migration may rebuild a SQLite table and
    change its columns' order, never their values)."""
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        rows = [dict(r) for r in conn.execute(f"SELECT * FROM {table}")]  # noqa: S608
    return sorted(rows, key=lambda r: r["id"])


def _manage(db: Path, *args: str) -> str:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{db}", "STYR_DEV": "1"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    done = subprocess.run(  # noqa: S603 (our own manage.py, fixed arguments)
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return done.stdout


def test_the_old_demo_database_upgrades_and_keeps_every_meeting_item_decision_and_notification(
    tmp_path,
):
    db = tmp_path / "old.sqlite3"
    with gzip.open(FIXTURE) as src, db.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    before = {table: _rows(db, table) for table in [*MOVED, *KEPT]}
    assert all(before[t] for t in MOVED), "the fixture holds meetings, items and notifications"

    _manage(db, "migrate", "--noinput", "-v0")

    def kept(table: str, rows: list[dict]) -> list[dict]:
        # Later migrations may add columns (the notifications' outbox); the old ones keep
        # their values.
        return [{k: r[k] for k in was} for r, was in zip(_rows(db, table), rows, strict=True)]

    for old, new in MOVED.items():
        assert kept(new, before[old]) == before[old]
    for table in KEPT:
        assert kept(table, before[table]) == before[table]
    with sqlite3.connect(db) as conn:
        labels = dict(
            conn.execute(
                "SELECT model, app_label FROM django_content_type "
                "WHERE model IN ('meeting', 'agendaitem', 'notification')"
            ).fetchall()
        )
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert labels == {
        "meeting": "meetings",
        "agendaitem": "meetings",
        "notification": "notifications",
    }
    assert not set(MOVED) & tables

    # The application reads them through its models, history included.
    script = (
        "import json; from meetings.models import Meeting, AgendaItem; "
        "from notifications.models import Notification; from governance.models import Decision; "
        "from core.models import Change; "
        "print(json.dumps({'meetings': Meeting.objects.count(), "
        "'items': AgendaItem.objects.count(), 'decisions': Decision.objects.count(), "
        "'notifications': Notification.objects.count(), "
        "'decided_items': AgendaItem.objects.filter(decision__isnull=False).count(), "
        "'history': sum(len(c.entries()) for c in Change.objects.all())}))"
    )
    seen = json.loads(_manage(db, "shell", "-v0", "-c", script).strip().splitlines()[-1])
    assert seen["meetings"] == len(before["governance_meeting"])
    assert seen["items"] == len(before["governance_agendaitem"])
    assert seen["notifications"] == len(before["cycle_notification"])
    assert seen["decisions"] == len(before["governance_decision"])
    assert seen["decided_items"] >= 1
    assert seen["history"] > 0
