"""Ideas and hassles: an employee reports a hassle on a phone-size screen and votes; a
change agent merges and answers; the office turns an idea into an initiative. axe on
every page."""

import pytest
from playwright.sync_api import expect

from conftest import _member
from involvement.models import ChangeAgent, Item
from involvement.tests.conftest import make
from organisations.models import Department
from tests.browser.conftest import assert_accessible, login

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.xdist_group("browser"),
]


def test_an_employee_reports_a_hassle_on_a_phone_and_votes(browser, live_server, org, member):
    Department.objects.create(organisation=org, name="Hjemmeplejen")
    make(org, member, kind="idea", title="SMS-påmindelser")
    _member(org, "mette@skovby.dk", "contributor")
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    base = live_server.url
    login(page, base, "mette@skovby.dk")
    page.goto(f"{base}/skovby/ideas/")
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 391
    page.click("text=Meld bøvl")
    assert_accessible(page)
    page.fill("input[name=title]", "Printeren hænger hver morgen")
    page.fill("textarea[name=description]", "Vi venter 10 minutter, hver gang.")
    page.fill("input[name=system]", "Printer")
    page.fill("input[name=minutes]", "10")
    page.fill("input[name=times]", "1")
    page.select_option("select[name=per]", "day")
    page.fill("input[name=people]", "12")
    page.select_option("select[name=department]", label="Hjemmeplejen")
    page.check("input[name=anonymous]")
    page.click("button:has-text('Send')")
    expect(page.locator("h1")).to_contain_text("Printeren hænger hver morgen")
    expect(page.locator("body")).to_contain_text("440")  # 10 min × 220 days × 12 people / 60
    assert_accessible(page)
    page.goto(f"{base}/skovby/ideas/1/")
    page.click("button:has-text('Stem på den')")
    expect(page.locator("#votes")).to_contain_text("1 stemme")
    assert_accessible(page)
    assert Item.objects.get(number=2).anonymous
    context.close()


def test_a_change_agent_merges_and_answers(page, live_server, org, member):
    home = Department.objects.create(organisation=org, name="Hjemmeplejen")
    agent = _member(org, "ildsjael@skovby.dk", "contributor")
    ChangeAgent.objects.create(organisation=org, user=agent, department=home)
    first = make(org, member, title="Printer på 2. sal", department=home)
    make(org, member, title="Printeren igen", department=home)
    base = live_server.url
    login(page, base, "ildsjael@skovby.dk")
    page.goto(f"{base}/skovby/ideas/2/")
    assert_accessible(page)
    page.check("input[name=resolution][value=merged]")
    page.fill("textarea[name=answer]", "Samme sag som #1.")
    page.fill("input[name=into]", str(first.number))
    page.click("button:has-text('Gem svaret')")
    expect(page.locator("#answer")).to_contain_text("Lagt sammen med #1")
    assert_accessible(page)
    page.goto(f"{base}/skovby/ideas/1/")
    expect(page.locator("body")).to_contain_text("Lagt sammen med denne:")
    page.check("input[name=resolution][value=fixed]")
    page.fill("textarea[name=answer]", "Printeren er skiftet.")
    page.click("button:has-text('Gem svaret')")
    expect(page.locator("#answer")).to_contain_text("Printeren er skiftet.")
    assert_accessible(page)
    page.goto(f"{base}/skovby/ideas/change-agents/")
    expect(page.locator("table")).to_contain_text("Hjemmeplejen")
    assert_accessible(page)


def test_the_office_turns_an_idea_into_an_initiative(page, live_server, org, member, strategy):
    make(org, member, kind="idea", title="Chatbot om affald")
    base = live_server.url
    login(page, base, "member@skovby.dk")
    page.goto(f"{base}/skovby/ideas/overview/")
    assert_accessible(page)
    page.goto(f"{base}/skovby/ideas/1/")
    page.check("input[name=resolution][value=initiative]")
    page.fill("textarea[name=answer]", "Vi prøver det af.")
    page.click("button:has-text('Gem svaret')")
    expect(page.locator("#answer")).to_contain_text("Blev til et initiativ")
    assert_accessible(page)
    page.click("#answer a:has-text('Chatbot om affald')")
    expect(page.locator("h1")).to_contain_text("Chatbot om affald")
    expect(page.locator("#origin")).to_contain_text("Kom fra medarbejderne")
    assert_accessible(page)
