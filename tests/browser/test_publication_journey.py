"""The strategy leaves the building: the executive board recommends, the council approves,
the office publishes; an anonymous visitor reads the public page on a phone; and an axe
walk over the other new pages (goals, measurements, versions, communication) at 390 px."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from conftest import _member
from governance.services import create_defaults
from publication.models import StrategyVersion
from strategy.models import FocusAreaGoal, Strategy
from tests.browser.conftest import assert_accessible, login

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.xdist_group("browser"),
]


def test_the_board_recommends_the_council_approves_and_the_office_publishes(
    page, live_server, org, strategy, member
):
    create_defaults(org)
    _member(org, "direktion@skovby.dk", "decision_maker")
    base = live_server.url
    login(page, base, "direktion@skovby.dk")
    page.goto(f"{base}/skovby/strategies/{strategy.pk}/")
    page.click("text=Versioner, godkendelse og dokumenter")
    expect(page.locator("h1")).to_contain_text("Versioner og godkendelse")
    assert_accessible(page)
    page.select_option("select[name=body]", label="Direktion")
    page.fill("textarea[name=rationale]", "Direktionen anbefaler strategien.")
    page.click("button:has-text('Fastfrys og registrér indstillingen')")
    expect(page.locator(".alert")).to_contain_text("Version 1 er fastfrosset og indstillet")
    assert_accessible(page)
    page.select_option("form[action$='/approve/'] select[name=body]", label="Kommunalbestyrelse")
    page.click("button:has-text('Registrér godkendelsen')")
    expect(page.locator(".alert")).to_contain_text("Version 1 er godkendt")
    expect(page.locator("table")).to_contain_text("Kommunalbestyrelse")
    assert_accessible(page)
    page.click("a:has-text('Version 1')")
    expect(page.locator("h1")).to_contain_text("version 1")
    assert_accessible(page)
    page.context.clear_cookies()
    login(page, base, "member@skovby.dk")
    page.goto(f"{base}/skovby/strategies/{strategy.pk}/versions/")
    page.check("input[name=intranet]")
    page.check("input[name=public]")
    page.click("button:has-text('Gem, hvad der er offentliggjort')")
    expect(page.locator(".alert")).to_contain_text("Det offentliggjorte blev gemt")
    assert_accessible(page)
    version = StrategyVersion.objects.get()
    assert version.status == "approved" and version.public and version.intranet
    page.click("text=Hvad den offentlige side viser")
    assert_accessible(page)
    page.check("input[name=show_amounts]")
    page.click("button:has-text('Gem')")
    expect(page.locator(".alert")).to_contain_text("indstillinger blev gemt")


def test_an_anonymous_visitor_reads_the_public_page_on_a_phone(browser, live_server):
    call_command("demo", verbosity=0)
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    base = live_server.url
    response = page.goto(f"{base}/public/skovby/")
    assert response.status == 200
    expect(page.locator("h1")).to_contain_text("Digitaliseringsstrategi")
    expect(page.locator("body")).to_contain_text("Hvad det betyder for borgerne")
    expect(page.locator("body")).to_contain_text("af vejen mod målet")
    assert page.evaluate("document.documentElement.scrollWidth") <= 391
    assert_accessible(page)
    href = page.get_attribute("a:has-text('Kortversionen (PDF)')", "href")
    pdf = page.request.get(base + href)
    assert pdf.ok and pdf.body().startswith(b"%PDF")
    assert page.goto(f"{base}/public/fjellvik/").status == 404
    context.close()


def test_the_other_new_pages_pass_axe_on_a_phone(page, live_server):
    call_command("demo", verbosity=0)
    strategy = Strategy.objects.get(organisation__slug="skovby")
    goal = FocusAreaGoal.objects.filter(focus_area__strategy=strategy).first()
    base = live_server.url
    login(page, base, "portefolje@skovby.dk", "styr-demo-2026")
    page.set_viewport_size({"width": 390, "height": 800})
    s = f"/skovby/strategies/{strategy.pk}"
    for path in (
        f"{s}/",
        f"{s}/goals/{goal.pk}/",
        f"{s}/measurements/upload/",
        f"{s}/versions/",
        f"{s}/versions/1/",
        f"{s}/compare/?a=1&b=draft",
        f"{s}/communication/",
        f"{s}/communication/activities/add/",
        f"{s}/communication/stakeholders/add/",
        f"{s}/edit/short/",
        "/skovby/published/",
        "/skovby/publication/",
        "/skovby/initiatives/1/communication/",
        "/skovby/cycle/",
    ):
        response = page.goto(base + path)
        assert response.status == 200, path
        assert page.evaluate("document.documentElement.scrollWidth") <= 391, path
        assert_accessible(page)
