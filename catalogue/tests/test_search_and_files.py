"""Searching the catalogue, and an entry moved between Styr servers as a file."""

import io
import json

from catalogue.models import Entry, Size
from catalogue.services import export


def test_search_by_text_track_source_tag_joint_and_size(client, entry, neighbour):
    Entry.objects.filter(pk=entry.pk).update(tags=["Borgerservice"], size=Size.MEDIUM)
    client.force_login(neighbour)
    base = "/fjellvik/catalogue/"
    found = lambda query: entry.title in client.get(base + query).content.decode()  # noqa: E731
    assert found("?q=portal")
    assert not found("?q=robot")
    assert found("?track=must_win") and not found("?track=mandatory")
    assert found("?source=own") and not found("?source=kombit")
    assert found("?tag=Borgerservice") and not found("?tag=Ældre")
    assert found("?joint=no") and not found("?joint=yes")
    assert found("?size=medium") and not found("?size=small")
    assert client.get(base + "?track=nonsense").status_code == 200  # a bad filter: a message


def test_an_exported_entry_is_imported_on_another_server(client, entry, neighbour, other_org):
    content = export(entry, "https://styr.skovby.dk")
    data = json.loads(content)
    assert data["publisher"] == "Skovby Kommune" and data["origin"] == "https://styr.skovby.dk"
    Entry.objects.all().delete()  # "another server"
    client.force_login(neighbour)
    upload = io.BytesIO(content)
    upload.name = "entry.json"
    r = client.post("/fjellvik/catalogue/import/", {"file": upload})
    assert r.status_code == 302
    imported = Entry.objects.get()
    assert imported.organisation == other_org and imported.publisher_name == "Skovby Kommune"
    assert imported.origin == "https://styr.skovby.dk" and imported.case == entry.case


def test_a_file_that_is_not_an_entry_is_refused_and_nothing_is_saved(client, neighbour):
    client.force_login(neighbour)
    for content in (
        b"not json",
        b"\xff\xfe",
        b"[]",
        json.dumps({"format": "other"}).encode(),
        json.dumps({"format": "styr-catalogue-entry/1", "title": "x", "track": "nope"}).encode(),
        json.dumps(
            {
                "format": "styr-catalogue-entry/1",
                "title": "x",
                "track": "must_win",
                "source": "own",
                "case": {"data": {"lines": [{"amounts": ["lots"]}]}},
            }
        ).encode(),
        json.dumps(
            {
                "format": "styr-catalogue-entry/1",
                "title": "x",
                "track": "must_win",
                "source": "own",
                "benefits": [{"title": "x", "baseline": "<script>"}],
            }
        ).encode(),
        json.dumps(
            {
                "format": "styr-catalogue-entry/1",
                "title": "Portal\u0007",
                "track": "must_win",
                "source": "own",
            }
        ).encode(),
    ):
        upload = io.BytesIO(content)
        upload.name = "entry.json"
        r = client.post("/fjellvik/catalogue/import/", {"file": upload})
        assert r.status_code == 422, content
    assert not Entry.objects.exists()


def test_the_api_searches_and_reads_only_published_entries(client, entry, neighbour, other_org):
    from accounts.models import PersonalAccessToken

    _t, raw = PersonalAccessToken.issue(
        user=neighbour, organisation=other_org, name="t", scope="read"
    )
    h = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    listed = client.get("/api/v1/organisations/fjellvik/catalogue?q=portal", **h).json()
    assert listed["count"] == 1 and listed["items"][0]["publisher"] == "Skovby Kommune"
    one = client.get(f"/api/v1/organisations/fjellvik/catalogue/{entry.key}", **h).json()
    assert one["lessons"] == "Start med nulpunktsmålingen."
    Entry.objects.update(withdrawn_at="2026-12-01T00:00:00Z")
    assert client.get("/api/v1/organisations/fjellvik/catalogue", **h).json()["count"] == 0
    assert (
        client.get(f"/api/v1/organisations/fjellvik/catalogue/{entry.key}", **h).status_code == 404
    )
