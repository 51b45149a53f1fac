import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from initiatives.models import Initiative, Tag
from strategy.models import FocusArea


def _make(org, n, **kw):
    defaults = {"title": f"Initiativ {n}", "track": "must_win", "stage": "clarify"}
    defaults.update(kw)
    return Initiative.objects.create(organisation=org, number=n, **defaults)


def test_it_lists_filters_and_counts(client, member, org, initiative):
    _make(org, 2, title="KOMBIT-løsning", track="mandatory", source="kombit", ambition="low")
    _make(org, 3, title="Netværk", track="prerequisite")
    client.force_login(member)
    r = client.get(f"/{org.slug}/")
    assert r.context["total"] == 3
    assert r.context["joint_share"] == 33
    r = client.get(f"/{org.slug}/?track=mandatory")
    assert [i.number for i in r.context["page"]] == [2]
    r = client.get(f"/{org.slug}/?q=I-003")
    assert [i.number for i in r.context["page"]] == [3]
    r = client.get(f"/{org.slug}/?sort=-number")
    assert [i.number for i in r.context["page"]] == [3, 2, 1]
    assert "<svg" in r.content.decode()


def test_the_htmx_filter_returns_only_the_results(client, member, org, initiative):
    client.force_login(member)
    r = client.get(f"/{org.slug}/?track=must_win", HTTP_HX_REQUEST="true")
    html = r.content.decode()
    assert 'id="results"' in html and "<html" not in html


def test_it_never_lists_another_organisations_initiatives(
    client, member, org, other_org, initiative
):
    _make(other_org, 1, title="Hemmelig")
    client.force_login(member)
    html = client.get(f"/{org.slug}/").content.decode()
    assert "Hemmelig" not in html


@pytest.mark.parametrize("count", [5, 40])
def test_the_number_of_queries_does_not_grow_with_the_portfolio(
    client, member, org, strategy, count, django_assert_max_num_queries
):
    fa = strategy.focus_areas.first()
    for n in range(1, count + 1):
        _make(org, n).focus_areas.add(fa)
    client.force_login(member)
    client.get(f"/{org.slug}/")
    with CaptureQueriesContext(connection) as ctx:
        client.get(f"/{org.slug}/")
    assert len(ctx.captured_queries) <= 20


def test_the_track_page_shows_governance_and_dependents(client, member, org, initiative):
    pre = _make(org, 2, title="Netværk", track="prerequisite")
    initiative.depends_on.add(pre)
    client.force_login(member)
    html = client.get(f"/{org.slug}/tracks/prerequisite/").content.decode()
    assert "I-001" in html and "Netværk" in html
    assert client.get(f"/{org.slug}/tracks/nonsense/").status_code == 404


def test_a_row_shows_its_tags_by_name_and_its_focus_areas_in_their_order(
    client, member, org, strategy, initiative
):
    first = strategy.focus_areas.first()
    later = FocusArea.objects.create(
        organisation=org, strategy=strategy, theme=first.theme, title="Data & <AI>", order=9
    )
    initiative.focus_areas.add(later)
    initiative.tags.add(
        *(Tag.objects.create(organisation=org, name=name) for name in ("Zeta", "AI <&>"))
    )
    _make(org, 2)  # no tags, no focus areas
    client.force_login(member)
    html = client.get(f"/{org.slug}/").content.decode()
    row = html[html.index("I-001") : html.index("I-002")]
    assert row.index("AI &lt;&amp;&gt;") < row.index("Zeta")
    assert f"{first.title}, Data &amp; &lt;AI&gt;" in row
    other_row = html[html.index("I-002") :].split("</tr>")[0]
    assert "badge" not in other_row and "<td>—</td>" in other_row
