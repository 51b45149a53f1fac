"""The demo municipality shows the governance of this issue, and can be loaded again."""

from django.core.management import call_command


def test_the_demo_has_meetings_status_and_a_cycle_and_reloads(client, db):
    from django.contrib.auth import get_user_model

    from governance.models import Decision
    from meetings.models import Meeting

    call_command("demo", verbosity=0)
    call_command("demo", reset=True, verbosity=0)  # once failed on protected keys
    assert Meeting.objects.filter(organisation__slug="skovby").count() == 2
    assert Decision.objects.filter(organisation__slug="skovby").exists()
    client.force_login(get_user_model().objects.get(email="portefolje@skovby.dk"))
    coming = Meeting.objects.get(organisation__slug="skovby", status="draft")
    for url in (
        "/skovby/status/",
        "/skovby/meetings/",
        f"/skovby/meetings/{coming.pk}/",
        "/skovby/cycle/",
        "/skovby/governance/checklists/",
    ):
        assert client.get(url).status_code == 200, url
    page = client.get("/skovby/status/").content.decode()
    assert "Rød" in page
    assert coming.items.filter(kind="gate").exists()
