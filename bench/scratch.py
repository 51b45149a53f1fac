"""Django for a benchmark script, on a scratch database of its own: a SQLite file under
var/ by default, or the database in DATABASE_URL (created when missing, on PostgreSQL).

A script puts the repository on sys.path, calls start_django() before importing anything
of Styr's, then ensure_database() before it migrates."""

from __future__ import annotations

import os
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent


def start_django(sqlite_file: str, **environment: str) -> None:
    os.environ.setdefault("STYR_DEV", "1")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / sqlite_file}")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "styr.settings")
    for name, value in environment.items():
        os.environ.setdefault(name, value)
    django.setup()


def ensure_database() -> None:
    """Create the PostgreSQL database named in DATABASE_URL when it does not exist."""
    from django.db import connection  # after start_django: settings are read on import

    if connection.vendor != "postgresql":
        return
    import psycopg

    settings = connection.settings_dict
    try:
        connection.ensure_connection()
    except Exception:  # noqa: BLE001 - only "database does not exist" is expected here
        with psycopg.connect(
            host=settings["HOST"],
            port=settings["PORT"],
            user=settings["USER"],
            dbname="postgres",
            autocommit=True,
        ) as admin:
            admin.execute(f'CREATE DATABASE "{settings["NAME"]}"')
