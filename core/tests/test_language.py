"""Which language a page is in: the user's choice, else the organisation's, else Danish."""

from conftest import _member


def test_a_norwegian_municipalitys_admin_gets_bokmal_whatever_the_browser(client, outsider):
    client.force_login(outsider)  # administrator of Fjellvik (Norway), no language chosen
    r = client.get("/fjellvik/", HTTP_ACCEPT_LANGUAGE="da,en;q=0.8")
    assert r.headers["Content-Language"] == "nb"
    assert '<html lang="nb">' in r.content.decode()
    assert client.get("/me/").headers["Content-Language"] == "nb"


def test_the_users_own_choice_wins(client, outsider):
    outsider.language = "en"
    outsider.save()
    client.force_login(outsider)
    assert client.get("/fjellvik/").headers["Content-Language"] == "en"


def test_a_member_of_both_countries_gets_each_organisations_language(client, member, other_org):
    Membership = type(member.memberships.get())
    Membership.objects.create(user=member, organisation=other_org, role="reader")
    client.force_login(member)
    assert client.get("/fjellvik/").headers["Content-Language"] == "nb"
    assert client.get("/skovby/").headers["Content-Language"] == "da"
    assert client.get("/me/").headers["Content-Language"] == "da"  # mixed: Danish


def test_without_a_login_the_page_is_danish(client, db):
    r = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en")
    assert r.headers["Content-Language"] == "da"


def test_a_new_member_of_a_danish_municipality_gets_danish(client, org):
    user = _member(org, "ny@skovby.dk", "reader")
    client.force_login(user)
    assert client.get("/skovby/").headers["Content-Language"] == "da"
