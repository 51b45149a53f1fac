from django.conf import settings

from accounts.models import PersonalAccessToken


def test_passwords_are_hashed_with_argon2(member):
    assert member.password.startswith("argon2")


def test_login_is_rate_limited_and_mfa_is_available():
    assert "login_failed" in settings.ACCOUNT_RATE_LIMITS
    assert "totp" in settings.MFA_SUPPORTED_TYPES


def test_the_login_page_logs_in_with_email(client, member):
    r = client.post(
        "/accounts/login/", {"login": "member@skovby.dk", "password": "password-123-abc"}
    )
    assert r.status_code == 302
    assert client.get("/").status_code == 302  # straight to the one organisation


def test_a_token_is_shown_once_and_stored_hashed(client, member, org):
    client.force_login(member)
    r = client.post(
        "/me/tokens/new/", {"name": "Power BI", "organisation": org.pk, "scope": "read", "days": 90}
    )
    raw = r.context["raw"]
    assert raw.startswith("styr_")
    token = PersonalAccessToken.objects.get()
    assert raw not in (token.digest, token.prefix) and len(token.digest) == 64
    assert PersonalAccessToken.authenticate(raw) == token
    client.post(f"/me/tokens/{token.pk}/revoke/")
    assert PersonalAccessToken.authenticate(raw) is None


def test_a_token_cannot_be_made_for_a_foreign_organisation(client, member, other_org):
    client.force_login(member)
    r = client.post(
        "/me/tokens/new/", {"name": "x", "organisation": other_org.pk, "scope": "write", "days": 30}
    )
    assert r.context["raw"] is None and not PersonalAccessToken.objects.exists()


def test_the_language_is_danish_by_default_and_the_user_can_choose(client, member, org):
    client.force_login(member)
    r = client.get(f"/{org.slug}/", HTTP_ACCEPT_LANGUAGE="en")
    assert r["Content-Language"] == "da"
    client.post("/language/", {"language": "nb", "next": f"/{org.slug}/"})
    member.refresh_from_db()
    assert member.language == "nb"
    r = client.get(f"/{org.slug}/")
    assert r["Content-Language"] == "nb"
    assert 'lang="nb"' in r.content.decode()
