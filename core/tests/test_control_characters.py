"""One invisible character cannot break an organisation: control characters are refused
where text comes in (forms, API bodies) and stripped where documents go out (issue 12)."""

import io

from docx import Document
from openpyxl import load_workbook

from accounts.models import PersonalAccessToken
from benefits.models import Benefit
from core.text import strip_control_characters
from initiatives.models import Initiative
from meetings.models import AgendaItem, Meeting

BELL = "\u0007"


def test_the_characters_stripped_are_the_invisible_ones_only():
    text = "Færre\u0007 opkald\x1b\x00\ud800\ufffe – ok\tog\nlinjer\r"
    assert strip_control_characters(text) == "Færre opkald – ok\tog\nlinjer\r"


def test_a_web_form_refuses_a_control_character_and_saves_nothing(client, member, initiative):
    client.force_login(member)
    r = client.get("/skovby/initiatives/1/edit/")
    form = r.context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list)}
    data.update(title=f"Ny{BELL} titel", version=initiative.version)
    r = client.post("/skovby/initiatives/1/edit/", data)
    assert r.status_code in (200, 400, 422)
    assert "usynligt kontroltegn" in r.content.decode()
    assert Initiative.objects.get().title == initiative.title


def test_the_api_refuses_a_control_character_anywhere_in_the_body(client, member, org, initiative):
    _t, raw = PersonalAccessToken.issue(user=member, organisation=org, name="t", scope="write")
    r = client.post(
        "/api/v1/organisations/skovby/initiatives/1/benefits",
        data={"title": f"Færre{BELL} opkald", "category": "economic", "indicator": "x"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert r.status_code == 422
    assert r.json()["detail"][0]["loc"] == ["body", "title"]
    assert not Benefit.objects.exists()


def test_exports_strip_control_characters_already_stored(client, member, benefit, business_case):
    # Stored before the refusal existed (or written around it): exports still work.
    Benefit.objects.filter(pk=benefit.pk).update(title=f"Færre{BELL} opkald")
    business_case.lines.filter(side="cost").update(description=f"Licens{BELL}")
    client.force_login(member)
    for url in (
        "/skovby/benefits/export.xlsx",
        "/skovby/benefits/measurements/template.xlsx",
        f"/skovby/business-cases/{business_case.pk}/export.xlsx",
        f"/skovby/business-cases/{business_case.pk}/template.xlsx",
    ):
        r = client.get(url)
        assert r.status_code == 200, url
        cells = [
            c.value for ws in load_workbook(io.BytesIO(r.getvalue())) for row in ws for c in row
        ]
        assert not any(isinstance(v, str) and BELL in v for v in cells)
        assert any(v in ("Færre opkald", "Licens") for v in cells), url


def test_meeting_documents_strip_control_characters(client, member, org, bodies):
    meeting = Meeting.objects.create(organisation=org, body=bodies["council"], date="2027-03-01")
    AgendaItem.objects.create(
        organisation=org, body=meeting.body, meeting=meeting, kind="other", title=f"Punkt{BELL}"
    )
    client.force_login(member)
    r = client.get(f"/skovby/meetings/{meeting.pk}/agenda.docx")
    assert r.status_code == 200
    text = "\n".join(p.text for p in Document(io.BytesIO(r.content)).paragraphs)
    assert "Punkt" in text and BELL not in text
