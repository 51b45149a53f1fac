"""Assessments: the office sets up a round and sends the links; a respondent answers on a
phone without logging in, leaves and resumes; the office reads the results and creates an
initiative from a weak dimension. axe on every page."""

import datetime

import pytest
from django.core import mail
from playwright.sync_api import expect

from assessments import services
from assessments.models import Invitation, RespondentGroup, Response, Round
from assessments.tests.conftest import answer
from jobs.queue import drain
from organisations.models import Department
from tests.browser.conftest import assert_accessible, login

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.xdist_group("browser"),
]


def test_the_office_sets_up_a_round_and_sends_the_links(page, live_server, org, member):
    for name in ("Borgerservice", "Skole"):
        Department.objects.create(organisation=org, name=name)
    base = live_server.url
    login(page, base, "member@skovby.dk")
    page.goto(f"{base}/skovby/assessments/")
    assert_accessible(page)
    page.click("text=Rammer")
    assert_accessible(page)
    page.check("input[name=key][value=success-criteria]")
    page.click("button:has-text('Tilføj rammen')")
    expect(page.locator("h1")).to_contain_text("Ni succeskriterier")
    assert_accessible(page)
    page.goto(f"{base}/skovby/assessments/")
    page.click("text=Ny runde")
    assert_accessible(page)
    page.fill("input[name=title]", "Digital modenhed 2027")
    page.fill("textarea[name=introduction]", "Hvor står vi?")
    page.click("button:has-text('Gem')")
    expect(page.locator("h1")).to_contain_text("Digital modenhed 2027")
    assert_accessible(page)
    page.click("text=Respondenter og links")
    page.fill(
        "textarea[name=pasted]",
        "Mette Hansen;mette@skovby.dk;Borgerservice;Medarbejder\nOle Berg;ole@skovby.dk;Skole;Mellemleder",
    )
    page.click("button:has-text('Tilføj og send links')")
    expect(page.locator(".alert-success")).to_contain_text("2 personer blev tilføjet")
    expect(page.locator("table")).to_contain_text("ole@skovby.dk")
    assert_accessible(page)
    drain()  # the worker sends the links
    assert sorted(m.to[0] for m in mail.outbox) == ["mette@skovby.dk", "ole@skovby.dk"]
    token = Invitation.objects.get(email="mette@skovby.dk").token
    assert any(f"/svar/{token}/" in m.body for m in mail.outbox)


def test_a_respondent_answers_on_a_phone_leaves_and_resumes(browser, live_server, org, member):
    framework = services.install_framework(organisation=org, key="change-readiness", language="da")
    department = Department.objects.create(organisation=org, name="Hjemmeplejen")
    today = datetime.date.today()
    round = Round.objects.create(
        organisation=org,
        framework=framework,
        title="Parat til nyt omsorgssystem?",
        introduction="Fortæl os, om vi er klar.",
        opens_on=today,
        closes_on=today + datetime.timedelta(days=7),
    )
    group = RespondentGroup.objects.for_org(org).get(leader=False)
    round.groups.set([group])
    invitation = Invitation.objects.create(
        organisation=org, round=round, email="a@skovby.dk", department=department, group=group
    )
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    url = f"{live_server.url}/svar/{invitation.token}/"
    page.goto(url)
    expect(page.locator("h1")).to_contain_text("Parat til nyt omsorgssystem?")
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 391
    radios = page.locator("fieldset")
    for i in range(radios.count()):
        radios.nth(i).locator("label").nth(3).click()  # "Enig"
    page.click("button:has-text('Næste')")
    expect(page.locator("h2").first).to_contain_text("Digital modenhed")
    page.locator("fieldset").first.locator("label").nth(5).click()  # "Ved ikke"
    page.click("button:has-text('Gem og fortsæt senere')")
    expect(page.locator("h1")).to_contain_text("Dine svar er gemt")
    assert_accessible(page)
    # Later, in a new browser: the same link opens where it was left.
    context.close()
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(url)
    expect(page.locator("h2").first).to_contain_text("Digital modenhed")
    page.click("button:has-text('Forrige')")
    expect(page.locator("fieldset").first.locator("input").nth(3)).to_be_checked()
    for _ in range(4):
        page.click("button:has-text('Næste')")
    expect(page.locator("h2").first).to_contain_text("Sidste side")
    page.fill("textarea", "Mere tid til oplæring.")
    assert_accessible(page)
    page.click("button:has-text('Indsend svaret')")
    expect(page.locator("h1")).to_contain_text("Tak for dit svar")
    assert_accessible(page)
    response = Response.objects.get()
    assert response.answers.count() == 4 and response.texts.get().text == "Mere tid til oplæring."
    page.goto(url)
    expect(page.locator("h1")).to_contain_text("Du har svaret")
    context.close()


def test_the_office_reads_the_results_and_creates_an_initiative(page, live_server, org, member):
    framework = services.install_framework(organisation=org, key="success-criteria", language="da")
    departments = [
        Department.objects.create(organisation=org, name=n) for n in ("Borgerservice", "Skole")
    ]
    today = datetime.date.today()
    round = Round.objects.create(
        organisation=org,
        framework=framework,
        title="Digital modenhed 2026",
        opens_on=today - datetime.timedelta(days=20),
        closes_on=today - datetime.timedelta(days=1),
    )
    groups = list(RespondentGroup.objects.for_org(org))
    round.groups.set(groups)
    levels = [4] * 32 + [2] * 4  # the last dimension is the weakest
    for i in range(12):
        answer(round, departments[i % 2], groups[2] if i % 3 else groups[1], levels)
    base = live_server.url
    login(page, base, "member@skovby.dk")
    page.goto(f"{base}/skovby/assessments/rounds/{round.pk}/results/")
    expect(page.locator("h1")).to_contain_text("Digital modenhed 2026")
    expect(page.locator("#dim-caption")).to_be_visible()
    assert_accessible(page)
    first = page.locator("table").first.locator("tbody tr").first
    expect(first).to_contain_text("Samlede it-processer og indkøb")
    first.locator("a").click()
    assert_accessible(page)
    page.click("button:has-text('Registrér initiativet')")
    expect(page.locator("h1")).to_contain_text("Styrk: Samlede it-processer og indkøb")
    expect(page.locator("#readiness")).to_contain_text("Parathed og modenhed")
    assert_accessible(page)
    page.click("#readiness + ul a:has-text('Resultater')")
    expect(page.locator("body")).to_contain_text("Initiativer oprettet ud fra runden")
