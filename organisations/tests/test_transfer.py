"""Moving a municipality: an exported, deleted and imported organisation is identical, to
the microsecond, and an import that cannot be done changes nothing (issue 12)."""

import gzip
import json

import pytest
from django.core import serializers
from django.core.management import CommandError, call_command

from organisations.models import Department, Organisation
from organisations.transfer import collect, delete_organisation, owned_models


def _snapshot(slug: str) -> list[dict]:
    org = Organisation.objects.get(slug=slug)
    return sorted(
        serializers.serialize("python", collect(org)), key=lambda r: (r["model"], r["pk"])
    )


def _read(path) -> dict:
    with gzip.open(path, "rt") as f:
        return json.load(f)


@pytest.fixture
def demo(db):
    call_command("demo", verbosity=0)
    return Organisation.objects.get(slug="skovby")


def test_an_exported_deleted_and_imported_organisation_is_identical(demo, tmp_path):
    before = _snapshot("skovby")
    models = {row["model"] for row in before}
    # The demo exercises the models that matter, history and decisions among them.
    for label in (
        "core.change",
        "initiatives.initiative",
        "benefits.measurement",
        "governance.decision",
        "meetings.agendaitem",
        "portfolio.scenario",
    ):
        assert label in models
    assert any(
        r["fields"].get("created") and r["fields"]["created"].microsecond
        for r in before
        if r["model"] == "core.change"
    )
    path = tmp_path / "skovby.json.gz"
    call_command("export_organisation", "skovby", output=str(path), verbosity=0)
    other = _snapshot("fjellvik")

    delete_organisation(demo)
    assert not Organisation.objects.filter(slug="skovby").exists()
    call_command("import_organisation", str(path), verbosity=0)

    assert _snapshot("skovby") == before
    assert _snapshot("fjellvik") == other
    # The ids continue after the imported ones (PostgreSQL's sequences were reset).
    Department.objects.create(organisation=Organisation.objects.get(slug="skovby"), name="Ny")


def test_an_import_into_a_taken_slot_is_refused_and_changes_nothing(demo, tmp_path):
    path = tmp_path / "skovby.json.gz"
    call_command("export_organisation", "skovby", output=str(path), verbosity=0)
    before = _snapshot("skovby")
    with pytest.raises(CommandError, match="exists"):
        call_command("import_organisation", str(path), verbosity=0)
    data = _read(path)
    data["organisation"] = "andet-navn"
    for row in data["objects"]:
        if row["model"] == "organisations.organisation":
            row["fields"]["slug"] = "andet-navn"
    with gzip.open(path, "wt") as f:
        json.dump(data, f)
    with pytest.raises(CommandError, match="ids of organisations.Organisation are in use"):
        call_command("import_organisation", str(path), verbosity=0)
    assert _snapshot("skovby") == before
    assert not Organisation.objects.filter(slug="andet-navn").exists()


def test_a_file_from_other_migrations_or_no_export_is_refused(demo, tmp_path):
    path = tmp_path / "x.json.gz"
    call_command("export_organisation", "skovby", output=str(path), verbosity=0)
    data = _read(path)
    data["schema"]["initiatives"] = "9999_future"
    delete_organisation(demo)
    with gzip.open(path, "wt") as f:
        json.dump(data, f)
    with pytest.raises(CommandError, match="other migrations"):
        call_command("import_organisation", str(path), verbosity=0)
    (tmp_path / "junk").write_text("not gzip")
    with pytest.raises(CommandError, match="not an organisation export"):
        call_command("import_organisation", str(tmp_path / "junk"), verbosity=0)
    assert not Organisation.objects.filter(slug="skovby").exists()


def test_every_model_that_names_an_organisation_is_moved():
    labels = {m._meta.label for m in owned_models()}
    assert {"core.Change", "organisations.Membership", "accounts.PersonalAccessToken"} <= labels


def test_the_delete_command_asks_for_the_address_twice(demo):
    with pytest.raises(CommandError, match="confirm"):
        call_command("delete_organisation", "skovby", confirm="fjellvik", verbosity=0)
    assert Organisation.objects.filter(slug="skovby").exists()
    call_command("delete_organisation", "skovby", confirm="skovby", verbosity=0)
    assert not Organisation.objects.filter(slug="skovby").exists()
