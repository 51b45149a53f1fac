from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


class AccountAdapter(DefaultAccountAdapter):
    """Sign-up is closed by default: administrators add members, or the municipality's
    identity provider creates them on first login."""

    def is_open_for_signup(self, request) -> bool:
        return bool(getattr(settings, "ACCOUNT_ALLOW_SIGNUPS", False))
