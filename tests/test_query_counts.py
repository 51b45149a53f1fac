"""The guard of issue 14: every page of an organisation and every API read makes as many SQL
queries for a small generated organisation as for one three times its size. A page that
loads a row per initiative (an N+1) fails here before it is slow in a municipality.

Both organisations come from `styr generate`'s own code, so every kind of data the demo
has is there; each parameter of a route is filled with the richest object of its kind
(an initiative with a case, a benefit, risks, reports and decisions), so a prefetch that is
skipped for lack of rows does not hide a difference.
"""

from __future__ import annotations

import random

import pytest
from django.contrib.auth.hashers import make_password
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import PersonalAccessToken
from demo.generate import generate_organisation
from organisations.models import Membership

from .routes import fill, fill_api, for_route, org_routes, route_ids

SMALL, LARGE = 8, 24

# Pages whose query count may differ (by at most two) between the two sizes, and why.
MAY_DIFFER: dict[str, str] = {
    "meetings/<int:meeting_id>/": "one query more when an initiative in a followed track lags "
    "(the waiting items then name it); none lags in the small set",
}


@pytest.fixture
def sizes(db):
    """Two generated organisations (8 and 24 initiatives), one administrator of both."""
    from django.contrib.auth import get_user_model

    password = make_password("x")
    orgs = [
        generate_organisation(
            n, initiatives=size, rng=random.Random(7), password=password, slug=f"size-{size}"
        )
        for n, size in ((901, SMALL), (902, LARGE))
    ]
    # A platform administrator too: the joint solutions' own pages are a site-wide role's.
    admin = get_user_model().objects.create_user(
        email="admin@sizes.example", password="x", is_platform_admin=True
    )
    for org in orgs:
        Membership.objects.create(user=admin, organisation=org, role="admin")
    return admin, orgs


def _count(client, url: str, **headers) -> tuple[int, int]:
    client.get(url, **headers)  # first use: a token's last-used stamp, template caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    return response.status_code, len(queries)


def test_every_page_makes_the_same_queries_at_8_and_24_initiatives(client, sizes):
    admin, orgs = sizes
    client.force_login(admin)
    ids = [route_ids(org) for org in orgs]
    differing = {}
    routes = org_routes()
    assert len(routes) > 60
    for route in routes:
        (small_status, small), (large_status, large) = (
            _count(client, fill(route, for_route(route, i), org.slug))
            for org, i in zip(orgs, ids, strict=True)
        )
        assert small_status == large_status and small_status in (200, 302, 405), route
        allowed = 2 if route in MAY_DIFFER else 0
        if abs(small - large) > allowed:
            differing[route] = (small, large)
    assert differing == {}, "queries at 8 → 24 initiatives"


def test_every_api_read_makes_the_same_queries_at_8_and_24_initiatives(client, sizes):
    admin, orgs = sizes
    schema = client.get("/api/v1/openapi.json").json()
    reads = [path for path, methods in schema["paths"].items() if "get" in methods]
    assert len(reads) > 20
    differing = {}
    counts = []
    for org in orgs:
        _token, raw = PersonalAccessToken.issue(
            user=admin, organisation=org, name="q", scope="read"
        )
        headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
        ids = route_ids(org)
        row = {}
        for path in reads:
            url = fill_api(path, for_route(path, ids), org.slug) + "?limit=200"
            status, queries = _count(client, url, **headers)
            assert status == 200, (path, status)
            row[path] = queries
        counts.append(row)
    for path in reads:
        if counts[0][path] != counts[1][path] and path not in MAY_DIFFER:
            differing[path] = (counts[0][path], counts[1][path])
    assert differing == {}, "queries at 8 → 24 initiatives"
