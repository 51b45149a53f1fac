"""The one scoped lookup of an initiative and its edit check, for every app's views.

The rule itself (who may edit) is `Initiative.editable_by`; this module turns it into the
404 / 403 answers of a request under /<organisation>/.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from .models import Initiative


def get_initiative(request: HttpRequest, number: int) -> Initiative:
    """The organisation's initiative by its number, or 404: the one scoped lookup."""
    return get_object_or_404(Initiative.objects.for_org(request.organisation), number=number)


def require_edit(request: HttpRequest, initiative: Initiative) -> None:
    """403 unless the member may change the initiative (or what hangs on it)."""
    if not initiative.editable_by(request.membership):
        raise PermissionDenied
