"""Publishing is a reviewed snapshot that later edits do not leak; another municipality
finds it, adopts it as an idea with a draft case, and the publisher sees only the count;
a withdrawn entry is gone for everyone."""

from catalogue.models import Adoption, Entry
from catalogue.services import CatalogueError, adopt, withdraw
from finance.models import BusinessCase
from initiatives.models import Initiative
from organisations.models import Membership


def test_the_entry_freezes_the_reviewed_profile(entry, approved):
    assert entry.publisher_name == "Skovby Kommune"
    assert entry.title == approved.title and entry.track == "must_win"
    assert entry.case["npv"] == round(entry.case["npv"], 2) and entry.case["data"]["lines"]
    assert entry.benefits[0]["title"] == "Færre opkald"
    assert entry.lessons == "Start med nulpunktsmålingen."
    assert entry.contact == ""


def test_later_edits_of_the_initiative_do_not_leak(client, entry, approved, neighbour):
    Initiative.objects.filter(pk=approved.pk).update(
        title="Hemmelig ny titel", description="Intern plan"
    )
    client.force_login(neighbour)
    page = client.get(f"/fjellvik/catalogue/{entry.key}/").content.decode()
    assert "Hemmelig ny titel" not in page and "Intern plan" not in page
    assert approved.title in page


def test_a_neighbour_finds_and_adopts_it_once(client, entry, neighbour, other_org):
    client.force_login(neighbour)
    listing = client.get("/fjellvik/catalogue/?q=borgerportal").content.decode()
    assert entry.title in listing
    r = client.post(f"/fjellvik/catalogue/{entry.key}/adopt/")
    assert r.status_code == 302
    idea = Initiative.objects.get(organisation=other_org)
    assert idea.stage == "idea" and idea.track == "must_win"
    assert "Skovby Kommune" in idea.description and idea.result_goals
    case = BusinessCase.objects.get(initiative=idea)
    assert case.lines.count() == len(entry.case["data"]["lines"])
    assert case.discount_rate == other_org.discount_rate
    page = client.get(f"/fjellvik/initiatives/{idea.number}/").content.decode()
    assert f"/fjellvik/catalogue/{entry.key}/" in page  # a link back to the entry
    client.post(f"/fjellvik/catalogue/{entry.key}/adopt/")
    assert Initiative.objects.filter(organisation=other_org).count() == 1
    entry.refresh_from_db()
    assert entry.adoptions == 1 and Adoption.objects.count() == 1


def test_the_publisher_sees_how_many_adopted_but_not_who(
    client, entry, neighbour, other_org, member
):
    adopt(
        entry=entry,
        organisation=other_org,
        membership=Membership.objects.get(user=neighbour),
        user=neighbour,
    )
    client.force_login(member)
    page = client.get(f"/skovby/catalogue/{entry.key}/").content.decode()
    assert "Fjellvik" not in page
    assert "1" in page


def test_an_organisation_cannot_adopt_its_own_entry(entry, org, member):
    try:
        adopt(
            entry=entry,
            organisation=org,
            membership=Membership.objects.get(user=member),
            user=member,
        )
    except CatalogueError:
        pass
    else:
        raise AssertionError("adopted its own entry")


def test_a_withdrawn_entry_is_gone_for_everyone(client, entry, member, neighbour):
    withdraw(entry=entry, user=member)
    client.force_login(neighbour)
    assert client.get(f"/fjellvik/catalogue/{entry.key}/").status_code == 404
    assert client.get(f"/fjellvik/catalogue/{entry.key}/export.json").status_code == 404
    assert client.post(f"/fjellvik/catalogue/{entry.key}/adopt/").status_code == 404
    assert entry.title not in client.get("/fjellvik/catalogue/").content.decode()
    client.force_login(member)
    assert client.get(f"/skovby/catalogue/{entry.key}/").status_code == 200  # its own


def test_publishing_again_updates_the_same_entry(client, entry, approved, member):
    client.force_login(member)
    r = client.post(
        f"/skovby/initiatives/{approved.number}/publish/",
        {"title": "Ny borgerportal 2.0", "description": "Opdateret", "lessons": "", "contact": ""},
    )
    assert r.status_code == 302
    (only,) = Entry.objects.all()
    assert only.key == entry.key and only.title == "Ny borgerportal 2.0"


def test_a_reader_cannot_publish_and_an_outsider_cannot_reach_it(
    client, approved, reader, neighbour
):
    client.force_login(reader)
    assert client.get(f"/skovby/initiatives/{approved.number}/publish/").status_code == 403
    client.force_login(neighbour)
    assert client.get(f"/skovby/initiatives/{approved.number}/publish/").status_code == 404
    assert not Entry.objects.exists()


def test_nothing_unpublished_is_in_the_catalogue(client, approved, neighbour):
    client.force_login(neighbour)
    assert approved.title not in client.get("/fjellvik/catalogue/").content.decode()
    assert client.get("/api/v1/organisations/fjellvik/catalogue").json()["count"] == 0
