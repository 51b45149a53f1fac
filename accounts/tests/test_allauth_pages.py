def test_the_mfa_and_password_pages_render_in_the_styr_layout(client, member):
    client.force_login(member)
    for url in ("/accounts/2fa/", "/accounts/password/change/", "/accounts/reauthenticate/"):
        r = client.get(url)
        assert r.status_code == 200, url
        assert "dkfds" in r.content.decode(), url


def test_the_login_page_offers_the_municipalitys_identity_provider(client, settings, db):
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {
            "APPS": [
                {
                    "provider_id": "skovby-entra",
                    "name": "Skovby login",
                    "client_id": "abc",
                    "secret": "",
                    "settings": {"server_url": "https://login.example/v2.0"},
                }
            ]
        }
    }
    html = client.get("/accounts/login/").content.decode()
    assert "Skovby login" in html
