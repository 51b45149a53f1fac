"""The project council's meeting: the initiative lead reports red status and asks for a gate,
the secretary prepares the meeting from the waiting items, records the decisions, and they
show in the initiatives' logs; the status page, the yearly cycle and the gate page pass axe."""

import datetime

import pytest
from playwright.sync_api import expect

from governance.gates import create_default_checks
from governance.models import Body, BodyMember
from governance.services import create_defaults
from initiatives.models import Initiative
from tests.browser.conftest import assert_accessible, login

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.xdist_group("browser"),
]


def test_the_project_council_decides_on_a_prepared_agenda(
    page, live_server, org, initiative, member
):
    create_defaults(org)
    create_default_checks(org)
    council = Body.objects.get(kind="project_council")
    BodyMember.objects.create(organisation=org, body=council, user=member, role="secretary")
    Initiative.objects.create(
        organisation=org,
        number=2,
        title="Identitetsstyring",
        track="prerequisite",
        stage="clarify",
        initiative_lead=member,
    )
    base = live_server.url
    login(page, base, "member@skovby.dk")

    # The lead reports a red light on the must-win initiative.
    page.goto(f"{base}/skovby/initiatives/1/")
    page.click("text=Status og risici")
    assert_accessible(page)
    page.click("text=Ny statusrapport")
    page.check("input[name=time][value=red]")
    page.check("input[name=cost][value=green]")
    page.check("input[name=scope][value=green]")
    page.check("input[name=benefits][value=yellow]")
    page.fill("textarea[name=summary]", "Leverandøren er tre måneder forsinket")
    page.click("button:has-text('Gem')")
    expect(page.locator("#reports")).to_contain_text("Leverandøren er tre måneder forsinket")
    assert_accessible(page)

    # The prerequisite's lead asks for its gate into the pilot.
    page.goto(f"{base}/skovby/initiatives/2/gate/")
    assert_accessible(page)
    page.click("button:has-text('Bed om en beslutning på næste møde')")
    expect(page.locator("#gate-requested")).to_contain_text("Projektråd")

    # The secretary prepares the meeting from what waits.
    page.goto(f"{base}/skovby/meetings/")
    assert_accessible(page)
    page.click("text=Nyt møde")
    page.select_option("select[name=body]", label="Projektråd")
    page.fill("input[name=date]", datetime.date.today().isoformat())
    page.fill("input[name=location]", "Rådhuset")
    page.click("button:has-text('Gem')")
    expect(page.locator("#waiting")).to_contain_text("Rød status: I-001")
    expect(page.locator("#waiting")).to_contain_text("Beslutningspunkt: I-002")
    assert_accessible(page)
    page.click("button:has-text('Sæt på dagsordenen')")
    expect(page.locator("h3").filter(has_text="Rød status: I-001")).to_be_visible()
    page.click("button:has-text('Udsend dagsordenen til medlemmerne')")
    expect(page.locator(".alert-success")).to_contain_text("udsendt")

    # The gate: tick the checklist and approve.
    gate = page.locator("section").filter(has_text="Beslutningspunkt: I-002")
    gate.locator("a:has-text('Registrér beslutningen')").click()  # htmx loads the form
    expect(gate.locator("input[value=approve]")).to_be_visible()
    for box in gate.locator("input[type=checkbox]").all():
        box.check()
    gate.locator("input[value=approve]").check()
    gate.locator("textarea[name$=rationale]").fill("Klar til pilot i to afdelinger")
    assert_accessible(page)
    gate.locator("button:has-text('Registrér beslutningen')").click()
    expect(page.locator(".decision").first).to_contain_text("Klar til pilot")

    # The red status: approved with changes.
    red = page.locator("section").filter(has_text="Rød status: I-001")
    # Without JavaScript the link opens the decision as a page of its own.
    meeting_url = page.url
    page.goto(base + red.locator("a:has-text('Registrér beslutningen')").get_attribute("href"))
    expect(page.locator("h1")).to_contain_text("Rød status: I-001")
    assert_accessible(page)
    page.goto(meeting_url)
    red.locator("a:has-text('Registrér beslutningen')").click()
    red.locator("input[value=change]").check()
    red.locator("textarea[name$=rationale]").fill("Ny tidsplan til næste møde")
    red.locator("textarea[name$=conditions]").fill("Inden for budgettet")
    red.locator("button:has-text('Registrér beslutningen')").click()
    expect(page.locator(".decision")).to_have_count(2)
    assert_accessible(page)

    page.fill("textarea[name=minutes]", "Projektrådet behandlede to punkter.")
    page.click("button:has-text('Gem referatet og afslut mødet')")
    expect(page.locator("main")).to_contain_text("Afholdt, referat skrevet")
    assert_accessible(page)

    # The decisions are in the initiatives' logs, and the prerequisite is in its pilot.
    page.goto(f"{base}/skovby/initiatives/2/")
    expect(page.locator("#decision-log")).to_contain_text("Klar til pilot i to afdelinger")
    expect(page.locator("main")).to_contain_text("Pilotforsøg")
    page.goto(f"{base}/skovby/initiatives/1/")
    expect(page.locator("#decision-log")).to_contain_text("Ny tidsplan til næste møde")
    assert_accessible(page)

    # The portfolio status shows the red light; the yearly cycle draws its wheel.
    page.goto(f"{base}/skovby/status/")
    expect(page.locator("#status")).to_contain_text("Rød")
    assert_accessible(page)
    page.goto(f"{base}/skovby/cycle/")
    page.click("button:has-text('Opret et standardårshjul')")
    expect(page.locator("svg.styr-wheel")).to_be_visible()
    assert_accessible(page)
    page.goto(f"{base}/skovby/governance/checklists/")
    expect(page.locator("main")).to_contain_text("parate til forandringen")
    assert_accessible(page)
    page.goto(f"{base}/skovby/notifications/")
    page.click("label[for=id_email_digest]")  # dkfds draws the box on the label
    page.click("button:has-text('Gem')")
    expect(page.locator(".alert-success")).to_be_visible()
    assert_accessible(page)
    page.set_viewport_size({"width": 375, "height": 800})
    for url in ("/skovby/status/", "/skovby/meetings/", "/skovby/cycle/"):
        page.goto(f"{base}{url}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, url
        assert_accessible(page)


def test_a_lagging_must_win_is_stopped_with_its_lessons(
    page, live_server, org, initiative, member, benefit
):
    from benefits.models import Measurement

    create_defaults(org)
    Measurement.objects.create(
        organisation=org, benefit=benefit, measured_on=datetime.date(2026, 6, 15), value=990
    )
    base = live_server.url
    login(page, base, "member@skovby.dk")
    page.goto(f"{base}/skovby/initiatives/1/")
    expect(page.locator("#lagging")).to_contain_text("Resultaterne halter")
    assert_accessible(page)
    page.locator("#lagging").get_by_text("Stop initiativet").click()
    page.select_option("select[name=body]", label="Kommunalbestyrelse")
    page.fill("textarea[name=rationale]", "Opkaldene falder ikke")
    page.click("button:has-text('Stop initiativet')")
    expect(page.locator(".form-error-message").first).to_be_visible()
    assert_accessible(page)
    page.fill("textarea[name=lessons]", "Test løsningen med borgerne før indkøb")
    page.click("button:has-text('Stop initiativet')")
    expect(page.locator("main")).to_contain_text("Stoppet")
    expect(page.locator("#decision-log")).to_contain_text("Opkaldene falder ikke")
    expect(page.locator("#decision-log")).to_contain_text("Test løsningen med borgerne")
    assert_accessible(page)
