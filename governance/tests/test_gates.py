"""Stage gates: required artefacts, checklists, mandates, the stop decision."""

import datetime

import pytest

from finance.models import CaseStatus
from governance.gates import checklist, missing_artefacts
from governance.models import Decision, GateCheck
from governance.services import GateError, MandateError, pass_gate, stop_initiative
from initiatives.models import Initiative


def _gate(initiative, body, outcome="approve", to_stage="pilot", conditions=""):
    return Decision(
        organisation=initiative.organisation,
        initiative=initiative,
        body=body,
        outcome=outcome,
        to_stage=to_stage,
        title="Gate",
        rationale="Klar",
        conditions=conditions,
        decided_on=datetime.date(2026, 11, 20),
    )


def _all_points(initiative, to_stage):
    return {p.pk for p in checklist(initiative, to_stage)}


def test_the_checklists_follow_seed_001_per_stage_and_track(bodies, initiative):
    texts = [p.text for p in checklist(initiative, "pilot")]
    assert any("parate" in t for t in texts)  # readiness, from seed 001's "before"
    assert any("resultatmålene" in t for t in texts)  # the must-win point
    initiative.track = "prerequisite"
    assert not any("resultatmålene" in p.text for p in checklist(initiative, "pilot"))
    assert any("Gevinster" in p.text for p in checklist(initiative, "operation"))


def test_a_gate_without_an_approved_business_case_cannot_be_passed(
    bodies, initiative, member, business_case
):
    initiative.stage = "pilot"
    initiative.save()
    assert missing_artefacts(initiative, "implementation")
    decision = _gate(initiative, bodies["executive_board"], to_stage="implementation")
    with pytest.raises(GateError) as exc:
        pass_gate(decision=decision, done=_all_points(initiative, "implementation"), user=member)
    assert "godkendt business case" in str(exc.value)
    assert not Decision.objects.exists()
    assert Initiative.objects.get().stage == "pilot"
    business_case.status = CaseStatus.APPROVED
    business_case.save()
    pass_gate(
        decision=_gate(initiative, bodies["executive_board"], to_stage="implementation"),
        done=_all_points(initiative, "implementation"),
        user=member,
    )
    assert Initiative.objects.get().stage == "implementation"


def test_a_mandatory_solution_needs_an_ambition_before_its_pilot(bodies, initiative):
    initiative.track, initiative.ambition = "mandatory", ""
    assert any("ambitionsniveau" in str(m) for m in missing_artefacts(initiative, "pilot"))
    assert not missing_artefacts(initiative, "clarify")
    initiative.ambition = "low"
    assert not missing_artefacts(initiative, "pilot")


def test_a_prerequisite_needs_no_business_case(bodies, initiative):
    initiative.track = "prerequisite"
    assert not missing_artefacts(initiative, "implementation")


def test_approving_needs_every_point_ticked(bodies, initiative, member):
    board = bodies["executive_board"]
    with pytest.raises(GateError) as exc:
        pass_gate(decision=_gate(initiative, board), done=set(), user=member)
    assert "Hvert punkt" in str(exc.value)
    with pytest.raises(GateError):
        pass_gate(decision=_gate(initiative, board, outcome="change"), done=set(), user=member)
    decision = pass_gate(
        decision=_gate(initiative, board, outcome="change", conditions="Forankring mangler"),
        done=set(),
        user=member,
    )
    assert Initiative.objects.get().stage == "pilot"
    assert decision.kind == "pass_gate" and decision.recorded_by == member
    assert {c["done"] for c in decision.checklist} == {False}


def test_a_postponed_gate_leaves_the_stage(bodies, initiative, member):
    pass_gate(
        decision=_gate(initiative, bodies["executive_board"], outcome="postpone"),
        done=set(),
        user=member,
    )
    assert Initiative.objects.get().stage == "clarify"
    assert Decision.objects.get().outcome == "postpone"


def test_a_gate_is_refused_outside_the_mandate(bodies, initiative, member):
    with pytest.raises(MandateError):
        pass_gate(
            decision=_gate(initiative, bodies["project_council"]),
            done=_all_points(initiative, "pilot"),
            user=member,
        )
    assert Initiative.objects.get().stage == "clarify"


def test_the_gate_page_records_the_decision_and_moves_the_stage(client, bodies, initiative, member):
    client.force_login(member)
    r = client.get("/skovby/initiatives/1/gate/")
    assert r.status_code == 200
    assert "Direktion" in r.content.decode()
    data = {
        "to": "pilot",
        "body": bodies["executive_board"].pk,
        "outcome": "approve",
        "decided_on": "2026-11-20",
        "rationale": "Piloten er klar",
        "done": [str(pk) for pk in _all_points(initiative, "pilot")],
    }
    r = client.post("/skovby/initiatives/1/gate/", data)
    assert r.status_code == 302
    assert Initiative.objects.get().stage == "pilot"
    html = client.get("/skovby/initiatives/1/").content.decode()
    assert "Piloten er klar" in html and "member" in html  # in the log, with who


def test_the_gate_page_names_the_body_with_the_mandate(client, bodies, initiative, member):
    client.force_login(member)
    r = client.post(
        "/skovby/initiatives/1/gate/",
        {
            "to": "pilot",
            "body": bodies["digitalisation_office"].pk,
            "outcome": "approve",
            "decided_on": "2026-11-20",
            "rationale": "x",
        },
    )
    assert r.status_code == 400
    assert "Mandatet ligger hos: Direktion" in r.content.decode()
    assert not Decision.objects.exists()


def test_a_reader_sees_the_gate_but_cannot_decide(client, bodies, initiative, reader):
    client.force_login(reader)
    r = client.get("/skovby/initiatives/1/gate/")
    assert r.status_code == 200 and "Tjekliste" in r.content.decode()
    assert client.post("/skovby/initiatives/1/gate/", {"to": "pilot"}).status_code == 404


def test_the_register_form_cannot_skip_the_gate(client, initiative, member):
    client.force_login(member)
    r = client.post(
        "/skovby/initiatives/1/edit/",
        {
            "title": "Ny borgerportal",
            "track": "must_win",
            "source": "own",
            "result_goals": "Færre opkald",
            "stage": "implementation",
            "version": 1,
        },
    )
    assert r.status_code == 200
    assert "stage" in r.context["form"].errors
    assert Initiative.objects.get().stage == "clarify"


def test_stopping_needs_lessons_learned_and_is_logged(client, bodies, initiative, member):
    client.force_login(member)
    data = {
        "body": bodies["council"].pk,
        "decided_on": "2026-11-20",
        "rationale": "Gevinsterne udebliver",
    }
    r = client.post("/skovby/initiatives/1/stop/", data)
    assert r.status_code == 400
    assert Initiative.objects.get().stage == "clarify"
    data["lessons"] = "Test med borgerne tidligere"
    r = client.post("/skovby/initiatives/1/stop/", data)
    assert r.status_code == 302
    assert Initiative.objects.get().stage == "stopped"
    decision = Decision.objects.get()
    assert decision.kind == "stop_initiative" and decision.lessons
    with pytest.raises(GateError):
        stop_initiative(decision=Decision(initiative=Initiative.objects.get()), user=member)


def test_a_must_win_with_lagging_benefits_offers_the_stop(
    client, bodies, initiative, member, benefit
):
    from benefits.models import Measurement

    Measurement.objects.create(
        organisation=benefit.organisation,
        benefit=benefit,
        measured_on=datetime.date(2026, 6, 15),
        value=990,
    )
    client.force_login(member)
    html = client.get("/skovby/initiatives/1/").content.decode()
    assert 'id="lagging"' in html and "/skovby/initiatives/1/stop/" in html


def test_the_office_edits_the_checklists(client, bodies, member, reader):
    client.force_login(member)
    n = GateCheck.objects.count()
    r = client.post(
        "/skovby/governance/checklists/new/",
        {"to_stage": "pilot", "track": "", "text": "Jura har set på det"},
    )
    assert r.status_code == 302 and GateCheck.objects.count() == n + 1
    point = GateCheck.objects.get(text="Jura har set på det")
    client.post(f"/skovby/governance/checklists/{point.pk}/remove/")
    assert GateCheck.objects.count() == n
    client.force_login(reader)
    assert client.post("/skovby/governance/checklists/defaults/").status_code == 403


def test_the_lead_hears_of_the_gate_decision(
    bodies, initiative, member, django_capture_on_commit_callbacks
):
    from django.core import mail

    from notifications.services import send_outbox

    with django_capture_on_commit_callbacks(execute=True):
        pass_gate(
            decision=_gate(initiative, bodies["executive_board"], outcome="postpone"),
            done=set(),
            user=member,
        )
    assert mail.outbox == []  # written with the decision, sent by the worker
    assert send_outbox().sent == 1
    assert [m.to for m in mail.outbox] == [["member@skovby.dk"]]
    assert "Direktion besluttede: Udsat" in mail.outbox[0].body


def test_the_ambition_of_a_mandatory_solution_is_a_bodys_decision(
    client, bodies, initiative, member
):
    initiative.track, initiative.ambition = "mandatory", "low"
    initiative.deadline = datetime.date(2027, 6, 1)
    initiative.save()
    client.force_login(member)
    r = client.post(
        "/skovby/initiatives/1/edit/",
        {
            "title": "Ny borgerportal",
            "track": "mandatory",
            "source": "kombit",
            "ambition": "high",
            "deadline": "2027-06-01",
            "stage": "clarify",
            "version": initiative.version,
        },
    )
    assert r.status_code == 200 and "ambition" in r.context["form"].errors
    url = "/skovby/initiatives/1/ambition/"
    data = {"ambition": "high", "decided_on": "2026-11-20", "rationale": "Vi vil være først"}
    r = client.post(url, data | {"body": bodies["council"].pk})
    assert r.status_code == 400 and "Mandatet ligger hos: Direktion" in r.content.decode()
    r = client.post(url, data | {"body": bodies["executive_board"].pk})
    assert r.status_code == 302
    i = Initiative.objects.get()
    assert (i.ambition, i.engagement_pilot, i.engagement_implement) == ("high", "join", "first")
    assert Decision.objects.get().kind == "set_ambition"
    initiative.track = "must_win"
    initiative.save()
    assert client.get(url).status_code == 302  # a must-win has no ambition level


def test_a_checklist_point_is_edited(client, bodies, member):
    point = GateCheck.objects.filter(to_stage="pilot").first()
    client.force_login(member)
    r = client.post(
        f"/skovby/governance/checklists/{point.pk}/",
        {"to_stage": "pilot", "track": "", "text": "Potentialet er beskrevet i en business case"},
    )
    assert r.status_code == 302
    point.refresh_from_db()
    assert point.text == "Potentialet er beskrevet i en business case"
