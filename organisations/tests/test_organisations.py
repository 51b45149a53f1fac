from pathlib import Path

from organisations.models import Membership, Municipality, Organisation
from organisations.permissions import Perm, Role, has_perm, permission_table_markdown


def test_the_municipalities_ship_with_styr(db):
    assert Municipality.objects.filter(country="DK").count() == 98
    assert Municipality.objects.filter(country="NO").count() == 357
    assert Municipality.objects.get(country="DK", code="0751").name == "Aarhus"
    assert Municipality.objects.get(country="NO", code="5501").name == "Tromsø"
    assert not Municipality.objects.filter(
        code="0411"
    ).exists()  # Christiansø is not a municipality


def test_the_permission_docs_match_the_code():
    doc = (Path(__file__).resolve().parents[2] / "docs" / "permissions.md").read_text()
    assert permission_table_markdown() in doc


def test_roles_are_ordered_by_power():
    assert has_perm(Role.ADMIN, Perm.MANAGE_MEMBERS)
    assert not has_perm(Role.READER, Perm.PROPOSE_INITIATIVE)
    assert has_perm(Role.CONTRIBUTOR, Perm.PROPOSE_INITIATIVE)
    assert not has_perm(Role.CONTRIBUTOR, Perm.CREATE_INITIATIVE)
    assert not has_perm(None, Perm.VIEW)


def test_staff_create_an_organisation_from_the_official_list(client, django_user_model):
    staff = django_user_model.objects.create_user("staff@styr.dk", "pw-123456-x", is_staff=True)
    client.force_login(staff)
    bergen = Municipality.objects.get(country="NO", code="4601")
    r = client.post("/organisations/new/", {"municipality": bergen.pk, "slug": ""})
    assert r.status_code == 302
    org = Organisation.objects.get(code="4601")
    assert (org.slug, org.country, org.currency, org.language) == ("bergen", "NO", "NOK", "nb")
    assert Membership.objects.get(organisation=org).role == Role.ADMIN
    r = client.post("/organisations/new/", {"municipality": bergen.pk, "slug": "admin"})
    assert r.status_code == 200 and Organisation.objects.count() == 1


def test_non_staff_cannot_create_organisations(client, member):
    client.force_login(member)
    assert client.get("/organisations/new/").status_code == 403  # not the admin's login
    count = Organisation.objects.count()
    r = client.post("/organisations/new/", {"name": "Ny kommune", "slug": "ny"})
    assert r.status_code == 403 and Organisation.objects.count() == count


def test_an_admin_adds_a_member_and_changes_the_role(client, admin_member, org):
    client.force_login(admin_member)
    r = client.post(
        f"/{org.slug}/members/", {"email": "Ny@Skovby.dk", "name": "Ny", "role": "reader"}
    )
    assert r.status_code == 302
    m = Membership.objects.get(user__email="ny@skovby.dk")
    client.post(f"/{org.slug}/members/{m.pk}/role/", {"role": "initiative_lead"})
    m.refresh_from_db()
    assert m.role == "initiative_lead"
    r = client.post(f"/{org.slug}/members/", {"email": "ny@skovby.dk", "role": "reader"})
    assert (
        r.status_code == 200 and Membership.objects.filter(user__email="ny@skovby.dk").count() == 1
    )


def test_the_last_administrator_cannot_be_removed(client, admin_member, org):
    client.force_login(admin_member)
    m = Membership.objects.get(user=admin_member)
    client.post(f"/{org.slug}/members/{m.pk}/remove/")
    client.post(f"/{org.slug}/members/{m.pk}/role/", {"role": "reader"})
    m.refresh_from_db()
    assert m.role == "admin"


def test_a_reader_cannot_manage_members(client, reader, org):
    client.force_login(reader)
    assert (
        client.post(f"/{org.slug}/members/", {"email": "x@y.dk", "role": "admin"}).status_code
        == 403
    )
    assert not Membership.objects.filter(user__email="x@y.dk").exists()


def test_a_user_in_two_organisations_sees_both(client, member, org, other_org):
    Membership.objects.create(user=member, organisation=other_org, role="reader")
    client.force_login(member)
    html = client.get("/").content.decode()
    assert "Skovby Kommune" in html and "Fjellvik kommune" in html
    assert client.get(f"/{other_org.slug}/").status_code == 200
