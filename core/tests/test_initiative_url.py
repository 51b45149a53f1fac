"""The initiative_url filter: the same address as {% url %}, reversed once per organisation."""


def test_the_initiative_url_filter_gives_what_url_gives():
    from django.urls import reverse

    from core.templatetags.styr import initiative_url

    for slug, number in (("skovby", 7), ("gen-001", 300)):
        assert initiative_url(number, slug) == reverse("initiatives:detail", args=[slug, number])


def test_initiative_links_name_and_link_every_initiative_escaped(initiative):
    from django.utils import translation

    from core.templatetags.styr import initiative_links
    from initiatives.models import Initiative

    Initiative.objects.filter(pk=initiative.pk).update(title="Portal <b>&</b>")
    initiative.refresh_from_db()
    with translation.override("da"):
        (row,) = Initiative.objects.filter(pk=initiative.pk).links("id")[initiative.pk]
        plain = initiative_links([row, row], "skovby")
        details = initiative_links([row], "skovby", details=True)
        track, stage = initiative.get_track_display(), initiative.get_stage_display().lower()
    link = '<a href="/skovby/initiatives/1/">I-001 Portal &lt;b&gt;&amp;&lt;/b&gt;</a>'
    assert plain == f"{link}, {link}"
    assert track == "Skal-udfordring"
    assert details == f'{link} <span class="styr-muted">({track}, {stage})</span>'
    assert initiative_links([], "skovby") == ""


def test_links_group_initiatives_by_what_they_serve_in_their_order(org, strategy, initiative):
    from django.db.models import F
    from django.utils import translation

    from initiatives.models import Initiative, Link
    from strategy.models import FocusArea, Theme

    theme = Theme.objects.create(organisation=org, strategy=strategy, title="T")
    first, second = (
        FocusArea.objects.create(organisation=org, strategy=strategy, theme=theme, title=t)
        for t in ("A", "B")
    )
    later = Initiative.objects.create(
        organisation=org, number=2, title="Later", track="prerequisite", stage="pilot"
    )
    initiative.focus_areas.add(first, second)
    later.focus_areas.add(first)
    with translation.override("en"):
        grouped = (
            Initiative.objects.for_org(org)
            .order_by("number")
            .filter(focus_areas__theme=theme)  # first, so that the annotation uses its join
            .annotate(part=F("focus_areas__id"))
            .links("part")
        )
    mine = Link(1, "I-001", initiative.title, "Must-win challenge", "Clarify")
    assert grouped == {
        first.pk: [mine, Link(2, "I-002", "Later", "Prerequisite", "Pilot")],
        second.pk: [mine],
    }


def test_url_of_gives_what_url_gives():
    from django.urls import reverse

    from core.templatetags.styr import url_of

    for args in (("skovby", 3, "themes", 12), ("gen-001", 40, "focus-areas", 7)):
        for name in ("strategy:part_edit", "strategy:part_delete"):
            assert url_of(name, *args) == reverse(name, args=args)
    assert url_of("strategy:part_add", "skovby", 3, "themes") == reverse(
        "strategy:part_add", args=["skovby", 3, "themes"]
    )
    assert url_of("initiatives:detail", "skovby", 10) == "/skovby/initiatives/10/"
    assert url_of("initiatives:detail", "skovby", 0) == "/skovby/initiatives/0/"


def test_options_write_what_the_loop_wrote():
    from django.template import engines

    from core.templatetags.styr import options

    values = ["ESDH", "Løn & personale", '"KMD"', "<Opus>"]
    loop = engines["django"].from_string(
        '{% for s in values %}<option value="{{ s }}"{% if chosen == s %} selected{% endif %}>'
        "{{ s }}</option>{% endfor %}"
    )
    for chosen in (None, "", "Løn & personale", "<Opus>"):
        assert options(values, chosen) == loop.render({"values": values, "chosen": chosen})
