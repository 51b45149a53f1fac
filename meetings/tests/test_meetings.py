"""Meetings: agendas from waiting items, a decision per item, minutes and exports."""

import datetime
import io

import pytest
from django.core import mail
from docx import Document

from governance.gates import checklist
from governance.models import BodyMember, Decision
from initiatives.models import Initiative
from meetings.models import AgendaItem, Meeting
from meetings.services import add_to_agenda, request_gate
from meetings.waiting import waiting_items
from reporting.models import StatusReport

TODAY = datetime.date.today()


@pytest.fixture
def council(bodies):
    return bodies["project_council"]


@pytest.fixture
def meeting(org, council):
    return Meeting.objects.create(organisation=org, body=council, date=TODAY)


def _red(initiative):
    return StatusReport.objects.create(
        organisation=initiative.organisation,
        initiative=initiative,
        reported_on=TODAY - datetime.timedelta(days=3),
        time="red",
        cost="green",
        scope="yellow",
        benefits="green",
        summary="Forsinket",
    )


@pytest.fixture
def prerequisite(org, member):
    return Initiative.objects.create(
        organisation=org,
        number=2,
        title="Identitetsstyring",
        track="prerequisite",
        stage="clarify",
        initiative_lead=member,
    )


def test_waiting_items_hold_red_status_gate_requests_and_proposals(
    bodies, council, initiative, prerequisite, member, org
):
    _red(initiative)
    request_gate(initiative=prerequisite, body=council, to_stage="pilot", user=member)
    Initiative.objects.create(
        organisation=org, number=3, title="Idé: AI-journal", track="must_win", stage="idea"
    )
    kinds = {(w.kind, w.initiative.number) for w in waiting_items(council)}
    assert kinds == {("red_status", 1), ("gate", 2)}
    # The council approves must-win proposals; the project council does not.
    kinds = {(w.kind, w.initiative.number) for w in waiting_items(bodies["council"])}
    assert ("proposal", 3) in kinds


def test_a_scenario_to_commit_waits_for_the_board(bodies, org, strategy):
    from portfolio.models import RunStatus, Scenario, SolveRun

    scenario = Scenario.objects.create(
        organisation=org, strategy=strategy, name="Budget 2027", first_year=2027
    )
    SolveRun.objects.create(
        organisation=org,
        scenario=scenario,
        problem={},
        status=RunStatus.DONE,
        result={"status": "optimal", "selected": []},
    )
    # A frontier run after it does not count: the latest solve does.
    SolveRun.objects.create(
        organisation=org, scenario=scenario, kind="frontier", problem={}, result={"points": []}
    )
    waiting = waiting_items(bodies["executive_board"])
    assert [(w.kind, w.scenario) for w in waiting] == [("scenario", scenario)]
    assert not [w for w in waiting_items(bodies["project_council"]) if w.kind == "scenario"]
    # A later solve that found no plan takes it off the list again.
    SolveRun.objects.create(
        organisation=org,
        scenario=scenario,
        problem={},
        status=RunStatus.DONE,
        result={"status": "infeasible", "selected": []},
    )
    assert not [w for w in waiting_items(bodies["executive_board"]) if w.kind == "scenario"]


def test_an_item_on_an_agenda_is_not_offered_again(meeting, council, initiative):
    _red(initiative)
    keys = [w.key for w in waiting_items(council)]
    assert add_to_agenda(meeting=meeting, keys=keys) == 1
    assert waiting_items(council) == []
    assert add_to_agenda(meeting=meeting, keys=keys) == 0


def test_the_secretary_builds_the_agenda_and_records_decisions(
    client, meeting, council, initiative, prerequisite, member
):
    _red(initiative)
    request_gate(initiative=prerequisite, body=council, to_stage="pilot", user=member)
    client.force_login(member)
    page = client.get(f"/skovby/meetings/{meeting.pk}/").content.decode()
    assert "Rød status: I-001" in page and "I-002" in page
    keys = [w.key for w in waiting_items(council)]
    r = client.post(f"/skovby/meetings/{meeting.pk}/agenda/", {"items": keys})
    assert r.status_code == 302
    gate, red = meeting.items.order_by("position")  # requests come first
    assert gate.kind == "gate" and gate.to_stage == "pilot" and red.kind == "red_status"
    r = client.post(
        f"/skovby/meetings/{meeting.pk}/items/{red.pk}/decide/",
        {f"item{red.pk}-outcome": "change", f"item{red.pk}-rationale": "Ny tidsplan"},
    )
    assert r.status_code == 302
    points = [p.pk for p in checklist(prerequisite, "pilot")]
    r = client.post(
        f"/skovby/meetings/{meeting.pk}/items/{gate.pk}/decide/",
        {
            f"item{gate.pk}-outcome": "approve",
            f"item{gate.pk}-rationale": "Klar til pilot",
            f"item{gate.pk}-done": [str(p) for p in points],
        },
    )
    assert r.status_code == 302, r.content.decode()
    assert Initiative.objects.get(number=2).stage == "pilot"
    assert Decision.objects.count() == 2
    assert {d.recorded_by for d in Decision.objects.all()} == {member}
    log = client.get("/skovby/initiatives/2/").content.decode()
    assert "Klar til pilot" in log and "Projektråd" in log


def test_a_decision_outside_the_mandate_is_refused_on_the_agenda(
    client, meeting, initiative, member, org
):
    item = AgendaItem.objects.create(
        organisation=org,
        body=meeting.body,
        meeting=meeting,
        kind="gate",
        title="Gate",
        initiative=initiative,  # a must-win: its gates lie with the executive board
        to_stage="pilot",
    )
    client.force_login(member)
    r = client.post(
        f"/skovby/meetings/{meeting.pk}/items/{item.pk}/decide/",
        {f"item{item.pk}-outcome": "postpone", f"item{item.pk}-rationale": "Vent"},
    )
    assert r.status_code == 400
    assert "Mandatet ligger hos: Direktion" in r.content.decode()
    assert not Decision.objects.exists()
    item.refresh_from_db()
    assert item.decision is None


def test_stopping_on_the_agenda_needs_lessons(client, meeting, initiative, member, org, bodies):
    meeting.body = bodies["executive_board"]
    meeting.save()
    item = AgendaItem.objects.create(
        organisation=org,
        body=meeting.body,
        meeting=meeting,
        kind="lagging",
        title="Gevinster halter",
        initiative=initiative,
    )
    client.force_login(member)
    url = f"/skovby/meetings/{meeting.pk}/items/{item.pk}/decide/"
    r = client.post(url, {f"item{item.pk}-outcome": "stop", f"item{item.pk}-rationale": "x"})
    assert r.status_code == 400
    r = client.post(
        url,
        {
            f"item{item.pk}-outcome": "stop",
            f"item{item.pk}-rationale": "Leverer ikke",
            f"item{item.pk}-lessons": "Start mindre",
        },
    )
    assert r.status_code == 302
    assert Initiative.objects.get().stage == "stopped"


def test_publishing_sends_the_agenda_to_the_members(
    client, meeting, council, member, django_capture_on_commit_callbacks
):
    BodyMember.objects.create(organisation=meeting.organisation, body=council, user=member)
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(f"/skovby/meetings/{meeting.pk}/publish/")
    assert r.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == "published"
    from notifications.services import send_outbox

    send_outbox()
    assert [m.to for m in mail.outbox] == [["member@skovby.dk"]]
    assert "Dagsorden" in mail.outbox[0].subject


def test_minutes_close_the_meeting_and_a_stale_save_is_refused(client, meeting, member):
    client.force_login(member)
    r = client.post(
        f"/skovby/meetings/{meeting.pk}/minutes/", {"minutes": "Godt møde", "version": 1}
    )
    assert r.status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == "held" and meeting.minutes == "Godt møde"
    r = client.post(f"/skovby/meetings/{meeting.pk}/minutes/", {"minutes": "Ændret", "version": 1})
    meeting.refresh_from_db()
    assert meeting.minutes == "Godt møde"


def test_agenda_and_minutes_export_as_word_and_pdf(client, meeting, initiative, member):
    _red(initiative)
    add_to_agenda(meeting=meeting, keys=[w.key for w in waiting_items(meeting.body)])
    client.force_login(member)
    r = client.get(f"/skovby/meetings/{meeting.pk}/agenda.docx")
    assert r.status_code == 200
    text = "\n".join(p.text for p in Document(io.BytesIO(r.content)).paragraphs)
    assert "Dagsorden: Projektråd" in text and "Rød status: I-001 Ny borgerportal" in text
    r = client.get(f"/skovby/meetings/{meeting.pk}/minutes.pdf")
    assert r.status_code == 200 and r.content.startswith(b"%PDF")
    assert r["Content-Type"] == "application/pdf"


def test_markup_in_user_text_does_not_break_the_pdf(client, meeting, member, org):
    AgendaItem.objects.create(
        organisation=org,
        body=meeting.body,
        meeting=meeting,
        kind="other",
        title='#set page("x") *[unclosed $ \\ ] "',
    )
    client.force_login(member)
    r = client.get(f"/skovby/meetings/{meeting.pk}/agenda.pdf")
    assert r.status_code == 200 and r.content.startswith(b"%PDF")


def test_a_reader_sees_the_meeting_but_cannot_decide(client, meeting, reader, initiative):
    _red(initiative)
    client.force_login(reader)
    page = client.get(f"/skovby/meetings/{meeting.pk}/").content.decode()
    assert "Venter på organet" not in page
    assert client.post(f"/skovby/meetings/{meeting.pk}/publish/").status_code == 403


def test_the_decision_form_is_its_own_page_and_an_htmx_fragment(client, meeting, member, org):
    item = AgendaItem.objects.create(
        organisation=org, body=meeting.body, meeting=meeting, kind="other", title="Eventuelt"
    )
    client.force_login(member)
    url = f"/skovby/meetings/{meeting.pk}/items/{item.pk}/decide/"
    page = client.get(url).content.decode()
    assert "<html" in page and f'name="item{item.pk}-outcome"' in page
    fragment = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in fragment and f'action="{url}"' in fragment


def test_an_item_is_decided_once_even_from_a_stale_page(meeting, member, org):
    from governance.services import GateError
    from meetings.services import decide_item

    item = AgendaItem.objects.create(
        organisation=org, body=meeting.body, meeting=meeting, kind="other", title="Eventuelt"
    )
    stale = AgendaItem.objects.get(pk=item.pk)  # a second secretary's copy, opened before
    decide_item(
        item=item,
        decision=Decision(outcome="approve", rationale="Ja", decided_on=TODAY),
        done=set(),
        user=member,
    )
    with pytest.raises(GateError):
        decide_item(
            item=stale,
            decision=Decision(outcome="reject", rationale="Nej", decided_on=TODAY),
            done=set(),
            user=member,
        )
    assert Decision.objects.get().outcome == "approve"


def test_the_meeting_is_edited_with_a_version_check(client, meeting, member, council):
    client.force_login(member)
    url = f"/skovby/meetings/{meeting.pk}/edit/"
    data = {"body": council.pk, "date": "2027-02-01", "location": "Byrådssalen", "version": 1}
    assert client.post(url, data).status_code == 302
    assert client.post(url, data | {"location": "Kantinen"}).status_code == 409
    meeting.refresh_from_db()
    assert meeting.location == "Byrådssalen" and str(meeting.date) == "2027-02-01"


def test_the_agenda_is_reordered(client, meeting, member, org):
    first, second, third = (
        AgendaItem.objects.create(
            organisation=org,
            body=meeting.body,
            meeting=meeting,
            kind="other",
            title=title,
            position=n,
        )
        for n, title in enumerate(("A", "B", "C"), start=1)
    )
    client.force_login(member)
    url = f"/skovby/meetings/{meeting.pk}/items/{third.pk}/move/"
    client.post(url, {"direction": "up"})
    client.post(url, {"direction": "up"})
    client.post(url, {"direction": "up"})  # already first: nothing happens
    assert [i.title for i in meeting.items.order_by("position")] == ["C", "A", "B"]


def test_a_cancelled_meeting_gives_its_requests_back_and_is_not_made_again(
    client, meeting, council, prerequisite, initiative, member
):
    _red(initiative)
    request_gate(initiative=prerequisite, body=council, to_stage="pilot", user=member)
    add_to_agenda(meeting=meeting, keys=[w.key for w in waiting_items(council)])
    client.force_login(member)
    client.post(f"/skovby/meetings/{meeting.pk}/cancel/")
    meeting.refresh_from_db()
    assert meeting.status == "cancelled" and not meeting.items.exists()
    assert {w.kind for w in waiting_items(council)} == {"gate", "red_status"}
    assert client.post(f"/skovby/meetings/{meeting.pk}/publish/").status_code == 302
    meeting.refresh_from_db()
    assert meeting.status == "cancelled"


def test_a_meeting_with_decisions_cannot_be_cancelled(client, meeting, member, org):
    from meetings.services import cancel, decide_item

    item = AgendaItem.objects.create(
        organisation=org, body=meeting.body, meeting=meeting, kind="other", title="Eventuelt"
    )
    decide_item(
        item=item,
        decision=Decision(outcome="approve", rationale="Ja", decided_on=TODAY),
        done=set(),
        user=member,
    )
    assert cancel(meeting=meeting, user=member) is False
    meeting.refresh_from_db()
    assert meeting.status == "draft"


def test_a_decision_recorded_ahead_of_the_meeting_is_dated_today(
    client, org, council, member, initiative
):
    future = Meeting.objects.create(
        organisation=org, body=council, date=TODAY + datetime.timedelta(days=30)
    )
    item = AgendaItem.objects.create(
        organisation=org,
        body=council,
        meeting=future,
        kind="red_status",
        title="Rød status",
        initiative=initiative,
    )
    client.force_login(member)
    r = client.post(
        f"/skovby/meetings/{future.pk}/items/{item.pk}/decide/",
        {f"item{item.pk}-outcome": "change", f"item{item.pk}-rationale": "Ny plan"},
    )
    assert r.status_code == 302, r.content.decode()[:2000]
    assert Decision.objects.get().decided_on == TODAY


def test_the_agenda_shows_an_initiatives_cash_flow_in_word_and_pdf(
    client, org, meeting, member, business_case
):
    import io

    from docx import Document

    AgendaItem.objects.create(
        organisation=org,
        body=meeting.body,
        meeting=meeting,
        kind="red_status",
        title="Rød status",
        initiative=business_case.initiative,
    )
    client.force_login(member)
    word = client.get(f"/skovby/meetings/{meeting.pk}/agenda.docx")
    assert word.status_code == 200
    assert len(Document(io.BytesIO(word.content)).inline_shapes) == 1  # the chart, as PNG
    pdf = client.get(f"/skovby/meetings/{meeting.pk}/agenda.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    without = Meeting.objects.create(organisation=org, body=meeting.body, date=TODAY)
    plain = client.get(f"/skovby/meetings/{without.pk}/agenda.pdf")
    assert len(pdf.content) > len(plain.content) + 2000  # the chart is drawn in the PDF
