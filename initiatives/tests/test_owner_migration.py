"""The owner body's migration from a fixed kind to one of the organisation's bodies."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [
    ("initiatives", "0002_initiative_alternatives"),
    ("governance", "0002_decision_checklist_decision_lessons_and_more"),
]
AFTER = [("initiatives", "0003_owner_body_is_a_body")]


@pytest.mark.django_db(transaction=True)
def test_owner_kinds_become_the_organisations_bodies():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    Organisation = apps.get_model("organisations", "Organisation")
    Body = apps.get_model("governance", "Body")
    Initiative = apps.get_model("initiatives", "Initiative")
    org = Organisation.objects.create(
        name="Skovby", slug="skovby", code="0999", discount_rate=4, horizon_years=10
    )
    board = Body.objects.create(organisation=org, name="Direktion", kind="executive_board")
    rows = {
        kind: Initiative.objects.create(
            organisation=org, number=n, title=kind, track="must_win", owner_body=kind
        ).pk
        for n, kind in enumerate(["executive_board", "department", ""], start=1)
    }
    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    apps = executor.loader.project_state(AFTER).apps
    Initiative = apps.get_model("initiatives", "Initiative")
    owners = dict(Initiative.objects.values_list("pk", "owner_body_id"))
    assert owners == {
        rows["executive_board"]: board.pk,
        rows["department"]: None,
        rows[""]: None,
    }
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
