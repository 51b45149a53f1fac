"""Resolve the organisation in the URL for the signed-in user.

A user who is not a member of the URL's organisation gets a 404 (the organisation's
existence is not revealed); a member whose role lacks the permission gets a 403.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from .models import Membership
from .permissions import Perm


def get_membership(user, org_slug: str) -> Membership:
    if not user.is_authenticated:
        raise Http404
    try:
        return Membership.objects.select_related("organisation").get(
            user=user, organisation__slug=org_slug
        )
    except Membership.DoesNotExist:
        raise Http404 from None


def org_required(perm: Perm = Perm.VIEW) -> Callable:
    """Decorator for views under /<org_slug>/: sets request.organisation and
    request.membership, and checks the role's permission."""

    def decorator(view: Callable) -> Callable:
        @login_required
        @wraps(view)
        def wrapper(request: HttpRequest, org_slug: str, *args, **kwargs):
            # The language middleware may have read the user's memberships already.
            membership = next(
                (
                    m
                    for m in getattr(request, "_memberships_cache", ())
                    if m.organisation.slug == org_slug
                ),
                None,
            ) or get_membership(request.user, org_slug)
            if not membership.can(perm):
                raise PermissionDenied
            request.membership = membership
            request.organisation = membership.organisation
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def require(request: HttpRequest, perm: Perm) -> None:
    """Check a further permission inside a view (e.g. for a POST branch)."""
    if not request.membership.can(perm):
        raise PermissionDenied
