"""allauth's adapters with the organisation's door: a person who logs in through the
municipality's identity provider, or with a verified e-mail on one of an organisation's
e-mail domains, becomes a contributor of that organisation on first login, in the
department the identity provider names (issue 16). Administrators still add and change
members by hand."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter

from accounts.adapter import AccountAdapter as BaseAccountAdapter

from .models import Department, Membership, Organisation

# The claims an identity provider may name a department in (Entra ID sends "department").
DEPARTMENT_CLAIMS = ("department", "organizational_unit", "ou")


def domain_of(email: str) -> str:
    return email.rsplit("@", 1)[-1].strip().lower() if "@" in email else ""


def organisations_for(email: str) -> list[Organisation]:
    """The organisations that list the e-mail's domain."""
    domain = domain_of(email)
    if not domain:
        return []
    return [
        org
        for org in Organisation.objects.filter(email_domains__icontains=domain)
        if domain in org.domains()
    ]


def department_claim(user) -> str:
    for account in user.socialaccount_set.all():
        data = account.extra_data or {}
        data = data.get("userinfo", data) if isinstance(data, dict) else {}
        for claim in DEPARTMENT_CLAIMS:
            value = data.get(claim)
            if isinstance(value, str) and value.strip():
                return value.strip()
    return ""


def join_by_domain(user) -> list[Membership]:
    """Contributor memberships for the organisations whose domains hold the user's e-mail,
    when it is verified (by allauth, or because the identity provider gave it). Never
    changes an existing membership."""
    email = user.email or ""
    verified = (
        user.socialaccount_set.exists()
        or EmailAddress.objects.filter(user=user, email__iexact=email, verified=True).exists()
    )
    if not verified:
        return []
    department_name = department_claim(user)
    made = []
    for org in organisations_for(email):
        department = org_department(org, department_name) if department_name else None
        membership, created = Membership.objects.get_or_create(
            user=user,
            organisation=org,
            defaults={"role": "contributor", "department": department},
        )
        if created:
            made.append(membership)
    return made


def org_department(org, name: str):
    return Department.objects.for_org(org).filter(name__iexact=name).first()


class AccountAdapter(BaseAccountAdapter):
    def login(self, request, user) -> None:
        super().login(request, user)
        join_by_domain(user)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request, sociallogin) -> bool:
        """The municipality's identity provider may create the accounts of people on an
        organisation's domains, even when sign-up is otherwise closed."""
        if super().is_open_for_signup(request, sociallogin):
            return True
        return bool(organisations_for(sociallogin.user.email or ""))
