"""The public page without login: only the published frozen version, amounts and people
hidden by default, 404 when nothing is published; and the intranet page for members."""

import pytest
from django.core.cache import cache

from governance.models import BodyKind
from publication import services
from publication.models import PublicPage
from reporting.models import StatusReport


@pytest.fixture(autouse=True)
def _empty_cache(db):
    cache.clear()


@pytest.fixture
def approved(strategy, bodies, decider, plan):
    version = services.recommend(
        strategy=strategy, body=bodies[BodyKind.EXECUTIVE_BOARD], user=decider
    )
    services.approve(version=version, body=bodies[BodyKind.COUNCIL], user=decider)
    version.refresh_from_db()
    return version


def test_an_organisation_that_published_nothing_is_not_found(client, org, other_org, approved):
    assert client.get("/public/skovby/").status_code == 404  # approved, not published
    assert client.get("/public/fjellvik/").status_code == 404
    assert client.get("/public/no-such-place/").status_code == 404
    assert client.get("/public/skovby/note.pdf").status_code == 404


def test_a_draft_or_a_recommendation_cannot_be_published(strategy, bodies, decider):
    version = services.recommend(
        strategy=strategy, body=bodies[BodyKind.EXECUTIVE_BOARD], user=decider
    )
    with pytest.raises(services.ApprovalError):
        services.publish(version=version, intranet=True, public=True, user=decider)
    version.refresh_from_db()
    assert not version.public and not version.intranet


def test_the_public_page_shows_the_frozen_version_after_later_edits(
    client, strategy, approved, member
):
    services.publish(version=approved, intranet=False, public=True, user=member)
    strategy.vision = "Et udkast, ingen må se endnu"
    strategy.save()
    strategy.themes.update(title="Nyt tema i udkastet")
    page = client.get("/public/skovby/").content.decode()
    assert "velfærd" in page
    assert "Et udkast" not in page and "Nyt tema i udkastet" not in page
    assert "Borgeren i centrum" in page
    assert "I-001" in page and "Ny borgerportal" in page


def test_amounts_and_people_are_hidden_unless_turned_on(
    client, org, strategy, approved, member, initiative
):
    services.publish(version=approved, intranet=False, public=True, user=member)
    page = client.get("/public/skovby/").content.decode()
    assert "400.000" not in page and "400,000" not in page
    assert str(initiative.initiative_lead) not in page
    PublicPage.objects.create(organisation=org, show_amounts=True, show_people=True)
    services.forget_public_page(org)
    page = client.get("/public/skovby/").content.decode()
    assert "400.000" in page
    assert str(initiative.initiative_lead) in page


def test_the_initiatives_show_their_stage_and_latest_light_now(
    client, approved, member, initiative
):
    services.publish(version=approved, intranet=False, public=True, user=member)
    StatusReport.objects.create(
        organisation=initiative.organisation,
        initiative=initiative,
        reported_on="2026-11-01",
        time="green",
        cost="yellow",
        scope="green",
        benefits="green",
        summary="Intern tekst, der ikke hører til på den offentlige side",
    )
    page = client.get("/public/skovby/").content.decode()
    assert '<br><span class="styr-light styr-light-yellow">Gul: ' in page
    assert '</span> <span class="styr-muted">(01.11.2026)</span></td>' in page
    assert "Intern tekst" not in page


def test_publishing_again_moves_the_cache_on(client, approved, member):
    services.publish(version=approved, intranet=False, public=True, user=member)
    assert client.get("/public/skovby/").status_code == 200
    services.publish(version=approved, intranet=False, public=False, user=member)
    assert client.get("/public/skovby/").status_code == 404


def test_markup_in_any_text_appears_literally(client, org, strategy, bodies, decider, member):
    strategy.vision = "<script>alert('x')</script> #set page(width: 1cm)"
    strategy.save()
    strategy.themes.update(title="<b>fed</b>")
    version = services.recommend(
        strategy=strategy, body=bodies[BodyKind.EXECUTIVE_BOARD], user=decider
    )
    services.approve(version=version, body=bodies[BodyKind.COUNCIL], user=decider)
    version.refresh_from_db()
    services.publish(version=version, intranet=True, public=True, user=member)
    page = client.get("/public/skovby/").content.decode()
    assert "<script>alert" not in page  # Markdown is sanitised (core.markdown)
    assert "<b>fed</b>" not in page and "&lt;b&gt;fed&lt;/b&gt;" in page
    r = client.get("/public/skovby/short.pdf")
    assert r.status_code == 200 and r.content.startswith(b"%PDF")


def test_the_public_documents_hide_amounts_by_default(client, approved, member):
    from publication import documents, pages

    services.publish(version=approved, intranet=False, public=True, user=member)
    assert client.get("/public/skovby/note.docx").status_code == 200
    org = approved.organisation
    hidden = documents.note_data(pages.source(approved, approved.snapshot, org, amounts=False))
    assert hidden["plan"]["chart"] is None
    assert all(row[1] == "–" for row in hidden["plan"]["figures"])


def test_members_read_the_intranet_version_and_outsiders_do_not(
    client, approved, member, reader, outsider
):
    client.force_login(reader)
    assert "Selvbetjening" not in client.get("/skovby/published/").content.decode()
    services.publish(version=approved, intranet=True, public=False, user=member)
    page = client.get("/skovby/published/").content.decode()
    assert "Selvbetjening" in page
    assert client.get("/public/skovby/").status_code == 404  # intranet only
    client.force_login(outsider)
    assert client.get("/skovby/published/").status_code == 404


def test_the_public_page_works_on_a_phone_without_a_session_cookie(client, approved, member):
    services.publish(version=approved, intranet=False, public=True, user=member)
    r = client.get("/public/skovby/")
    assert 'name="viewport"' in r.content.decode()
    assert "csrfmiddlewaretoken" not in r.content.decode()  # the page is cached for all
    assert "sessionid" not in r.cookies
