"""What every API router shares: running the same Django forms as the web pages so that
both validate identically, and their error bodies. Authentication and organisation scoping
are in organisations.api_auth, next to the memberships they read."""

from __future__ import annotations

from typing import Any

from django.forms.models import model_to_dict
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

from core.versioning import STALE_MESSAGE

# Every row id and count fits a signed 32-bit offset; larger numbers are refused with 422
# before they reach the database (which answers "bigint out of range").
MAX_OFFSET = 2**31 - 1


# The largest page any list endpoint answers: large enough for a whole portfolio in two
# calls, small enough that a page of fully loaded rows stays well under 100 ms.
MAX_PAGE = 200


class Pagination(LimitOffsetPagination):
    """limit 1–MAX_PAGE (100 by default) and offset 0–MAX_OFFSET on every list endpoint;
    the answer is {"items": [...], "count": N}."""

    class Input(Schema):
        limit: int = Field(100, ge=1, le=MAX_PAGE)
        offset: int = Field(0, ge=0, le=MAX_OFFSET)


class PagedRows:
    """A list endpoint's rows built only for the page asked for: `rows` turns the page (a
    queryset of the page's objects, in the same order) into output rows, so a computed row
    costs nothing off the page. Pagination counts it with len() and slices it once."""

    def __init__(self, queryset, rows):
        self.queryset = queryset
        self.rows = rows

    def __len__(self) -> int:
        return self.queryset.count()

    def __getitem__(self, page: slice) -> list:
        ids = list(self.queryset[page].values_list("pk", flat=True))
        return list(self.rows(self.queryset.filter(pk__in=ids)))


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
    return {"detail": [{"field": "version", "message": str(STALE_MESSAGE)}]}
