import pytest

from core.models import Change
from strategy.models import Strategy, Theme


@pytest.fixture
def url(org, strategy):
    return f"/{org.slug}/strategies/{strategy.pk}/"


def test_it_shows_the_whole_tree(client, member, initiative, url):
    client.force_login(member)
    html = client.get(url).content.decode()
    for text in (
        "Flere hænder",
        "Mere <em>velfærd</em>",
        "Borgeren i centrum",
        "Selvbetjening",
        "Digitale ansøgninger",
        "I-001",
    ):
        assert text in html


def test_a_reader_sees_no_edit_links(client, reader, url, org, strategy):
    client.force_login(reader)
    html = client.get(url).content.decode()
    assert "/edit/vision/" not in html
    r = client.post(
        f"/{org.slug}/strategies/{strategy.pk}/edit/vision/", {"vision": "x", "version": 1}
    )
    assert r.status_code == 403
    assert Strategy.objects.get().vision == "Mere *velfærd*"


def test_it_edits_a_section_without_javascript(client, member, org, strategy):
    client.force_login(member)
    r = client.post(
        f"/{org.slug}/strategies/{strategy.pk}/edit/vision/", {"vision": "Ny vision", "version": 1}
    )
    assert r.status_code == 302
    strategy.refresh_from_db()
    assert strategy.vision == "Ny vision" and strategy.version == 2
    change = Change.objects.get(action="updated")
    assert change.user == member and change.changes["vision"] == ["Mere *velfærd*", "Ny vision"]


def test_it_returns_the_tree_fragment_for_htmx(client, member, org, strategy):
    client.force_login(member)
    r = client.post(
        f"/{org.slug}/strategies/{strategy.pk}/edit/vision/",
        {"vision": "Htmx vision", "version": 1},
        HTTP_HX_REQUEST="true",
    )
    assert r.status_code == 200
    assert r["HX-Retarget"] == "#strategy-tree"
    html = r.content.decode()
    assert 'id="strategy-tree"' in html and "<html" not in html and "Htmx vision" in html


def test_the_edit_form_is_a_fragment_for_htmx(client, member, org, strategy):
    client.force_login(member)
    r = client.get(f"/{org.slug}/strategies/{strategy.pk}/edit/governance/", HTTP_HX_REQUEST="true")
    html = r.content.decode()
    assert "<html" not in html and "hx-post=" in html and 'name="governance"' in html


def test_a_stale_edit_is_refused(client, member, org, strategy):
    client.force_login(member)
    client.post(
        f"/{org.slug}/strategies/{strategy.pk}/edit/vision/", {"vision": "Første", "version": 1}
    )
    r = client.post(
        f"/{org.slug}/strategies/{strategy.pk}/edit/vision/", {"vision": "Anden", "version": 1}
    )
    assert r.status_code == 409
    assert "Someone else saved" in r.content.decode() or "En anden har gemt" in r.content.decode()
    strategy.refresh_from_db()
    assert strategy.vision == "Første"


def test_an_invalid_period_is_refused_and_nothing_changes(client, member, org, strategy):
    client.force_login(member)
    r = client.post(
        f"/{org.slug}/strategies/{strategy.pk}/edit/basics/",
        {"title": "X", "period_start": 2029, "period_end": 2026, "version": 1},
    )
    assert r.status_code == 200
    assert "alert-error" in r.content.decode()
    strategy.refresh_from_db()
    assert (strategy.title, strategy.period_start) == ("Digitaliseringsstrategi", 2026)


def test_an_archived_strategy_is_read_only(client, member, org, strategy):
    strategy.status = "archived"
    strategy.save()
    client.force_login(member)
    r = client.post(
        f"/{org.slug}/strategies/{strategy.pk}/themes/add/", {"title": "Nyt tema", "order": 0}
    )
    assert r.status_code == 403
    assert not Theme.objects.filter(title="Nyt tema").exists()
    assert (
        "/themes/add/" not in client.get(f"/{org.slug}/strategies/{strategy.pk}/").content.decode()
    )


def test_a_decision_maker_approves_and_it_is_logged(client, org, strategy):
    from conftest import _member

    boss = _member(org, "boss@skovby.dk", "decision_maker")
    client.force_login(boss)
    client.post(
        f"/{org.slug}/strategies/{strategy.pk}/status/",
        {"status": "approved", "version": strategy.version},
    )
    strategy.refresh_from_db()
    assert strategy.status == "approved"
    assert Change.objects.filter(user=boss, object_id=strategy.pk).exists()


def test_a_portfolio_manager_cannot_approve(client, member, org, strategy):
    client.force_login(member)
    assert (
        client.post(
            f"/{org.slug}/strategies/{strategy.pk}/status/", {"status": "approved"}
        ).status_code
        == 403
    )


def test_markdown_is_rendered_safely(client, member, org, strategy):
    strategy.vision = "<script>alert(1)</script>[x](javascript:alert(1)) **ok**"
    strategy.save()
    client.force_login(member)
    html = client.get(f"/{org.slug}/strategies/{strategy.pk}/").content.decode()
    assert (
        "<script>alert" not in html and "javascript:" not in html and "<strong>ok</strong>" in html
    )


def test_an_invalid_htmx_edit_swaps_the_form_with_its_errors(client, member, org, strategy):
    client.force_login(member)
    r = client.post(
        f"/{org.slug}/strategies/{strategy.pk}/edit/basics/",
        {"title": "", "period_start": 2026, "period_end": 2029, "version": 1},
        HTTP_HX_REQUEST="true",
    )
    assert (
        r.status_code == 200
        and "alert-error" in r.content.decode()
        and "<html" not in r.content.decode()
    )
