"""Everyone can come in: a person on an organisation's e-mail domain becomes a contributor
on first login, through the municipality's identity provider (a local stub of an OpenID
Connect provider: allauth's own provider turns its claims into the login) or with a
verified e-mail; in the department the identity provider names."""

import pytest
from allauth.account.models import EmailAddress
from allauth.core import context
from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.helpers import complete_social_login
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.middleware import SessionMiddleware
from django.test import RequestFactory

from organisations.adapter import join_by_domain
from organisations.models import Department, Membership

OIDC = {
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


@pytest.fixture
def domains(org):
    org.email_domains = "skovby.dk, skovby-skole.dk"
    org.save()
    Department.objects.create(organisation=org, name="Hjemmeplejen")
    return org


def _oidc_login(rf, claims: dict):
    """What allauth does when the identity provider sends these claims back."""
    request = rf.get("/accounts/oidc/skovby-entra/login/callback/")
    SessionMiddleware(lambda r: None).process_request(request)
    request.session.save()
    request._messages = FallbackStorage(request)
    request.user = AnonymousUser()
    with context.request_context(request):
        provider = get_adapter().get_provider(request, "skovby-entra")
        login = provider.sociallogin_from_response(request, claims)
        return complete_social_login(request, login)


def test_the_identity_provider_brings_a_new_employee_in_as_contributor(settings, domains, db):
    settings.SOCIALACCOUNT_PROVIDERS = OIDC
    rf = RequestFactory()
    response = _oidc_login(
        rf,
        {
            "sub": "1234",
            "email": "ny@skovby.dk",
            "email_verified": True,
            "name": "Nina Ny",
            "department": "hjemmeplejen",
        },
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(email="ny@skovby.dk")
    membership = Membership.objects.get(user=user)
    assert membership.organisation == domains and membership.role == "contributor"
    assert membership.department.name == "Hjemmeplejen"


def test_a_stranger_from_another_domain_is_not_let_in(settings, domains, db):
    settings.SOCIALACCOUNT_PROVIDERS = OIDC
    _oidc_login(RequestFactory(), {"sub": "99", "email": "x@andet.dk", "email_verified": True})
    assert not Membership.objects.filter(user__email="x@andet.dk").exists()


def test_a_verified_e_mail_on_the_domain_joins_but_an_unverified_does_not(domains, db):
    user = get_user_model().objects.create_user("lærer@skovby-skole.dk", "pw-123-abcdef")
    address = EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    assert join_by_domain(user) == []
    address.verified = True
    address.save()
    [membership] = join_by_domain(user)
    assert membership.role == "contributor" and membership.department is None
    assert join_by_domain(user) == []  # once


def test_an_existing_membership_is_never_changed(domains, member, db):
    membership = Membership.objects.get(user=member)
    EmailAddress.objects.create(user=member, email=member.email, verified=True, primary=True)
    join_by_domain(member)
    membership.refresh_from_db()
    assert membership.role == "portfolio_manager"


def test_the_settings_page_checks_the_domains(client, admin_member, org):
    client.force_login(admin_member)
    url = f"/{org.slug}/settings/"
    base = {"name": org.name, "language": "da", "currency": "DKK", "answer_days": 30}
    assert client.post(url, base | {"email_domains": "not a domain"}).status_code == 400
    assert (
        client.post(url, base | {"email_domains": "@Skovby.dk, skole.skovby.dk"}).status_code == 302
    )
    org.refresh_from_db()
    assert org.email_domains == "skovby.dk, skole.skovby.dk"


def test_an_administrator_sets_a_members_department_and_a_role_change_keeps_it(
    client, admin_member, member, org
):
    home = Department.objects.create(organisation=org, name="Sundhed")
    membership = Membership.objects.get(user=member)
    client.force_login(admin_member)
    url = f"/{org.slug}/members/{membership.pk}/role/"
    client.post(url, {"role": "portfolio_manager", "department": home.pk})
    membership.refresh_from_db()
    assert membership.department == home
    client.post(url, {"role": "reader"})  # a form without the department keeps it
    membership.refresh_from_db()
    assert membership.role == "reader" and membership.department == home
