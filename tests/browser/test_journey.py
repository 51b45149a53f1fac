"""The foundation journey: log in, write a strategy, register an initiative, find it."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, login

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.xdist_group("browser"),
]


def test_an_office_writes_its_strategy_and_registers_an_initiative(page, live_server, member, org):
    base = live_server.url
    login(page, base, "member@skovby.dk")
    expect(page).to_have_url(re.compile(r"/skovby/$"))
    assert_accessible(page)

    # Create a strategy.
    page.goto(f"{base}/skovby/strategies/")
    assert_accessible(page)
    page.click("text=Ny strategi")
    assert_accessible(page)
    page.fill("input[name=title]", "Digitaliseringsstrategi")
    page.fill("input[name=period_start]", "2026")
    page.fill("input[name=period_end]", "2029")
    page.fill("textarea[name=vision]", "Digitalisering skaber **mere velfærd**.")
    page.click("button:has-text('Opret strategi')")
    expect(page.locator("h1")).to_contain_text("Digitaliseringsstrategi")
    expect(page.locator("#section-vision strong")).to_have_text("mere velfærd")
    assert_accessible(page)

    # Add a theme in place (htmx): the form opens inside the page, no navigation.
    url_before = page.url
    page.click("#themes-add a")
    page.wait_for_selector("#themes-add form")
    assert page.url == url_before
    assert_accessible(page)
    page.fill("#themes-add input[name=title]", "Borgeren i centrum")
    page.click("#themes-add button[type=submit]")
    expect(page.locator("#themes h3")).to_have_text("Borgeren i centrum")

    # Add a focus area under the theme, also in place.
    page.click("text=Tilføj et indsatsområde")
    page.wait_for_selector("form input[name=title]")
    page.fill("form[hx-post*='focus-areas'] input[name=title]", "Digital selvbetjening")
    page.click("form[hx-post*='focus-areas'] button[type=submit]")
    expect(page.locator("#themes h4")).to_have_text("Digital selvbetjening")
    assert_accessible(page)

    # Register an initiative from the focus area.
    page.click("text=Registrér et initiativ")
    assert_accessible(page)
    page.fill("input[name=title]", "Ny borgerportal")
    page.check("input[name=track][value=must_win]")
    page.click("button:has-text('Registrér')")
    # The must-win challenge needs result goals: an error summary, nothing saved.
    expect(page.locator(".alert-error")).to_be_visible()
    assert_accessible(page)
    page.fill("textarea[name=result_goals]", "Halvt så mange telefonopkald.")
    page.click("button:has-text('Registrér')")
    expect(page.locator("h1")).to_contain_text("I-001 Ny borgerportal")
    assert_accessible(page)

    # Find it in the overview, filtered by track.
    page.goto(f"{base}/skovby/")
    page.select_option("select[name=track]", "must_win")
    expect(page.locator("#portfolio-table")).to_contain_text("Ny borgerportal")
    expect(page).to_have_url(re.compile(r"track=must_win"))
    assert_accessible(page)
    page.click("#portfolio-table >> text=Ny borgerportal")
    expect(page.locator("h1")).to_contain_text("Ny borgerportal")


def test_the_other_pages_pass_axe(page, live_server, admin_member, org, strategy, initiative):
    base = live_server.url
    login(page, base, "admin@skovby.dk")
    for path in [
        "/skovby/tracks/",
        "/skovby/tracks/mandatory/",
        "/skovby/members/",
        "/skovby/settings/",
        f"/skovby/strategies/{strategy.pk}/history/",
        "/skovby/initiatives/1/edit/",
        "/me/",
        "/permissions/",
        "/accessibility/",
    ]:
        page.goto(base + path)
        assert_accessible(page)


def test_the_portfolio_works_on_a_phone(browser, live_server, member, org, initiative):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    login(page, live_server.url, "member@skovby.dk")
    page.goto(f"{live_server.url}/skovby/")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 380, f"page scrolls sideways on a phone ({width}px)"
    assert_accessible(page)
    context.close()
