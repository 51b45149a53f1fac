import re

import pytest

from core.models import Change
from initiatives.models import Initiative


def _data(**overrides):
    data = {
        "title": "Digital post",
        "description": "",
        "track": "prerequisite",
        "source": "own",
        "stage": "idea",
        "tags_text": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def url(org):
    return f"/{org.slug}/initiatives/new/"


def test_it_registers_an_initiative_with_number_owner_and_history(
    client, member, org, url, strategy
):
    from governance.services import create_defaults

    create_defaults(org)
    client.force_login(member)
    fa = strategy.focus_areas.first()
    r = client.post(url, _data(focus_areas=[fa.pk], tags_text="AI, Borgerservice, ai"))
    assert r.status_code == 302
    i = Initiative.objects.get()
    assert i.organisation == org and i.number == 1 and i.reference == "I-001"
    assert i.owner_body.kind == "digitalisation_office"  # the prerequisite track's default
    assert sorted(t.name for t in i.tags.all()) == ["AI", "Borgerservice"]
    assert list(i.focus_areas.all()) == [fa]
    assert Change.objects.get(object_id=i.pk).action == "created"


def test_a_must_win_challenge_needs_result_goals(client, member, url):
    client.force_login(member)
    r = client.post(url, _data(track="must_win"))
    assert r.status_code == 200
    assert "result" in r.content.decode().lower() or "resultat" in r.content.decode().lower()
    assert not Initiative.objects.exists()


def test_a_mandatory_solution_needs_ambition_and_deadline(client, member, url):
    client.force_login(member)
    r = client.post(url, _data(track="mandatory"))
    form = r.context["form"]
    assert "ambition" in form.errors and "deadline" in form.errors
    assert not Initiative.objects.exists()


def test_the_ambition_level_sets_the_default_engagement(client, member, url):
    client.force_login(member)
    client.post(
        url, _data(track="mandatory", ambition="high", deadline="2027-12-31", source="kombit")
    )
    i = Initiative.objects.get()
    assert (i.engagement_clarify, i.engagement_pilot, i.engagement_implement) == (
        "active",
        "join",
        "first",
    )


def test_a_dependency_cycle_is_refused_with_the_path(client, member, org, initiative):
    a = initiative
    b = Initiative.objects.create(organisation=org, number=2, title="B", track="prerequisite")
    b.depends_on.add(a)
    client.force_login(member)
    r = client.post(
        f"/{org.slug}/initiatives/1/edit/",
        _data(
            title=a.title, track="must_win", result_goals="x", depends_on=[b.pk], version=a.version
        ),
    )
    assert r.status_code == 200
    assert "I-001 → I-002 → I-001" in r.content.decode()
    assert not a.depends_on.exists()


def test_the_second_of_two_concurrent_saves_is_refused(client, member, org, initiative):
    client.force_login(member)
    url = f"/{org.slug}/initiatives/1/edit/"
    first = client.post(url, _data(title="Første", track="must_win", result_goals="x", version=1))
    assert first.status_code == 302
    second = client.post(url, _data(title="Anden", track="must_win", result_goals="x", version=1))
    assert second.status_code == 409
    initiative.refresh_from_db()
    assert initiative.title == "Første" and initiative.version == 2


def test_the_history_records_what_changed(client, member, org, initiative):
    client.force_login(member)
    client.post(
        f"/{org.slug}/initiatives/1/edit/",
        _data(
            title="Nyt navn",
            track="must_win",
            result_goals="Færre opkald",
            stage="idea",
            version=1,
        ),
    )
    change = Change.objects.get(action="updated")
    assert change.changes["title"] == ["Ny borgerportal", "Nyt navn"]
    assert change.changes["stage"] == ["clarify", "idea"]
    html = client.get(f"/{org.slug}/initiatives/1/").content.decode()
    assert "Nyt navn" in html and "Ny borgerportal" in html and "Idé" in html


def test_a_reader_cannot_register_or_edit(client, reader, org, initiative, url):
    client.force_login(reader)
    assert client.post(url, _data()).status_code == 403
    assert client.get(f"/{org.slug}/initiatives/1/edit/").status_code == 403


def test_an_initiative_lead_edits_only_own_initiatives(client, org, initiative):
    from conftest import _member

    lead = _member(org, "lead@skovby.dk", "initiative_lead")
    client.force_login(lead)
    assert client.get(f"/{org.slug}/initiatives/1/edit/").status_code == 403
    initiative.initiative_lead = lead
    initiative.save()
    assert client.get(f"/{org.slug}/initiatives/1/edit/").status_code == 200


def test_a_contributor_can_only_propose_an_idea(client, org, url):
    from conftest import _member

    employee = _member(org, "medarbejder@skovby.dk", "contributor")
    client.force_login(employee)
    r = client.post(url, _data(stage="implementation"))
    assert r.status_code == 200 and "stage" in r.context["form"].errors
    client.post(url, _data(stage="idea"))
    assert Initiative.objects.get().stage == "idea"


def test_people_from_another_organisation_cannot_be_chosen(client, member, outsider, url):
    client.force_login(member)
    r = client.post(url, _data(initiative_lead=outsider.pk))
    assert "initiative_lead" in r.context["form"].errors


def test_the_dependency_lists_offer_every_other_initiative_by_name_and_check_the_linked(
    client, member, org, initiative
):
    b = Initiative.objects.create(
        organisation=org, number=2, title="Borgerportal", track="must_win"
    )
    c = Initiative.objects.create(
        organisation=org, number=3, title="Datalager", track="prerequisite"
    )
    initiative.depends_on.add(b)
    client.force_login(member)
    page = client.get(f"/{org.slug}/initiatives/1/edit/").content.decode()
    for field in ("depends_on", "alternatives"):
        # I-002 and I-003, not the initiative itself.
        assert re.findall(rf'name="{field}" id="id_{field}_\d" value="(\d+)"', page) == [
            str(b.pk),
            str(c.pk),
        ]
    assert f'name="depends_on" id="id_depends_on_0" value="{b.pk}" checked' in page
    assert f'name="alternatives" id="id_alternatives_0" value="{b.pk}">' in page
    assert "I-002 Borgerportal" in page and "I-003 Datalager" in page
    # An id outside the choices (another organisation's or unknown) is refused.
    r = client.post(
        f"/{org.slug}/initiatives/1/edit/",
        _data(
            title=initiative.title,
            track="must_win",
            result_goals="x",
            depends_on=[999_999],
            version=initiative.version,
        ),
    )
    assert r.status_code == 200
    assert list(initiative.depends_on.all()) == [b]
