"""Move one municipality, with all its data and history, to another Styr server.

`export_organisation` collects the organisation and every row of every model that carries
it (found through the app registry, so a new app's models are included without a change
here), the people those rows name, and the migrations the data was made under.
`import_organisation` loads such a file into an empty slot: same primary keys (so the
history, scenario results and links that quote ids stay true), people matched by e-mail
(created when missing, without staff rights), everything in one transaction, and refused
— with the reason — when the schema differs, the slug is taken or any id is in use.
Timestamps keep their microseconds (the file is JSON written by `encode`, not Django's
encoder, which rounds to milliseconds).
"""

from __future__ import annotations

import datetime
import decimal
import gzip
import json
import uuid
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import ProtectedError
from django.utils import timezone

from .models import Organisation

FORMAT = "styr-organisation"
VERSION = 1
# User fields carried over; rights on the old server (staff, superuser, groups) are not.
USER_FIELDS = ["password", "email", "name", "language", "is_active", "date_joined", "last_login"]


class TransferError(Exception):
    """The file cannot be imported here; nothing was changed."""


def owned_models() -> list[type[models.Model]]:
    """Every model whose rows belong to one organisation (a foreign key to it)."""
    return [
        m for m in apps.get_models() if m is not Organisation and _organisation_field(m) is not None
    ]


def _organisation_field(model) -> models.Field | None:
    for field in model._meta.fields:
        if field.is_relation and field.related_model is Organisation:
            return field
    return None


def _local_apps() -> list[str]:
    return sorted({m._meta.app_label for m in owned_models()} | {"organisations"})


def _schema() -> dict[str, str]:
    """The latest applied migration of each app that holds organisation data."""
    latest: dict[str, str] = {}
    local = _local_apps()
    for app, name in MigrationRecorder(connection).applied_migrations():
        if app in local and name > latest.get(app, ""):
            latest[app] = name
    return latest


def collect(org: Organisation) -> list[models.Model]:
    """The organisation and all its rows, in a stable order."""
    rows: list[models.Model] = [org]
    for model in owned_models():
        field = _organisation_field(model)
        rows.extend(model._base_manager.filter(**{field.name: org}).order_by("pk"))
    return rows


def delete_organisation(org: Organisation) -> None:
    """Delete an organisation with everything it owns (after a move, or the demo's reset).
    Tenant rows protect each other (a decision protects its body, a harvest its department),
    so models are deleted in passes until none is left protected."""
    remaining = owned_models()
    with transaction.atomic():
        for _pass in range(len(remaining) + 1):
            blocked = []
            for model in remaining:
                field = _organisation_field(model)
                try:
                    model._base_manager.filter(**{field.name: org}).delete()
                except ProtectedError:
                    blocked.append(model)
            remaining = blocked
            if not remaining:
                break
        org.delete()


def _people(rows: list[models.Model]) -> list:
    user_model = get_user_model()
    ids: set[int] = set()
    for row in rows:
        for field in row._meta.fields:
            if field.is_relation and field.related_model is user_model:
                value = getattr(row, field.attname)
                if value is not None:
                    ids.add(value)
        for field in row._meta.many_to_many:
            if field.related_model is user_model:
                ids.update(getattr(row, field.name).values_list("pk", flat=True))
    return list(user_model._base_manager.filter(pk__in=ids).order_by("pk"))


def export_organisation(org: Organisation) -> dict:
    rows = collect(org)
    return {
        "format": FORMAT,
        "version": VERSION,
        "organisation": org.slug,
        "exported_at": timezone.now(),
        "schema": _schema(),
        "users": serializers.serialize("python", _people(rows), fields=USER_FIELDS),
        "objects": serializers.serialize("python", rows, use_natural_foreign_keys=True),
    }


def _default(value):
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()  # keeps microseconds and the offset
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime.timedelta):
        return value.total_seconds()
    raise TypeError(f"cannot write {type(value).__name__}")


def write(data: dict, path: Path | str) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as f:
        json.dump(data, f, default=_default, ensure_ascii=False)


def read(path: Path | str) -> dict:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError, EOFError) as error:
        raise TransferError(f"{path} is not an organisation export: {error}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise TransferError(f"{path} is not an organisation export.")
    if data.get("version") != VERSION:
        raise TransferError(f"{path} is export format {data.get('version')}, not {VERSION}.")
    return data


def import_organisation(data: dict) -> Organisation:
    """Load an export; all or nothing. Raises TransferError with the reason."""
    here = _schema()
    if data["schema"] != here:
        differing = sorted(
            app
            for app in set(here) | set(data["schema"])
            if here.get(app) != data["schema"].get(app)
        )
        raise TransferError(
            "The file was made under other migrations (" + ", ".join(differing) + "). "
            "Run both servers on the same Styr version and migrate first."
        )
    if Organisation.objects.filter(slug=data["organisation"]).exists():
        raise TransferError(f"An organisation with the address {data['organisation']} exists.")
    with transaction.atomic():
        _people_in(data["users"])
        loaded = list(
            serializers.deserialize("python", data["objects"], handle_forward_references=True)
        )
        _refuse_taken_ids(loaded)
        with connection.constraint_checks_disabled():
            for item in loaded:
                item.save()
            for item in loaded:
                if item.deferred_fields:
                    item.save_deferred_fields()
        touched = {type(item.object) for item in loaded}
        connection.check_constraints(table_names=[m._meta.db_table for m in touched])
        _reset_sequences(touched)
    return Organisation.objects.get(slug=data["organisation"])


def _people_in(users: list[dict]) -> None:
    """Create the people the file names who have no account here (matched by e-mail)."""
    user_model = get_user_model()
    existing = set(
        user_model._base_manager.filter(
            email__in=[u["fields"]["email"] for u in users]
        ).values_list("email", flat=True)
    )
    for entry in users:
        if entry["fields"]["email"] in existing:
            continue
        item = next(serializers.deserialize("python", [entry]))
        person = item.object
        person.pk = None  # a fresh id here; every reference to people is by e-mail
        person.is_staff = person.is_superuser = False
        person.save()


def _refuse_taken_ids(loaded) -> None:
    by_model: dict[type, list] = {}
    for item in loaded:
        by_model.setdefault(type(item.object), []).append(item.object.pk)
    for model, ids in by_model.items():
        taken = model._base_manager.filter(pk__in=ids).count()
        if taken:
            raise TransferError(
                f"{taken} ids of {model._meta.label} are in use on this server; the "
                "organisation can only move to a server where its ids are free."
            )


def _reset_sequences(touched) -> None:
    statements = connection.ops.sequence_reset_sql(no_style(), list(touched))
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
