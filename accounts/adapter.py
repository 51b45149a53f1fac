from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class AccountAdapter(DefaultAccountAdapter):
    """Sign-up is closed by default: administrators add members, or the municipality's
    identity provider creates them on first login. A login refused by the failed-attempt
    limit is marked on the request, so the login page answers 429 (accounts.views.login)."""

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "too_many_login_attempts": _(
            "Too many failed login attempts. Wait five minutes and try again, or reset your "
            "password."
        ),
    }

    def is_open_for_signup(self, request) -> bool:
        return bool(getattr(settings, "ACCOUNT_ALLOW_SIGNUPS", False))

    def pre_authenticate(self, request, **credentials) -> None:
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            if not getattr(self, "_login_failed_rl_usage", True):
                request.login_blocked = True
            raise
