"""API authentication and organisation scoping: a personal access token (or the browser
session) and the caller's membership in the URL's organisation."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja.errors import HttpError
from ninja.security import HttpBearer, django_auth

from accounts.models import PersonalAccessToken, TokenScope

from .access import get_membership
from .models import Membership
from .permissions import Perm


class TokenAuth(HttpBearer):
    def authenticate(self, request, token: str):
        pat = PersonalAccessToken.authenticate(token)
        if pat is None:
            return None
        request.user = pat.user
        request.api_token = pat
        return pat


AUTH = [TokenAuth(), django_auth]


def api_membership(request, org_slug: str, perm: Perm, *, write: bool = False) -> Membership:
    """The caller's membership in the URL's organisation, or 404 (not a member, or a token
    for another organisation) or 403 (role or read-only token)."""
    token = getattr(request, "api_token", None)
    if token is not None and token.organisation.slug != org_slug:
        raise Http404
    membership = get_membership(request.user, org_slug)
    if write and token is not None and token.scope != TokenScope.WRITE:
        raise HttpError(403, "This token is read-only.")
    if not membership.can(perm):
        raise PermissionDenied
    return membership
