"""The executive board recommends and the council approves, each within its mandate; the
recommendation freezes a version that stays as it was after later edits."""

import pytest

from governance.models import BodyKind, Decision
from governance.services import MandateError
from publication import services
from publication.models import StrategyVersion, VersionStatus
from strategy.models import Strategy


def test_the_board_recommends_and_the_council_approves_the_frozen_version(
    strategy, bodies, decider
):
    version = services.recommend(
        strategy=strategy, body=bodies[BodyKind.EXECUTIVE_BOARD], user=decider
    )
    assert version.number == 1 and version.status == VersionStatus.RECOMMENDED
    assert version.snapshot["strategy"]["vision"] == "Mere *velfærd*"
    services.approve(version=version, body=bodies[BodyKind.COUNCIL], user=decider)
    version.refresh_from_db()
    assert version.status == VersionStatus.APPROVED
    assert Strategy.objects.get().status == "approved"
    kinds = list(Decision.objects.order_by("pk").values_list("kind", "body__kind"))
    assert kinds == [
        ("recommend_strategy", "executive_board"),
        ("approve_strategy", "council"),
    ]


def test_the_council_cannot_approve_without_the_boards_recommendation(strategy, bodies, decider):
    version = services.recommend(
        strategy=strategy, body=bodies[BodyKind.EXECUTIVE_BOARD], user=decider
    )
    services.withdraw(version=version, user=decider)
    with pytest.raises(services.ApprovalError):
        services.approve(version=version, body=bodies[BodyKind.COUNCIL], user=decider)
    assert not Decision.objects.filter(kind="approve_strategy").exists()


def test_each_step_needs_its_bodys_mandate(strategy, bodies, decider):
    with pytest.raises(MandateError):
        services.recommend(strategy=strategy, body=bodies[BodyKind.COUNCIL], user=decider)
    assert not StrategyVersion.objects.exists()
    version = services.recommend(
        strategy=strategy, body=bodies[BodyKind.EXECUTIVE_BOARD], user=decider
    )
    with pytest.raises(MandateError):
        services.approve(version=version, body=bodies[BodyKind.EXECUTIVE_BOARD], user=decider)
    version.refresh_from_db()
    assert version.status == VersionStatus.RECOMMENDED  # nothing half-saved


def test_an_approved_version_stays_as_it_was_after_later_edits(strategy, bodies, decider):
    version = services.recommend(
        strategy=strategy, body=bodies[BodyKind.EXECUTIVE_BOARD], user=decider
    )
    services.approve(version=version, body=bodies[BodyKind.COUNCIL], user=decider)
    strategy.refresh_from_db()
    strategy.vision = "En helt ny vision"
    strategy.save()
    strategy.focus_areas.update(title="Omdøbt")
    version.refresh_from_db()
    assert version.snapshot["strategy"]["vision"] == "Mere *velfærd*"
    assert version.snapshot["themes"][0]["focus_areas"][0]["title"] == "Selvbetjening"


def test_a_new_approval_supersedes_the_old_version_and_takes_it_down(strategy, bodies, decider):
    board, council = bodies[BodyKind.EXECUTIVE_BOARD], bodies[BodyKind.COUNCIL]
    first = services.recommend(strategy=strategy, body=board, user=decider)
    services.approve(version=first, body=council, user=decider)
    services.publish(version=first, intranet=True, public=True, user=decider)
    second = services.recommend(strategy=strategy, body=board, user=decider)
    assert second.number == 2
    services.approve(version=second, body=council, user=decider)
    first.refresh_from_db()
    assert first.status == VersionStatus.SUPERSEDED
    assert not first.intranet and not first.public


def test_a_second_recommendation_withdraws_the_first(strategy, bodies, decider):
    board = bodies[BodyKind.EXECUTIVE_BOARD]
    first = services.recommend(strategy=strategy, body=board, user=decider)
    services.recommend(strategy=strategy, body=board, user=decider)
    first.refresh_from_db()
    assert first.status == VersionStatus.WITHDRAWN


def test_an_archived_strategy_cannot_be_recommended(strategy, bodies, decider):
    Strategy.objects.update(status="archived")
    strategy.refresh_from_db()
    with pytest.raises(services.ApprovalError):
        services.recommend(strategy=strategy, body=bodies[BodyKind.EXECUTIVE_BOARD], user=decider)


def test_the_pages_record_both_steps(client, strategy, bodies, decider):
    client.force_login(decider)
    url = f"/skovby/strategies/{strategy.pk}/versions/"
    page = client.get(url).content.decode()
    assert f"/skovby/strategies/{strategy.pk}/versions/recommend/" in page
    r = client.post(
        url + "recommend/",
        {"body": bodies[BodyKind.EXECUTIVE_BOARD].pk, "rationale": "Klar"},
    )
    assert r.status_code == 302
    r = client.post(url + "1/approve/", {"body": bodies[BodyKind.COUNCIL].pk})
    assert r.status_code == 302
    assert StrategyVersion.objects.get().status == VersionStatus.APPROVED


def test_a_body_without_the_mandate_gets_a_clear_message_and_nothing_changes(
    client, strategy, bodies, decider
):
    client.force_login(decider)
    url = f"/skovby/strategies/{strategy.pk}/versions/recommend/"
    r = client.post(url, {"body": bodies[BodyKind.COUNCIL].pk})
    assert r.status_code == 400
    assert "mandat" in r.content.decode().lower()
    assert not StrategyVersion.objects.exists()


def test_a_reader_and_an_office_member_cannot_take_the_steps(
    client, strategy, bodies, reader, member
):
    for who in (reader, member):
        client.force_login(who)
        r = client.post(
            f"/skovby/strategies/{strategy.pk}/versions/recommend/",
            {"body": bodies[BodyKind.EXECUTIVE_BOARD].pk},
        )
        assert r.status_code == 403
    assert not StrategyVersion.objects.exists()


def test_another_municipalitys_versions_are_not_found(client, strategy, bodies, decider, outsider):
    services.recommend(strategy=strategy, body=bodies[BodyKind.EXECUTIVE_BOARD], user=decider)
    client.force_login(outsider)
    for url in (
        f"/skovby/strategies/{strategy.pk}/versions/",
        f"/fjellvik/strategies/{strategy.pk}/versions/",
        f"/fjellvik/strategies/{strategy.pk}/versions/1/",
        f"/fjellvik/strategies/{strategy.pk}/versions/1/note.pdf",
    ):
        assert client.get(url).status_code == 404, url


def test_a_frozen_version_has_no_way_to_be_edited(client, org, strategy, bodies, decider):
    from accounts.models import PersonalAccessToken

    services.recommend(strategy=strategy, body=bodies[BodyKind.EXECUTIVE_BOARD], user=decider)
    client.force_login(decider)
    url = f"/skovby/strategies/{strategy.pk}/versions/1/"
    assert client.post(url, {"snapshot": "{}"}).status_code == 405
    _t, raw = PersonalAccessToken.issue(user=decider, organisation=org, name="t", scope="write")
    api = f"/api/v1/organisations/skovby/strategies/{strategy.pk}/versions/1"
    r = client.patch(
        api, {"snapshot": {}}, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {raw}"
    )
    assert r.status_code == 405
    assert StrategyVersion.objects.get().snapshot["strategy"]["title"] == "Digitaliseringsstrategi"
