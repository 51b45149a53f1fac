"""The board, an item, the overview and the API list make as many queries with 100 items
as with 1,000 (and their votes)."""

import random

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import PersonalAccessToken
from demo.involvement import add_generated_items
from involvement.models import Campaign, Item


def _queries(client, url, **headers) -> int:
    client.get(url, **headers)
    with CaptureQueriesContext(connection) as q:
        response = client.get(url, **headers)
        assert response.status_code == 200, url
    return len(q)


def test_the_pages_make_the_same_queries_at_100_and_1000_items(
    client, admin_member, member, reader, org, departments
):
    client.force_login(admin_member)
    _t, raw = PersonalAccessToken.issue(user=admin_member, organisation=org, name="t", scope="read")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    people = [admin_member, member, reader]
    rng = random.Random(2)
    urls = [
        (reverse("involvement:board", args=["skovby"]), {}),
        (reverse("involvement:board", args=["skovby"]) + "?sort=hours&kind=hassle", {}),
        (reverse("involvement:overview", args=["skovby"]), {}),
        (reverse("involvement:item", args=["skovby", 1]), {}),
        ("/api/v1/organisations/skovby/ideas?limit=200", headers),
    ]
    add_generated_items(org, people=people, rng=rng, n=100)
    small = [_queries(client, u, **h) for u, h in urls]
    Item.objects.for_org(org).delete()
    Campaign.objects.for_org(org).delete()
    add_generated_items(org, people=people, rng=rng, n=1000)
    large = [_queries(client, u, **h) for u, h in urls]
    assert small == large
