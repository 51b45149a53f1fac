"""Setting up a round: its form, who is asked, links sent by the worker and reminders."""

import datetime
import io

import openpyxl
import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from assessments.models import Invitation, Round
from assessments.services import remind_respondents
from jobs.queue import drain


def _round_data(framework, groups, **extra):
    today = datetime.date.today()
    return {
        "title": "Modenhed 2027",
        "framework": framework.pk,
        "introduction": "Hvor står vi?",
        "scope": "organisation",
        "groups": [g.pk for g in groups.values()],
        "opens_on": today.isoformat(),
        "closes_on": (today + datetime.timedelta(days=14)).isoformat(),
        "threshold": 5,
    } | extra


def test_the_office_sets_up_a_round(client, member, framework, groups):
    client.force_login(member)
    url = reverse("assessments:round_new", args=["skovby"])
    page = client.get(url)
    assert page.status_code == 200
    response = client.post(url, _round_data(framework, groups))
    r = Round.objects.get()
    assert response.status_code == 302 and r.created_by == member and r.is_open()
    assert client.get(reverse("assessments:round", args=["skovby", r.pk])).status_code == 200


@pytest.mark.parametrize(
    "bad",
    [
        {"threshold": 2},
        {"closes_on": "2000-01-01"},
        {"scope": "departments"},
        {"scope": "initiative"},
        {"title": ""},
        {"opens_on": "31.13.2026"},
    ],
)
def test_a_bad_round_is_refused_and_nothing_saved(client, member, framework, groups, bad):
    client.force_login(member)
    response = client.post(
        reverse("assessments:round_new", args=["skovby"]), _round_data(framework, groups, **bad)
    )
    assert response.status_code == 400
    assert not Round.objects.exists()


def test_a_new_round_without_a_framework_leads_to_the_library(client, member, org):
    client.force_login(member)
    response = client.get(reverse("assessments:round_new", args=["skovby"]))
    assert response.status_code == 302 and response.url.endswith("/assessments/frameworks/")


@override_settings(SITE_URL="https://styr.skovby.dk")
def test_pasted_respondents_get_their_links_by_e_mail_from_the_worker(client, member, round):
    client.force_login(member)
    url = reverse("assessments:respondents", args=["skovby", round.pk])
    pasted = "Mette Hansen;mette@skovby.dk;Borgerservice;Medarbejder\nOle\tole@skovby.dk\tskole\tmedarbejder"
    # The group names are the organisation's own (translated defaults); use them.
    employee = round.groups.get(leader=False).name
    pasted = pasted.replace("Medarbejder", employee).replace("medarbejder", employee.lower())
    response = client.post(url, {"pasted": pasted})
    assert response.status_code == 302
    assert Invitation.objects.count() == 2
    assert not mail.outbox  # not inside the request
    drain()
    assert sorted(m.to[0] for m in mail.outbox) == ["mette@skovby.dk", "ole@skovby.dk"]
    token = Invitation.objects.get(email="ole@skovby.dk").token
    assert f"https://styr.skovby.dk/svar/{token}/" in next(
        m.body for m in mail.outbox if m.to == ["ole@skovby.dk"]
    )
    # The same people again: no one twice.
    client.post(url, {"pasted": pasted})
    drain()
    assert Invitation.objects.count() == 2 and len(mail.outbox) == 2


def test_a_list_with_a_bad_line_adds_no_one(client, member, round):
    client.force_login(member)
    url = reverse("assessments:respondents", args=["skovby", round.pk])
    employee = round.groups.get(leader=False).name
    pasted = f"A;a@skovby.dk;Borgerservice;{employee}\nB;not-an-address;Månen;Chef"
    response = client.post(url, {"pasted": pasted})
    assert response.status_code == 400
    text = response.content.decode()
    assert "Linje 2" in text or "Line 2" in text
    assert not Invitation.objects.exists()
    assert client.post(url, {"pasted": ""}).status_code == 400


def test_respondents_upload_as_a_spreadsheet(client, member, round):
    client.force_login(member)
    employee = round.groups.get(leader=False).name
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Navn", "E-mail", "Forvaltning", "Gruppe"])
    ws.append(["Mette", "mette@skovby.dk", "Sundhed", employee])
    ws.append(["Formel", "=1+1", "Sundhed", employee])
    data = io.BytesIO()
    wb.save(data)
    upload = SimpleUploadedFile("liste.xlsx", data.getvalue())
    response = client.post(
        reverse("assessments:respondents", args=["skovby", round.pk]), {"file": upload}
    )
    assert response.status_code == 400 and not Invitation.objects.exists()
    ws.delete_rows(3)
    data = io.BytesIO()
    wb.save(data)
    upload = SimpleUploadedFile("liste.xlsx", data.getvalue())
    response = client.post(
        reverse("assessments:respondents", args=["skovby", round.pk]), {"file": upload}
    )
    assert response.status_code == 302
    assert Invitation.objects.get().department.name == "Sundhed"
    garbage = SimpleUploadedFile("liste.xlsx", b"not a spreadsheet")
    assert (
        client.post(
            reverse("assessments:respondents", args=["skovby", round.pk]), {"file": garbage}
        ).status_code
        == 400
    )


def test_those_who_have_not_answered_are_reminded_once_before_the_close(round, departments, groups):
    common = {
        "organisation": round.organisation,
        "round": round,
        "department": departments[0],
        "group": groups["employee"],
    }
    waiting = Invitation.objects.create(email="a@skovby.dk", sent_at=timezone.now(), **common)
    Invitation.objects.create(email="b@skovby.dk", sent_at=timezone.now(), used=True, **common)
    assert remind_respondents.call() == 0  # ten days left: not yet
    round.closes_on = datetime.date.today() + datetime.timedelta(days=2)
    round.save()
    assert remind_respondents.call() == 1
    assert remind_respondents.call() == 0
    assert [m.to for m in mail.outbox] == [["a@skovby.dk"]]
    waiting.refresh_from_db()
    assert waiting.reminded_at is not None


def test_a_failing_mail_server_leaves_the_link_to_be_sent_again(
    round, departments, groups, settings
):
    from assessments.services import send_invitations

    settings.EMAIL_BACKEND = "assessments.tests.test_rounds.Refusing"
    Invitation.objects.create(
        organisation=round.organisation,
        round=round,
        email="a@skovby.dk",
        department=departments[0],
        group=groups["employee"],
    )
    assert send_invitations.call(round.pk) == 0
    invitation = Invitation.objects.get()
    assert invitation.sent_at is None and "refused" in invitation.last_error
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_invitations.call(round.pk) == 1


class Refusing:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("refused")


def test_the_yearly_cycle_shows_when_a_round_opens_and_closes(client, member, round):
    client.force_login(member)
    html = client.get(reverse("cycle:wheel", args=["skovby"])).content.decode()
    assert html.count(reverse("assessments:round", args=["skovby", round.pk])) >= 1
    assert "Modenhed 2026" in html


def test_the_office_adds_a_group_of_its_own(client, member, org):
    from assessments.models import RespondentGroup

    client.force_login(member)
    url = reverse("assessments:groups", args=["skovby"])
    assert client.get(url).status_code == 200
    assert client.post(url, {"name": "Tillidsrepræsentant", "leader": ""}).status_code == 302
    names = list(RespondentGroup.objects.for_org(org).values_list("name", flat=True))
    assert len(names) == 4 and names[-1] == "Tillidsrepræsentant"
    assert client.post(url, {"name": "tillidsrepræsentant"}).status_code == 400
    assert client.post(url, {"name": ""}).status_code == 400
    assert RespondentGroup.objects.for_org(org).count() == 4
