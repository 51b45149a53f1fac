"""Bodies, mandates and the decision log."""

import datetime

import pytest

from governance.models import BodyMember, Decision, Mandate
from governance.services import MandateError, check_mandate, create_defaults, record_decision


def test_the_defaults_follow_seed_002(bodies, org):
    assert len(bodies) == 7
    council, board, office = (
        bodies["council"],
        bodies["executive_board"],
        bodies["digitalisation_office"],
    )
    check_mandate(council, "approve_initiative", "must_win", 50_000_000)
    check_mandate(board, "set_ambition", "mandatory")
    check_mandate(board, "commit_scenario")
    check_mandate(office, "approve_initiative", "prerequisite", 900_000)
    with pytest.raises(MandateError) as exc:
        check_mandate(office, "approve_initiative", "prerequisite", 1_500_000)
    assert exc.value.holders == []
    with pytest.raises(MandateError) as exc:
        check_mandate(board, "approve_initiative", "must_win", 3_000_000)
    assert exc.value.holders == [council]
    assert create_defaults(org) == []  # only once


def test_a_decision_outside_the_mandate_is_refused_and_names_the_holder(
    client, member, bodies, initiative
):
    client.force_login(member)
    data = {
        "body": bodies["executive_board"].pk,
        "kind": "approve_initiative",
        "initiative": initiative.pk,
        "title": "Godkend borgerportalen",
        "outcome": "approve",
        "amount": "5000000",
        "decided_on": "2026-11-20",
        "rationale": "Stærk business case",
    }
    r = client.post("/skovby/decisions/new/", data)
    assert r.status_code == 400
    page = r.content.decode()
    assert "Direktion har ikke mandat" in page
    assert "Kommunalbestyrelse" in page
    assert not Decision.objects.exists()
    data["body"] = bodies["council"].pk
    r = client.post("/skovby/decisions/new/", data)
    assert r.status_code == 302
    decision = Decision.objects.get()
    # Logged with who and when, in the initiative's log and history.
    assert decision.recorded_by == member and decision.recorded_at is not None
    page = client.get("/skovby/initiatives/1/").content.decode()
    assert "Godkend borgerportalen" in page and str(member) in page


def test_the_service_refuses_too(bodies, initiative, member):
    decision = Decision(
        organisation=initiative.organisation,
        body=bodies["steering_group"],
        kind="stop_initiative",
        outcome="stop",
        initiative=initiative,
        title="Stop",
        rationale="x",
        decided_on=datetime.date(2026, 11, 1),
    )
    with pytest.raises(MandateError):
        record_decision(decision=decision, user=member)
    assert not Decision.objects.exists()


def test_a_reader_cannot_record_or_set_up_bodies(client, reader, bodies):
    client.force_login(reader)
    assert client.get("/skovby/decisions/new/").status_code == 403
    assert client.post("/skovby/governance/defaults/").status_code == 403
    assert client.get("/skovby/governance/").status_code == 200


def test_the_office_edits_members_and_mandates(client, member, admin_member, bodies):
    board = bodies["executive_board"]
    client.force_login(member)
    r = client.post(
        f"/skovby/governance/bodies/{board.pk}/members/new/",
        {"user": admin_member.pk, "role": "chair"},
    )
    assert r.status_code == 302
    seat = BodyMember.objects.get(body=board)
    assert seat.role == "chair"
    r = client.post(
        f"/skovby/governance/bodies/{board.pk}/members/new/",
        {"user": admin_member.pk, "role": "member"},
    )
    assert r.status_code == 400  # already sits there
    r = client.post(
        f"/skovby/governance/bodies/{board.pk}/mandates/new/",
        {"kind": "approve_strategy", "track": "", "max_amount": ""},
    )
    assert r.status_code == 302
    check_mandate(board, "approve_strategy")
    mandate = Mandate.objects.get(body=board, kind="approve_strategy")
    client.post(f"/skovby/governance/bodies/{board.pk}/mandates/{mandate.pk}/remove/")
    with pytest.raises(MandateError):
        check_mandate(board, "approve_strategy")
    client.post(f"/skovby/governance/bodies/{board.pk}/members/{seat.pk}/remove/")
    assert not BodyMember.objects.exists()


def test_the_log_filters_and_exports(client, member, bodies, initiative):
    import io

    from openpyxl import load_workbook

    for body, title in ((bodies["council"], "Godkend"), (bodies["executive_board"], "Ambition")):
        kind = "approve_initiative" if body.kind == "council" else "pass_gate"
        Decision.objects.create(
            organisation=initiative.organisation,
            body=body,
            kind=kind,
            outcome="approve",
            initiative=initiative,
            title=title,
            rationale="r",
            decided_on=datetime.date(2026, 11, 1),
        )
    client.force_login(member)
    page = client.get(f"/skovby/decisions/?body={bodies['council'].pk}").content.decode()
    assert "Godkend" in page and "Ambition" not in page
    r = client.get("/skovby/decisions/export.xlsx?kind=pass_gate")
    rows = list(load_workbook(io.BytesIO(r.getvalue())).active.iter_rows(values_only=True))
    assert len(rows) == 2 and rows[1][4] == "Ambition"


def test_a_body_with_decisions_stays_and_an_unused_one_goes(client, member, bodies, initiative):
    from governance.models import Body

    council = bodies["council"]
    Decision.objects.create(
        organisation=council.organisation,
        body=council,
        kind="approve_strategy",
        outcome="approve",
        title="Strategien",
        rationale="x",
        decided_on=datetime.date(2026, 11, 20),
    )
    client.force_login(member)
    client.post(f"/skovby/governance/bodies/{council.pk}/remove/")
    assert Body.objects.filter(pk=council.pk).exists()
    architecture = bodies["architecture_council"]
    client.post(f"/skovby/governance/bodies/{architecture.pk}/remove/")
    assert not Body.objects.filter(pk=architecture.pk).exists()
