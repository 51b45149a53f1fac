"""Status reports, due dates, the risk register and the portfolio status page."""

import datetime

import pytest

from governance.models import Body
from initiatives.models import Initiative
from meetings.models import Meeting
from reporting.models import Risk, StatusDue, StatusReport
from reporting.services import submit_report

TODAY = datetime.date.today()


def _report(initiative, days_ago, **lights):
    values = {"time": "green", "cost": "green", "scope": "green", "benefits": "green"} | lights
    return StatusReport.objects.create(
        organisation=initiative.organisation,
        initiative=initiative,
        reported_on=TODAY - datetime.timedelta(days=days_ago),
        summary="Status",
        **values,
    )


def _form(**extra):
    return {
        "reported_on": TODAY.isoformat(),
        "time": "green",
        "cost": "yellow",
        "scope": "green",
        "benefits": "red",
        "summary": "Leverandøren er forsinket",
        "next_steps": "Ny plan",
    } | extra


def test_the_lead_reports_status_and_the_due_is_fulfilled(client, initiative, member, org):
    due = StatusDue.objects.create(
        organisation=org, initiative=initiative, due_on=TODAY + datetime.timedelta(days=5)
    )
    client.force_login(member)
    next_due = (TODAY + datetime.timedelta(days=90)).isoformat()
    r = client.post("/skovby/initiatives/1/status/new/", _form(next_due=next_due))
    assert r.status_code == 302
    report = StatusReport.objects.get()
    assert (report.cost, report.benefits, report.author) == ("yellow", "red", member)
    due.refresh_from_db()
    assert due.report == report
    assert StatusDue.objects.open().get().due_on.isoformat() == next_due
    page = client.get("/skovby/initiatives/1/status/").content.decode()
    assert "Leverandøren er forsinket" in page and "Rød" in page


def test_bad_report_input_changes_nothing(client, initiative, member):
    client.force_login(member)
    r = client.post(
        "/skovby/initiatives/1/status/new/",
        _form(time="purple", next_due=(TODAY - datetime.timedelta(days=1)).isoformat()),
    )
    assert r.status_code == 400
    assert not StatusReport.objects.exists() and not StatusDue.objects.exists()


def test_only_the_lead_or_the_office_reports(client, initiative, reader, org):
    from conftest import _member

    other_lead = _member(org, "lead@skovby.dk", "initiative_lead")
    for user in (reader, other_lead):
        client.force_login(user)
        assert client.post("/skovby/initiatives/1/status/new/", _form()).status_code == 403
    assert not StatusReport.objects.exists()


def test_the_risk_register_orders_by_size_and_refuses_a_stale_edit(client, initiative, member):
    client.force_login(member)
    data = {
        "kind": "risk",
        "title": "Leverandøren går konkurs",
        "probability": 2,
        "consequence": 5,
        "owner": member.pk,
        "response": "Exit-plan",
        "status": "open",
    }
    assert client.post("/skovby/initiatives/1/risks/new/", data).status_code == 302
    risk = Risk.objects.get()
    assert risk.score == 10
    url = f"/skovby/initiatives/1/risks/{risk.pk}/"
    assert client.post(url, data | {"probability": 3, "version": 1}).status_code == 302
    r = client.post(url, data | {"probability": 1, "version": 1})
    assert r.status_code == 409
    risk.refresh_from_db()
    assert risk.probability == 3
    r = client.post("/skovby/initiatives/1/risks/new/", data | {"probability": 9})
    assert r.status_code == 400 and Risk.objects.count() == 1


def test_the_portfolio_status_shows_changes_since_the_last_meeting_and_overdue(
    client, initiative, member, org
):
    from governance.services import create_defaults

    create_defaults(org)
    council = Body.objects.get(kind="project_council")
    _report(initiative, 60)
    Meeting.objects.create(
        organisation=org, body=council, date=TODAY - datetime.timedelta(days=30), status="held"
    )
    _report(initiative, 5, time="red")
    quiet = Initiative.objects.create(
        organisation=org, number=2, title="Stille projekt", track="prerequisite", stage="pilot"
    )
    _report(quiet, 50)
    StatusDue.objects.create(
        organisation=org, initiative=quiet, due_on=TODAY - datetime.timedelta(days=3)
    )
    Initiative.objects.create(
        organisation=org, number=3, title="Idé", track="must_win", stage="idea"
    )
    client.force_login(member)
    r = client.get("/skovby/status/")
    rows = {row.initiative.number: row for row in r.context["rows"]}
    assert set(rows) == {1, 2}  # only active initiatives
    assert rows[1].new_since_meeting and [c[1:] for c in rows[1].changes] == [("green", "red")]
    assert not rows[2].new_since_meeting and rows[2].overdue == 1
    assert r.context["last_meeting"].body == council
    page = r.content.decode()  # the table as written: the change and the overdue report
    assert '<span class="d-block">Tid: <span class="styr-light styr-light-green"' in page
    assert '→ <span class="styr-light styr-light-red" title="Rød: ude af kurs">' in page
    assert "<td><strong>1</strong></td>" in page and "Stille projekt" in page
    r = client.get("/skovby/status/?only=overdue")
    assert [row.initiative.number for row in r.context["rows"]] == [2]
    r = client.get("/skovby/status/?track=must_win")
    assert [row.initiative.number for row in r.context["rows"]] == [1]
    office = Body.objects.get(kind="digitalisation_office")
    r = client.get(f"/skovby/status/?body={office.pk}")  # governs prerequisites only
    assert [row.initiative.number for row in r.context["rows"]] == [2]


def test_the_status_page_makes_a_constant_number_of_queries(
    client, member, org, django_assert_max_num_queries
):
    for n in range(1, 31):
        i = Initiative.objects.create(
            organisation=org, number=n, title=f"I{n}", track="must_win", stage="pilot"
        )
        _report(i, 10)
        _report(i, 100, cost="red")
    client.force_login(member)
    with django_assert_max_num_queries(12):
        r = client.get("/skovby/status/")
    assert len(r.context["rows"]) == 30


def test_status_reports_over_the_api(client, initiative, member, org):
    from accounts.models import PersonalAccessToken

    _token, raw = PersonalAccessToken.issue(user=member, organisation=org, name="t", scope="write")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    base = "/api/v1/organisations/skovby"
    payload = _form() | {"next_due": None}
    r = client.post(
        f"{base}/initiatives/1/status-reports",
        payload,
        content_type="application/json",
        **headers,
    )
    assert r.status_code == 201, r.content
    r = client.post(
        f"{base}/initiatives/1/status-reports",
        payload | {"time": "blue"},
        content_type="application/json",
        **headers,
    )
    assert r.status_code == 422 and StatusReport.objects.count() == 1
    rows = client.get(f"{base}/status", **headers).json()["items"]
    assert rows[0]["latest"]["benefits"] == "red"


@pytest.mark.parametrize("report", [True, False])
def test_red_status_is_found_from_the_latest_report_only(initiative, report, member):
    from reporting.status import red_initiatives

    _report(initiative, 40, scope="red")
    if report:
        submit_report(
            report=StatusReport(
                organisation=initiative.organisation,
                initiative=initiative,
                reported_on=TODAY,
                time="green",
                cost="green",
                scope="yellow",
                benefits="green",
                summary="Bedre",
            ),
            user=member,
        )
    assert red_initiatives(initiative.organisation) == ([] if report else [initiative])


def test_the_traffic_lights_start_unchosen(client, initiative, member):
    client.force_login(member)
    text = client.get(f"/skovby/initiatives/{initiative.number}/status/new/").content.decode()
    assert "---------" not in text
    radios = [part.split(">")[0] for part in text.split('type="radio" name="time"')[1:]]
    assert len(radios) == 3 and not any("checked" in r for r in radios)


def test_the_api_status_makes_as_many_queries_for_ten_initiatives_as_for_one(
    client, initiative, member, org
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from accounts.models import PersonalAccessToken

    _token, raw = PersonalAccessToken.issue(user=member, organisation=org, name="t", scope="read")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            r = client.get("/api/v1/organisations/skovby/status", **headers)
        assert r.status_code == 200
        return len(queries)

    _report(initiative, 3).__class__.objects.update(author=member)
    count()  # the token's first use is recorded once
    one = count()
    for number in range(2, 11):
        other = Initiative.objects.create(
            organisation=org, number=number, title=f"I{number}", track="must_win", stage="clarify"
        )
        StatusReport.objects.filter(pk=_report(other, 2).pk).update(author=member)
    assert count() == one


def test_the_api_status_pages_through_the_active_initiatives(client, initiative, member, org):
    from accounts.models import PersonalAccessToken

    _token, raw = PersonalAccessToken.issue(user=member, organisation=org, name="t", scope="read")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    for number in range(2, 6):
        Initiative.objects.create(
            organisation=org, number=number, title=f"I{number}", track="must_win", stage="clarify"
        )
    url = "/api/v1/organisations/skovby/status"
    first = client.get(f"{url}?limit=2", **headers).json()
    rest = client.get(f"{url}?limit=2&offset=2", **headers).json()
    assert first["count"] == rest["count"] == 5
    numbers = [r["initiative"] for r in first["items"] + rest["items"]]
    assert numbers == [1, 2, 3, 4]
