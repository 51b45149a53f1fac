"""What every API router shares: token authentication, organisation scoping, and running
the same Django forms as the web pages so that both validate identically."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.forms.models import model_to_dict
from django.http import Http404
from ninja.errors import HttpError
from ninja.security import HttpBearer, django_auth

from accounts.models import PersonalAccessToken, TokenScope
from organisations.access import get_membership
from organisations.models import Membership
from organisations.permissions import Perm


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


def form_data(instance, payload: dict[str, Any], fields: list[str]) -> dict[str, Any]:
    """Form data for a PATCH: the stored values, overlaid with what the payload sets."""
    data: dict[str, Any] = {}
    if instance is not None and instance.pk:
        stored = model_to_dict(instance, fields=fields)
        for name, value in stored.items():
            if isinstance(value, list):
                data[name] = [getattr(v, "pk", v) for v in value]
            elif value is None:
                data[name] = ""
            else:
                data[name] = value
    for name, value in payload.items():
        data[name] = "" if value is None else value
    return data


def form_errors(form) -> dict[str, Any]:
    return {
        "detail": [
            {"field": field if field != "__all__" else None, "message": str(message)}
            for field, messages in form.errors.items()
            for message in messages
        ]
    }


def stale_error() -> dict[str, Any]:
    from core.versioning import STALE_MESSAGE

    return {"detail": [{"field": "version", "message": str(STALE_MESSAGE)}]}
