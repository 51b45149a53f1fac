"""The benchmark: four key figures computed in the database, median and quartiles of the
organisations that take part, shown only from five up and never named."""

import datetime

from django.core.cache import cache

from catalogue import benchmark
from initiatives.models import Initiative
from organisations.models import Organisation

TODAY = datetime.date(2026, 12, 1)


def _orgs(n: int, sharing: bool = True) -> list[Organisation]:
    out = []
    for k in range(n):
        org = Organisation.objects.create(
            name=f"Kommune {k}",
            slug=f"kommune-{k}",
            code=f"{k:04d}",
            country="DK",
            language="da",
            currency="DKK",
            discount_rate=3.5,
            shares_benchmark=sharing,
        )
        for number in range(1, 5):
            Initiative.objects.create(
                organisation=org,
                number=number,
                title="x",
                track="must_win",
                stage="clarify",
                source="kombit" if number <= k % 5 else "own",
            )
        out.append(org)
    return out


def test_the_joint_share_is_computed_per_organisation(db):
    orgs = _orgs(3)
    found = benchmark.figures([o.pk for o in orgs], TODAY)["joint_share"]
    assert [found[o.pk] for o in orgs] == [0.0, 0.25, 0.5]


def test_nothing_is_shown_below_five_organisations(db, org):
    cache.clear()
    _orgs(3)
    org.shares_benchmark = True
    org.save()
    assert benchmark.rows(org, TODAY) is None  # four take part


def test_median_and_quartiles_from_five_up(db, org):
    cache.clear()
    _orgs(5)
    rows = {r.key: r for r in benchmark.rows(org, TODAY)}
    joint = rows["joint_share"]
    assert joint.organisations == 5 and joint.median == 0.5
    assert joint.low == 0.25 and joint.high == 0.75
    assert joint.own is None  # this organisation has no initiatives


def test_the_page_never_names_another_organisation(client, org, member):
    cache.clear()
    _orgs(6)
    client.force_login(member)
    page = client.get("/skovby/catalogue/benchmark/").content.decode()
    assert "Kommune 3" not in page and "kommune-3" not in page
    assert '<td class="text-align-right">6</td>' in page  # six take part
    assert "38 %" in page  # the joint share's median: 0, 0, 25, 50, 75, 100 %


def test_the_page_says_so_when_too_few_take_part(client, org, member):
    cache.clear()
    _orgs(2)
    client.force_login(member)
    r = client.get("/skovby/catalogue/benchmark/")
    assert r.status_code == 200 and "Kommune 0" not in r.content.decode()


def test_harvest_reports_on_time_and_days_to_decision(db, org, member, department, benefit):
    from benefits.models import Harvest
    from governance.models import Body, Decision
    from reporting.models import StatusDue, StatusReport

    initiative = benefit.initiative
    common = {"organisation": org, "benefit": benefit, "department": department}
    Harvest.objects.create(**common, budget_year=2026, amount=300, status="adopted")
    Harvest.objects.create(**common, budget_year=2026, amount=100, status="planned")
    Harvest.objects.create(**common, budget_year=2030, amount=900, status="planned")  # later
    report = StatusReport.objects.create(
        organisation=org,
        initiative=initiative,
        reported_on=datetime.date(2026, 6, 1),
        time="green",
        cost="green",
        scope="green",
        benefits="green",
        summary="ok",
    )
    StatusDue.objects.create(
        organisation=org, initiative=initiative, due_on=datetime.date(2026, 6, 1), report=report
    )
    StatusDue.objects.create(
        organisation=org, initiative=initiative, due_on=datetime.date(2026, 9, 1)
    )
    Initiative.objects.filter(pk=initiative.pk).update(
        created=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    )
    body = Body.objects.create(organisation=org, name="Direktion", kind="executive_board")
    Decision.objects.create(
        organisation=org,
        body=body,
        kind="approve_initiative",
        outcome="approve",
        initiative=initiative,
        title="x",
        rationale="x",
        decided_on=datetime.date(2026, 1, 31),
    )
    found = benchmark.figures([org.pk], TODAY)
    assert found["harvested"][org.pk] == 0.75
    assert found["on_time"][org.pk] == 0.5
    assert found["idea_days"][org.pk] == 30


def test_the_page_makes_the_same_queries_for_five_and_for_ten_organisations(client, org, member):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(member)
    counts = []
    for n in (5, 10):
        Organisation.objects.exclude(pk=org.pk).delete()
        _orgs(n)
        cache.clear()
        client.get("/skovby/catalogue/benchmark/")
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            client.get("/skovby/catalogue/benchmark/")
        counts.append(len(queries))
    assert counts[0] == counts[1]
