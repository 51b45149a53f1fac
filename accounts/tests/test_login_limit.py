"""The failed-login limit is kept where every process sees it and answers 429 with a clear
Danish message (issue 12)."""

from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connection


def test_without_redis_the_counter_lives_in_the_database_every_worker_shares(settings):
    assert "REDIS_URL" not in settings.CACHES["default"].get("LOCATION", "")
    assert isinstance(caches["default"], DatabaseCache)


def test_the_sixth_wrong_password_is_refused_with_429(client, member):
    for _ in range(5):
        r = client.post("/accounts/login/", {"login": "member@skovby.dk", "password": "forkert"})
        assert r.status_code == 200
    r = client.post("/accounts/login/", {"login": "member@skovby.dk", "password": "forkert"})
    assert r.status_code == 429
    assert "For mange mislykkede loginforsøg" in r.content.decode()
    # Even the right password waits until the limit has passed.
    r = client.post(
        "/accounts/login/", {"login": "member@skovby.dk", "password": "password-123-abc"}
    )
    assert r.status_code == 429


def test_the_counter_is_in_the_database_table_where_any_process_finds_it(client, member):
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM styr_cache")
        before = cursor.fetchone()[0]
    client.post("/accounts/login/", {"login": "member@skovby.dk", "password": "forkert"})
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM styr_cache")
        assert cursor.fetchone()[0] > before


def test_the_login_page_offers_no_sign_up_while_it_is_closed(client, db, settings):
    text = client.get("/accounts/login/").content.decode()
    assert "/accounts/signup/" not in text
    assert 'class="form-input' in text and 'class="form-checkbox' in text
    settings.ACCOUNT_ALLOW_SIGNUPS = True
    assert "/accounts/signup/" in client.get("/accounts/login/").content.decode()
