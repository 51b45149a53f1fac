"""The decision log pages through every decision, 50 a page, filters kept (issue 14: it
used to stop silently at 500)."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from governance.models import Decision


def _decisions(org, body, n):
    start = datetime.date(2026, 1, 1)
    Decision.objects.bulk_create(
        Decision(
            organisation=org,
            body=body,
            kind="approve_initiative",
            outcome="approve",
            title=f"Beslutning {i}",
            rationale="Begrundelse",
            decided_on=start + datetime.timedelta(days=i),
        )
        for i in range(n)
    )


def test_the_log_pages_through_all_decisions_keeping_the_filter(client, member, org, bodies):
    _decisions(org, bodies["council"], 120)
    client.force_login(member)
    body = bodies["council"].pk
    first = client.get(f"/skovby/decisions/?body={body}").content.decode()
    assert first.count("Beslutning ") == 50
    assert "Side 1 af 3 (120 beslutninger)" in first
    assert f"?body={body}&amp;page=2" in first
    last = client.get(f"/skovby/decisions/?body={body}&page=3").content.decode()
    assert last.count("Beslutning ") == 20 and "Beslutning 0<" in last
    assert client.get("/skovby/decisions/?page=999").status_code == 200  # the last page


def test_every_page_costs_the_same_queries(client, member, org, bodies):
    _decisions(org, bodies["council"], 120)
    client.force_login(member)
    counts = []
    for page in (1, 2, 3):
        with CaptureQueriesContext(connection) as queries:
            client.get(f"/skovby/decisions/?page={page}")
        counts.append(len(queries))
    assert len(set(counts)) == 1


def test_a_decision_is_written_in_the_log_with_all_it_says(client, member, org, bodies, initiative):
    Decision.objects.create(
        organisation=org,
        body=bodies["council"],
        kind="pass_gate",
        outcome="approve",
        to_stage="pilot",
        initiative=initiative,
        amount=1250000,
        title="Videre til pilot <nu>",
        rationale="God business case",
        conditions="Ny status om tre måneder",
        lessons="Inddrag brugerne tidligt",
        recorded_by=member,
        decided_on=datetime.date(2026, 5, 4),
    )
    client.force_login(member)
    for url in ("/skovby/decisions/", f"/skovby/initiatives/{initiative.number}/"):
        page = client.get(url).content.decode()
        assert "<td>04.05.2026</td>" in page
        assert "Videre til pilot &lt;nu&gt;<br>" in page
        assert (
            '→ Pilotforsøg · <a href="/skovby/initiatives/1/">I-001</a> · 1.250.000 kr.</span>'
            in page
        )
        assert "God business case<br><em>Betingelser:</em> Ny status om tre måneder" in page
        assert "<br><em>Erfaringer:</em> Inddrag brugerne tidligt</td>" in page
