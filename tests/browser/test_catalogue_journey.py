"""Learning between municipalities: Skovby's office publishes an initiative, Fjellvik
finds and adopts it, Skovby withdraws it; Fjellvik adds a joint solution to its portfolio;
an after-review lets an initiative be closed. axe on every page."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from catalogue.models import Entry
from governance.models import Body, Decision, Mandate
from initiatives.models import Initiative
from tests.browser.conftest import assert_accessible, login

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.xdist_group("browser"),
]


def test_publish_find_adopt_and_withdraw_between_the_demo_municipalities(page, live_server):
    call_command("demo", verbosity=0)
    base = live_server.url
    initiative = (
        Initiative.objects.filter(organisation__slug="skovby", business_cases__status="approved")
        .exclude(catalogue_entries__isnull=False)
        .first()
    )
    login(page, base, "portefolje@skovby.dk", "styr-demo-2026")
    page.goto(f"{base}/skovby/initiatives/{initiative.number}/")
    page.click("text=Del i kataloget")
    assert_accessible(page)
    page.fill("textarea[name=lessons]", "Start med nulpunktsmålingen.")
    page.click("button:has-text('Offentliggør')")
    expect(page.locator("h1")).to_contain_text(initiative.title)
    assert_accessible(page)
    entry = Entry.objects.get(initiative=initiative)
    page.context.clear_cookies()
    login(page, base, "nabo@fjellvik.no", "styr-demo-2026")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{base}/fjellvik/catalogue/")
    assert_accessible(page)
    page.fill("input[name=q]", initiative.title.split()[0])
    page.click("form[role=search] button")  # Fjellvik reads Bokmål
    page.click(f"a:has-text('{initiative.title}')")
    expect(page.locator("body")).to_contain_text("Start med nulpunktsmålingen.")
    assert page.evaluate("document.documentElement.scrollWidth") <= 391
    assert_accessible(page)
    page.click("button:has-text('Adopter som idé')")
    expect(page.locator("h1")).to_contain_text(initiative.title)
    assert Initiative.objects.filter(organisation__slug="fjellvik", title=initiative.title).exists()
    page.context.clear_cookies()
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, base, "portefolje@skovby.dk", "styr-demo-2026")
    page.goto(f"{base}/skovby/catalogue/{entry.key}/")
    expect(page.locator("body")).to_contain_text("Adopteret af 1 organisation")
    page.click("button:has-text('Træk tilbage')")
    expect(page.locator(".alert")).to_contain_text("trukket tilbage")
    assert_accessible(page)
    assert Entry.objects.get(pk=entry.pk).withdrawn_at is not None


def test_a_joint_solution_joins_the_portfolio_and_the_other_pages_pass_axe(page, live_server):
    call_command("demo", verbosity=0)
    base = live_server.url
    login(page, base, "nabo@fjellvik.no", "styr-demo-2026")
    page.goto(f"{base}/fjellvik/catalogue/joint/")
    assert_accessible(page)
    page.click("button:has-text('Legg til i porteføljen vår') >> nth=0")
    expect(page.locator("h1")).to_contain_text("MitID Erhverv")  # the nearest deadline
    assert_accessible(page)
    page.set_viewport_size({"width": 390, "height": 800})
    for path in (
        "/fjellvik/catalogue/ours/",
        "/fjellvik/catalogue/import/",
        "/fjellvik/catalogue/benchmark/",
        "/fjellvik/lessons/",
    ):
        assert page.goto(base + path).status == 200, path
        assert page.evaluate("document.documentElement.scrollWidth") <= 391, path
        assert_accessible(page)


def test_an_after_review_lets_an_initiative_be_closed(page, live_server, org, member):
    initiative = Initiative.objects.create(
        organisation=org,
        number=7,
        title="Skærmbesøg",
        track="prerequisite",
        source="own",
        stage="operation",
        initiative_lead=member,
    )
    body = Body.objects.create(organisation=org, name="Projektråd", kind="project_council")
    Mandate.objects.create(organisation=org, body=body, kind="pass_gate")
    base = live_server.url
    login(page, base, "member@skovby.dk")
    page.goto(f"{base}/skovby/initiatives/7/after-review/")
    assert_accessible(page)
    page.click("button:has-text('Bed initiativlederen om en efterevaluering')")
    page.check("input[name=routines][value=yes]")
    page.fill("textarea[name=lessons]", "Superbrugere i hver afdeling virker.")
    page.check("input[name=complete]")
    page.click("button:has-text('Gem')")
    expect(page.locator(".alert")).to_contain_text("Efterevalueringen er afsluttet")
    assert_accessible(page)
    page.goto(f"{base}/skovby/initiatives/7/gate/")
    expect(page.locator("body")).not_to_contain_text("efterevaluering")
    assert_accessible(page)
    assert initiative.after_reviews.get().is_completed
    page.select_option("select[name=body]", label="Projektråd")
    page.check("input[name=outcome][value=approve]")
    page.fill("textarea[name=rationale]", "Gevinsterne er hentet, rutinerne holder.")
    page.click("button:has-text('Registrér beslutningen')")
    page.wait_for_load_state("load")
    initiative.refresh_from_db()
    assert initiative.stage == "closed"
    assert Decision.objects.get(initiative=initiative).to_stage == "closed"
