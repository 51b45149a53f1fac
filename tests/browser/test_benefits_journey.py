"""The business case and benefits journey: build a case, approve it, record two
measurements, see the realisation chart and the lagging flag; axe on every page."""

import datetime

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, login

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.xdist_group("browser"),
]


def test_a_lead_builds_a_case_the_board_approves_and_the_owner_measures(
    page, live_server, org, initiative, member, benefit_owner, benefit
):
    from conftest import _member

    _member(org, "direktion@skovby.dk", "decision_maker")
    base = live_server.url
    year = datetime.date.today().year

    # The initiative lead builds the business case.
    login(page, base, "member@skovby.dk")
    page.goto(f"{base}/skovby/initiatives/1/")
    page.click("text=Ny business case")
    assert_accessible(page)
    page.fill("input[name=first_year]", str(year))
    page.fill("input[name=horizon_years]", "4")
    page.fill("textarea[name=scenario_0]", "Borgerne ringer som i dag.")
    page.click("button:has-text('Gem')")
    expect(page.locator("h1")).to_contain_text("Business case")
    assert_accessible(page)

    page.click("text=Tilføj en omkostningslinje")
    assert_accessible(page)
    page.fill("input[name=description]", "Licens og implementering")
    page.select_option("select[name=cost_kind]", "investment")
    page.select_option("select[name=cost_source]", "external")
    page.fill("input[name=year_0]", "1000000")
    page.click("button:has-text('Gem')")

    page.click("text=Tilføj en gevinstlinje")
    page.fill("input[name=description]", "Færre opkald")
    page.select_option("select[name=category]", "budget")
    for t in (1, 2, 3):
        page.fill(f"input[name=year_{t}]", "500000")
    page.click("button:has-text('Gem')")
    expect(page.locator("#payback")).to_have_text(str(year + 2))
    expect(page.locator("svg#cashflow, svg[aria-labelledby^=cashflow]")).to_be_visible()
    assert_accessible(page)
    case_url = page.url

    # The executive board approves it.
    page.click("text=Log ud")
    login(page, base, "direktion@skovby.dk")
    page.goto(case_url)
    page.click("a:has-text('Godkend')")
    assert_accessible(page)
    page.fill("textarea[name=note]", "Direktionsmøde")
    page.click("button:has-text('Godkend')")
    expect(page.locator("#case-status")).to_have_text("Godkendt")

    # The benefit owner records two measurements; the second lags the plan.
    page.click("text=Log ud")
    login(page, base, "owner@skovby.dk")
    page.goto(f"{base}/skovby/benefits/")
    assert_accessible(page)
    page.click("text=Færre telefonopkald")
    assert_accessible(page)
    for day, value in (("2026-03-31", "880"), ("2026-09-30", "900")):
        page.fill("input[name=measured_on]", day)
        page.fill("input[name=value]", value)
        page.click("button:has-text('Registrér')")
        expect(page.locator(".alert-success")).to_be_visible()
    expect(page.locator("svg[aria-labelledby^=realisation]")).to_be_visible()
    expect(page.locator("#lagging-flag")).to_be_visible()
    assert_accessible(page)
    page.goto(f"{base}/skovby/initiatives/1/benefits/")
    assert_accessible(page)
    page.goto(f"{base}/skovby/benefits/harvest/")
    assert_accessible(page)
