"""The main pages of the demo municipality at 1280 px and 390 px: no page scrolls sideways
on a phone, every chart fills most of its container, and each passes axe. With
STYR_SCREENSHOTS=<dir> (`make screenshots`) the pages are saved there for the README's
gallery (docs/screenshots/)."""

import os
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from assessments.models import Round
from finance.models import BusinessCase
from jobs.queue import drain
from portfolio.models import Scenario
from portfolio.services import queue_run
from strategy.models import Strategy
from tests.browser.conftest import assert_accessible, login

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.xdist_group("browser"),
]


def _pages() -> list[tuple[str, str]]:
    strategy = Strategy.objects.get(organisation__slug="skovby")
    case = BusinessCase.objects.filter(organisation__slug="skovby").order_by("pk").first()
    scenario = Scenario.objects.filter(organisation__slug="skovby").order_by("pk").first()
    pages = [
        ("portfolio", "/skovby/"),
        ("strategy", f"/skovby/strategies/{strategy.pk}/"),
        ("business-case", f"/skovby/business-cases/{case.pk}/"),
        ("benefits", "/skovby/benefits/"),
        ("scenarios", "/skovby/scenarios/"),
        ("status", "/skovby/status/"),
        ("meetings", "/skovby/meetings/"),
        ("cycle", "/skovby/cycle/"),
    ]
    if scenario is not None:
        pages.append(("scenario", f"/skovby/scenarios/{scenario.pk}/"))
    latest = Round.objects.filter(organisation__slug="skovby", title="Digital modenhed 2026").get()
    pages += [
        ("assessments", "/skovby/assessments/"),
        ("assessment-results", f"/skovby/assessments/rounds/{latest.pk}/results/"),
        ("ideas", "/skovby/ideas/"),
        ("ideas-overview", "/skovby/ideas/overview/"),
        ("strategy-versions", f"/skovby/strategies/{strategy.pk}/versions/"),
        ("strategy-communication", f"/skovby/strategies/{strategy.pk}/communication/"),
        ("public-page", "/public/skovby/"),
        ("catalogue", "/skovby/catalogue/"),
    ]
    return pages


SHOTS = os.environ.get("STYR_SCREENSHOTS")
User = get_user_model()


def _check(page, name: str, width: int) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/{name}-{width}.png")  # the first screen
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width + 1, f"{name} scrolls sideways at {width} px: {scroll}"
    nav = page.locator("#main-menu")
    if width >= 1280 and nav.count():  # the public page has no menu
        overflow = nav.evaluate("el => el.scrollWidth - el.clientWidth")
        assert overflow <= 0, f"the menu on {name} hides {overflow} px at {width} px"
    for chart in page.locator("svg.styr-chart, svg.styr-wheel").all():
        if not chart.is_visible():
            continue
        ratio = chart.evaluate(
            "el => el.getBoundingClientRect().width / el.parentElement.getBoundingClientRect().width"
        )
        assert ratio >= 0.6, f"a chart on {name} fills {ratio:.0%} of its container"


def test_the_main_pages_fit_a_phone_and_their_charts_fill_their_cards(page, live_server):
    call_command("demo", verbosity=0)
    scenario = Scenario.objects.filter(organisation__slug="skovby").order_by("pk").first()
    if scenario is not None:  # the scenario page shows a solved plan
        run = queue_run(scenario=scenario, user=User.objects.get(email="portefolje@skovby.dk"))
        drain()  # the solve, and the demo's e-mail
        run.refresh_from_db()
        assert run.result is not None
    base = live_server.url
    login(page, base, "portefolje@skovby.dk", "styr-demo-2026")
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        for name, path in _pages():
            response = page.goto(base + path)
            assert response.status == 200, path
            _check(page, name, width)
            if width == 390:
                assert_accessible(page)


def test_on_a_phone_the_main_menu_opens_from_its_button(page, live_server, member, org):
    base = live_server.url
    login(page, base, "member@skovby.dk")
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto(f"{base}/skovby/")
    menu = page.locator("#main-menu")
    button = page.locator(".styr-menu-button")
    assert not menu.is_visible() and button.is_visible()
    button.click()
    assert button.get_attribute("aria-expanded") == "true" and menu.is_visible()
    assert_accessible(page)
    menu.get_by_text("Strategi").click()
    page.wait_for_url(f"{base}/skovby/strategies/")
    page.set_viewport_size({"width": 1280, "height": 800})
    assert (
        page.locator("#main-menu").is_visible()
        and not page.locator(".styr-menu-button").is_visible()
    )
    top = {
        round(box["y"]) for box in (li.bounding_box() for li in page.locator("#main-menu li").all())
    }
    assert len(top) == 1, "the menu stays on one row at 1280 px"
