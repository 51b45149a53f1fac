"""Error pages in the user's language, in the design system's look (issue 13)."""

from django.test import RequestFactory
from django.views.defaults import server_error


def test_an_unknown_page_is_a_danish_404_page(client, member):
    client.force_login(member)
    r = client.get("/skovby/findes-ikke/")
    assert r.status_code == 404
    text = r.content.decode()
    assert "Siden blev ikke fundet" in text and "dkfds" in text


def test_a_forbidden_page_is_a_danish_403_page(client, reader, strategy):
    client.force_login(reader)
    r = client.get("/skovby/strategies/new/")
    assert r.status_code == 403
    assert "Du har ikke adgang" in r.content.decode()


def test_the_500_page_needs_no_database_and_is_danish(db):
    r = server_error(RequestFactory().get("/"))
    assert r.status_code == 500
    assert "Der opstod en fejl" in r.content.decode()


def test_a_norwegian_user_gets_the_404_page_in_bokmal(client, outsider):
    client.force_login(outsider)
    r = client.get("/fjellvik/finnes-ikke/")
    assert r.status_code == 404 and "Siden ble ikke funnet" in r.content.decode()


def test_a_non_staff_user_creating_an_organisation_gets_the_403_page(client, member):
    client.force_login(member)
    r = client.get("/organisations/new/")
    assert r.status_code == 403 and "Du har ikke adgang" in r.content.decode()


def test_the_permission_table_speaks_danish(client, member):
    client.force_login(member)
    text = client.get("/permissions/").content.decode()
    assert "edit_strategy" not in text and "Godkende en business case" in text


def test_the_favicon_is_found(client, db):
    r = client.get("/favicon.ico")
    assert r.status_code == 301 and r["Location"].endswith("favicon.svg")
