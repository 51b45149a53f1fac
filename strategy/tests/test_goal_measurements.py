"""A measurable goal's measurements: by hand, from the xlsx template, through the API, and
computed from Styr's own data; progress from baseline to target."""

import datetime
import io

import pytest
from openpyxl import Workbook, load_workbook

from strategy.goals import progress
from strategy.models import FocusAreaGoal, GoalMeasurement
from strategy.services import measure_computed


@pytest.fixture
def goal(strategy):
    return FocusAreaGoal.objects.get()


def test_progress_is_the_share_of_the_way_from_baseline_to_target():
    assert progress(70, 90, 80) == 0.5
    assert progress(41000, 33000, 37000) == 0.5  # a goal that goes down
    assert progress(70, 90, 60) == -0.5  # the wrong way
    assert progress(70, 90, None) is None
    assert progress(None, 90, 80) is None
    assert progress(5, 5, 5) is None


def test_the_office_records_a_measurement_and_a_second_on_the_day_replaces_it(
    client, member, strategy, goal
):
    client.force_login(member)
    url = f"/skovby/strategies/{strategy.pk}/goals/{goal.pk}/"
    for value in ("78,5", "79"):
        r = client.post(url, {"measured_on": "2026-06-30", "value": value, "note": ""})
        assert r.status_code == 302
    (m,) = GoalMeasurement.objects.all()
    assert float(m.value) == 79 and m.origin == "hand" and m.recorded_by == member
    page = client.get(f"/skovby/strategies/{strategy.pk}/").content.decode()
    assert "45 %" in page  # 70 → 79 of 70 → 90


def test_a_measurement_in_the_future_or_without_a_number_is_refused(client, member, strategy, goal):
    client.force_login(member)
    url = f"/skovby/strategies/{strategy.pk}/goals/{goal.pk}/"
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    assert client.post(url, {"measured_on": tomorrow, "value": "80"}).status_code == 400
    assert client.post(url, {"measured_on": "2026-01-01", "value": "mange"}).status_code == 400
    assert not GoalMeasurement.objects.exists()


def test_a_reader_sees_the_measurements_but_cannot_add_one(client, reader, strategy, goal):
    client.force_login(reader)
    url = f"/skovby/strategies/{strategy.pk}/goals/{goal.pk}/"
    assert client.get(url).status_code == 200
    assert client.post(url, {"measured_on": "2026-01-01", "value": "80"}).status_code == 403


def _upload(header, rows):
    wb = Workbook()
    ws = wb.active
    ws.append(header)
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    out.seek(0)
    out.name = "maalinger.xlsx"
    return out


def test_the_template_lists_the_goals_and_comes_back_all_or_nothing(client, member, strategy, goal):
    client.force_login(member)
    base = f"/skovby/strategies/{strategy.pk}/measurements/"
    r = client.get(base + "template.xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(r.streaming_content))).active
    assert sheet.cell(2, 1).value == f"M-{goal.pk}"
    header = [sheet.cell(1, c).value for c in range(1, 5)]  # in the user's language
    bad = _upload(header, [[f"M-{goal.pk}", "2026-03-31", 75], ["M-999999", "2026-03-31", 1]])
    r = client.post(base + "upload/", {"file": bad})
    assert r.status_code == 422
    assert "M-999999" not in r.content.decode()  # the row is named, not echoed
    assert not GoalMeasurement.objects.exists()
    good = _upload(
        header, [[f"M-{goal.pk}", "2026-03-31", 75, "Fra årsrapporten"], [None, None, None]]
    )
    r = client.post(base + "upload/", {"file": good})
    assert r.status_code == 302
    (m,) = GoalMeasurement.objects.all()
    assert m.origin == "upload" and m.note == "Fra årsrapporten"


def test_a_file_that_is_not_a_spreadsheet_gets_a_message(client, member, strategy):
    client.force_login(member)
    junk = io.BytesIO(b"not a zip file")
    junk.name = "maalinger.xlsx"
    r = client.post(f"/skovby/strategies/{strategy.pk}/measurements/upload/", {"file": junk})
    assert r.status_code == 422
    assert not GoalMeasurement.objects.exists()


def test_measurements_through_the_api(client, org, other_org, member, reader, outsider, goal):
    from accounts.models import PersonalAccessToken

    def token(user, organisation=org):
        return PersonalAccessToken.issue(
            user=user, organisation=organisation, name="t", scope="write"
        )[1]

    url = f"/api/v1/organisations/skovby/goals/{goal.pk}/measurements"
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token(member)}"}
    r = client.post(
        url, {"measured_on": "2026-05-01", "value": 81.5}, content_type="application/json", **auth
    )
    assert r.status_code == 201, r.content
    assert r.json()["origin"] == "api"
    r = client.post(
        url, {"measured_on": "2999-01-01", "value": 1}, content_type="application/json", **auth
    )
    assert r.status_code == 422
    assert client.get(url, **auth).json()["count"] == 1
    reader_auth = {"HTTP_AUTHORIZATION": f"Bearer {token(reader)}"}
    r = client.post(
        url,
        {"measured_on": "2026-05-02", "value": 1},
        content_type="application/json",
        **reader_auth,
    )
    assert r.status_code == 403
    outsider_auth = {"HTTP_AUTHORIZATION": f"Bearer {token(outsider, other_org)}"}
    assert client.get(url.replace("skovby", "fjellvik"), **outsider_auth).status_code == 404


def test_a_goal_with_a_source_is_measured_by_styr_once_a_week(org, goal, initiative):
    FocusAreaGoal.objects.update(source="joint_public_share")
    today = datetime.date(2026, 11, 2)
    assert measure_computed(FocusAreaGoal.objects.all(), today=today) == 1
    assert measure_computed(FocusAreaGoal.objects.all(), today=today) == 0
    (m,) = GoalMeasurement.objects.all()
    assert m.origin == "computed" and float(m.value) == 0  # the one initiative is own work
    later = today + datetime.timedelta(days=8)
    assert measure_computed(FocusAreaGoal.objects.all(), today=later) == 1


def test_the_sources_a_goal_can_be_measured_by():
    from strategy import sources

    assert {"hassles_on_time", "joint_public_share", "benefits_realised"} <= set(sources.SOURCES)
