"""Every URL pattern under /<org>/ and every API operation, with their parameters filled
from an organisation's own objects: shared by the outsider test and the query-count walk."""

from __future__ import annotations

import re

from django.urls import URLPattern, URLResolver, get_resolver

PARAMETER = re.compile(r"<(\w+:)?(\w+)>")


def org_routes() -> list[str]:
    """The route of every page under /<org_slug>/, without the organisation's part."""
    routes = []
    for entry in get_resolver().url_patterns:
        if isinstance(entry, URLResolver) and "org_slug" in str(entry.pattern):
            routes += _flatten(entry, "")
    return routes


def _flatten(resolver, prefix) -> list[str]:
    routes = []
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            routes += _flatten(p, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            routes.append(prefix + str(p.pattern))
    return routes


def fill(route: str, ids: dict, slug: str = "skovby") -> str:
    """The page's address in `slug`, each parameter taken from `ids` (1 when missing)."""
    return f"/{slug}/" + PARAMETER.sub(lambda m: str(ids.get(m.group(2), 1)), route)


def fill_api(path: str, ids: dict, slug: str) -> str:
    """An OpenAPI path with {org_slug} and the other parameters filled."""
    return re.sub(
        r"{(\w+)}", lambda m: slug if m.group(1) == "org_slug" else str(ids[m.group(1)]), path
    )
