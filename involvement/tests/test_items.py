"""Submitting ideas and hassles from the web: the figures, the due date, bad input that
changes nothing, screenshots, and anonymity in every output."""

import datetime as dt
import io
import zipfile

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from involvement.models import Item, Screenshot
from jobs.queue import drain

from .conftest import make

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _post(client, **extra):
    data = {
        "kind": "hassle",
        "title": "Langsomt netværk",
        "description": "Det tager 5 minutter at logge på.",
        "system": "Netværk",
        "minutes": "5",
        "times": "3",
        "per": "week",
        "people": "20",
    } | extra
    return client.post(reverse("involvement:new", args=["skovby"]), data)


def test_a_member_reports_a_hassle_and_its_hours_and_due_date_are_set(
    client, member, org, departments
):
    client.force_login(member)
    assert client.get(reverse("involvement:new", args=["skovby"])).status_code == 200
    response = _post(client, department=departments[0].pk)
    item = Item.objects.get()
    assert response.status_code == 302 and item.number == 1
    assert item.hours == pytest.approx(5 * 3 * 46 * 20 / 60)
    assert item.due_on == dt.date.today() + dt.timedelta(days=30)
    assert item.submitter == member and item.status == "new"


@pytest.mark.parametrize(
    "bad",
    [
        {"title": ""},
        {"title": "   "},
        {"description": "x" * 5001},
        {"kind": "rant"},
        {"minutes": ""},
        {"minutes": "-3"},
        {"times": "abc"},
        {"people": "0"},
        {"title": "x" * 201},
    ],
)
def test_bad_input_is_refused_and_nothing_saved(client, member, org, bad):
    client.force_login(member)
    response = _post(client, **bad)
    assert response.status_code == 400
    assert (
        "Der er et problem" in response.content.decode()
        or "There is a problem" in response.content.decode()
    )
    assert not Item.objects.exists()


def test_html_and_script_are_shown_as_text(client, member, org):
    client.force_login(member)
    _post(client, title="<script>alert(1)</script>", description="<b>fed</b>")
    html = client.get(reverse("involvement:item", args=["skovby", 1])).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert "<b>fed</b>" not in html


def test_screenshots_must_be_small_images(client, member, org, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(member)
    not_image = SimpleUploadedFile(
        "virus.png", b"MZ\x90\x00 not an image", content_type="image/png"
    )
    assert _post(client, screenshots=not_image).status_code == 400
    big = SimpleUploadedFile("big.png", PNG + b"\x00" * 2_000_001, content_type="image/png")
    assert _post(client, screenshots=big).status_code == 400
    many = [SimpleUploadedFile(f"{i}.png", PNG, content_type="image/png") for i in range(4)]
    assert _post(client, screenshots=many).status_code == 400
    assert not Item.objects.exists() and not Screenshot.objects.exists()
    ok = SimpleUploadedFile("skærm.png", PNG, content_type="image/png")
    assert _post(client, screenshots=ok).status_code == 302
    shot = Screenshot.objects.get()
    served = client.get(reverse("involvement:screenshot", args=["skovby", 1, shot.pk]))
    assert served.status_code == 200 and served["Content-Type"] == "image/png"
    assert b"".join(served.streaming_content) == PNG


def test_an_anonymous_submitter_is_shown_nowhere_but_to_themselves(
    client, member, reader, org, departments
):
    item = make(org, member, anonymous=True, department=departments[0])
    client.force_login(reader)
    page = client.get(reverse("involvement:item", args=["skovby", item.number])).content.decode()
    assert member.email not in page and str(member) not in page.split("<main")[1]
    api = client.get(f"/api/v1/organisations/skovby/ideas/{item.number}").json()
    assert api["submitted_by"] is None and api["anonymous"] is True
    listed = client.get("/api/v1/organisations/skovby/ideas").json()["items"][0]
    assert listed["submitted_by"] is None
    export = client.get(reverse("involvement:export", args=["skovby"]))
    content = b"".join(export.streaming_content)
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        sheet = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/"))
    assert member.email not in sheet and str(member) not in sheet
    client.force_login(member)
    own = client.get(reverse("involvement:item", args=["skovby", item.number])).content.decode()
    assert str(member) in own.split("<main")[1]


def test_the_answer_reaches_an_anonymous_submitter_by_e_mail_only(
    client, admin_member, member, org, departments
):
    item = make(org, member, anonymous=True, department=departments[0])
    client.force_login(admin_member)
    client.post(
        reverse("involvement:answer", args=["skovby", item.number]),
        {"resolution": "fixed", "answer": "Printeren er skiftet.", "version": item.version},
    )
    drain()
    assert [m.to for m in mail.outbox] == [[member.email]]
    assert member.email not in mail.outbox[0].body


def test_another_organisations_item_is_a_404(client, outsider, member, org):
    item = make(org, member)
    client.force_login(outsider)
    for name in ("item", "vote", "comment", "answer"):
        url = reverse(f"involvement:{name}", args=["skovby", item.number])
        assert client.get(url).status_code == 404
        assert client.post(url, {"text": "x"}).status_code == 404
    other = reverse("involvement:vote", args=["fjellvik", item.number])
    assert client.post(other).status_code == 404
