"""The prioritisation journey: criteria and scores, a scenario solved in the worker, its
frontier, a comparison, and the board's commit as the action plan; axe on every page."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, login

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.xdist_group("browser"),
]


def test_the_office_builds_and_solves_a_scenario_and_the_board_commits_it(
    page, live_server, org, strategy, initiative, member, business_case
):
    from conftest import _member
    from jobs.queue import drain

    _member(org, "direktion@skovby.dk", "decision_maker")
    base = live_server.url

    login(page, base, "member@skovby.dk")
    page.goto(f"{base}/skovby/prioritisation/")
    page.click("button:has-text('Opret standardkriterierne')")
    expect(page.locator("#criteria")).to_contain_text("Økonomisk gevinst")
    assert_accessible(page)

    page.click("a:has-text('Sammenlign kriterier parvis')")
    assert_accessible(page)
    page.click("button:has-text('Beregn vægtene')")
    expect(page.locator("#ahp-result")).to_contain_text("Konsistent")

    page.goto(f"{base}/skovby/initiatives/1/score/")
    assert_accessible(page)
    for label in page.locator("fieldset").all():
        label.locator("input[value='4']").check()
    page.click("button:has-text('Gem mine scorer')")
    expect(page.locator("#ranking")).to_contain_text("4,00")

    page.click("nav >> text=Scenarier")
    assert_accessible(page)
    page.click("text=Nyt scenarie")
    assert_accessible(page)
    page.fill("input[name=name]", "Budget 2027, forslag")
    page.fill("input[name=first_year]", "2027")
    page.fill("input[name=periods]", "3")
    page.click("button:has-text('Gem')")
    expect(page.locator("h1")).to_have_text("Budget 2027, forslag")

    page.click("text=Budgetter og kapacitet")
    assert_accessible(page)
    for t in range(3):
        page.fill(f"input[name=budget_investment_{t}]", "1500")
    page.click("button:has-text('Gem')")
    expect(page.locator("#limits")).to_contain_text("1.500")

    page.click("button:has-text('Beregn scenariet')")
    expect(page.locator("#runs")).to_contain_text("Venter på beregning")
    assert drain() == 1  # the worker, outside the web request
    # htmx polls the result in without a reload.
    expect(page.locator("#summary")).to_contain_text("Bevist optimal", timeout=15000)
    expect(page.locator("#plan")).to_contain_text("I-001 Ny borgerportal")
    expect(page.locator("#greedy")).to_be_visible()
    assert_accessible(page)

    page.select_option("select[name=budget]", "investment")
    page.fill("input[name=points]", "4")
    page.click("button:has-text('Beregn randen')")
    # Wait for the redirect to land before the worker runs and the page reloads.
    expect(page.locator("p[aria-live=polite]", has_text="Venter på beregning")).to_be_visible()
    assert drain() == 1
    page.reload()
    expect(page.locator("#frontier-table")).to_contain_text("Dette scenarie")
    expect(page.locator("svg[aria-labelledby^=frontier]")).to_be_visible()
    assert_accessible(page)
    scenario_url = page.url

    page.click("text=Tilbage til scenarier")
    page.check("input[name=s] >> nth=0")
    page.click("button:has-text('Sammenlign de valgte scenarier')")
    expect(page.locator("h1")).to_have_text("Sammenlign scenarier")
    assert_accessible(page)

    page.click("text=Log ud")
    login(page, base, "direktion@skovby.dk")
    page.goto(scenario_url)
    page.click("button:has-text('Vedtag som strategiens handleplan')")
    expect(page.locator("h1")).to_contain_text("Handleplan for")
    expect(page.locator("#plan")).to_contain_text("I-001 Ny borgerportal")
    assert_accessible(page)

    # On a phone the plan's tables scroll inside their region, not the page.
    page.set_viewport_size({"width": 375, "height": 800})
    page.reload()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 380
