"""The benchmark across municipalities: only opted-in rounds of the same shipped framework
version, and only from five organisations, never named."""

import datetime

import pytest
from django.core.cache import cache

from assessments import services
from assessments.models import RespondentGroup, Round
from assessments.results import results
from organisations.models import Department, Organisation

from .conftest import answer


def _municipality(n: int, level: int, *, shared: bool = True, answers: int = 5):
    org = Organisation.objects.create(
        name=f"Kommune {n}",
        slug=f"kommune-{n}",
        code=f"{n:04d}",
        country="DK",
        language="da",
        currency="DKK",
    )
    framework = services.install_framework(organisation=org, key="success-criteria", language="da")
    department = Department.objects.create(organisation=org, name="Alle")
    today = datetime.date.today()
    r = Round.objects.create(
        organisation=org,
        framework=framework,
        title=f"Runde {n}",
        opens_on=today,
        closes_on=today,
        shared=shared,
    )
    group = RespondentGroup.objects.for_org(org).first()
    for _ in range(answers):
        answer(r, department, group, level)
    return r


@pytest.fixture
def own(db):
    cache.clear()  # the benchmark is cached per framework version
    return _municipality(100, 3)


def test_the_benchmark_is_computed_at_most_every_ten_minutes(own):
    for n in range(1, 5):
        _municipality(n, 2)
    assert results(own).benchmark_size == 5
    _municipality(5, 2)
    assert results(own).benchmark_size == 5  # cached
    cache.clear()
    assert results(own).benchmark_size == 6


def test_no_benchmark_from_four_organisations(own):
    for n in range(1, 4):
        _municipality(n, n)
    out = results(own)
    assert out.benchmark_size == 0
    assert all(d.benchmark is None for d in out.dimensions)


def test_the_benchmark_appears_at_five_organisations(own):
    for n in range(1, 5):
        _municipality(n, n + 1)  # means 2, 3, 4, 5 and our own 3
    out = results(own)
    assert out.benchmark_size == 5
    assert out.dimensions[0].benchmark == (3.0, 3.0, 4.0)


def test_rounds_not_shared_too_small_or_of_a_changed_framework_stay_out(own):
    for n in range(1, 4):
        _municipality(n, 2)
    _municipality(4, 5, shared=False)
    _municipality(5, 5, answers=4)  # below its threshold
    changed = _municipality(6, 5)
    changed.framework.key = ""  # the office changed it: no longer the shipped one
    changed.framework.save()
    assert results(own).benchmark_size == 0


def test_only_each_organisations_latest_round_counts(own):
    for n in range(1, 5):
        _municipality(n, 2)
    later = _municipality(7, 5)
    later.organisation = Organisation.objects.get(slug="kommune-1")  # noqa - a second round of one org
    Round.objects.filter(pk=later.pk).update(
        organisation=later.organisation, opens_on=later.opens_on + datetime.timedelta(days=1)
    )
    out = results(own)
    assert out.benchmark_size == 5  # kommune-1 counts once
