"""Governance: set up the default bodies, a decision outside the mandate is refused with the
body that holds it, the right body's decision lands in the initiative's log; axe on each page."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, login

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.xdist_group("browser"),
]


def test_a_decision_needs_the_mandate_and_lands_in_the_log(
    page, live_server, org, initiative, member
):
    base = live_server.url
    login(page, base, "member@skovby.dk")
    page.goto(f"{base}/skovby/governance/")
    page.click("button:has-text('Opret standardorganer og -mandater')")
    expect(page.locator("h2").first).to_contain_text("Kommunalbestyrelse")
    assert_accessible(page)

    page.goto(f"{base}/skovby/initiatives/1/")
    page.click("text=Registrér en beslutning")
    assert_accessible(page)
    page.select_option("select[name=body]", label="Direktion")
    page.select_option("select[name=kind]", "approve_initiative")
    page.fill("input[name=title]", "Godkend borgerportalen")
    page.check("input[name=outcome][value=approve]")
    page.fill("input[name=amount]", "5000000")
    page.fill("textarea[name=rationale]", "Stærk business case")
    page.click("button:has-text('Gem')")
    expect(page.locator(".form-error-message").first).to_contain_text(
        "Mandatet ligger hos: Kommunalbestyrelse"
    )
    assert_accessible(page)

    page.select_option("select[name=body]", label="Kommunalbestyrelse")
    page.click("button:has-text('Gem')")
    expect(page.locator("#decision-log")).to_contain_text("Godkend borgerportalen")
    assert_accessible(page)
    page.goto(f"{base}/skovby/initiatives/1/")
    expect(page.locator("#decision-log")).to_contain_text("Kommunalbestyrelse")
    assert_accessible(page)


def test_with_bodies_the_status_page_sends_the_approval_to_the_two_steps(
    page, live_server, org, strategy
):
    from conftest import _member
    from governance.services import create_defaults

    _member(org, "direktion@skovby.dk", "decision_maker")
    create_defaults(org)
    strategy.status = "draft"
    strategy.save()
    base = live_server.url
    login(page, base, "direktion@skovby.dk")
    page.goto(f"{base}/skovby/strategies/{strategy.pk}/")
    page.click("a:has-text('Skift status')")
    assert_accessible(page)
    page.select_option("select[name=status]", "approved")
    page.select_option("select[name=body]", label="Kommunalbestyrelse")
    page.click("button:has-text('Skift status')")
    expect(page.locator("body")).to_contain_text("Strategien godkendes i to trin")
    assert_accessible(page)
    page.goto(f"{base}/skovby/strategies/{strategy.pk}/")
    expect(page.locator(".badge").first).to_contain_text("Udkast")
