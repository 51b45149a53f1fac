import datetime

import pytest
from django.core.cache import cache

from assessments import services
from assessments.models import Draft, RespondentGroup, Round
from organisations.models import Department


@pytest.fixture
def framework(org):
    """The nine success criteria (seed 004), in Danish. The benchmark is cached per
    framework version; each test starts without it."""
    cache.clear()
    return services.install_framework(organisation=org, key="success-criteria", language="da")


@pytest.fixture
def departments(org):
    return [
        Department.objects.create(organisation=org, name=name)
        for name in ("Borgerservice", "Skole", "Sundhed", "Teknik")
    ]


@pytest.fixture
def groups(framework, org):
    """The three default groups by role (their names are in the organisation's language)."""
    return dict(
        zip(("executive", "manager", "employee"), RespondentGroup.objects.for_org(org), strict=True)
    )


@pytest.fixture
def round(org, framework, departments, groups, member):
    today = datetime.date.today()
    r = Round.objects.create(
        organisation=org,
        framework=framework,
        title="Modenhed 2026",
        opens_on=today - datetime.timedelta(days=3),
        closes_on=today + datetime.timedelta(days=10),
        threshold=5,
        created_by=member,
    )
    r.departments.set(departments)
    r.groups.set(groups.values())
    return r


def answer(round, department, group, levels, texts=None):
    """One submitted response: `levels` is a level per statement (in framework order) or
    one level for all."""
    statements = [
        s.pk
        for d in round.framework.dimensions.prefetch_related("statements")
        for s in d.statements.all()
    ]
    if isinstance(levels, int):
        levels = [levels] * len(statements)
    draft = Draft.objects.create(
        organisation=round.organisation,
        round=round,
        department=department,
        group=group,
        levels={str(s): v for s, v in zip(statements, levels, strict=False)},
        texts={str(k): v for k, v in (texts or {}).items()},
    )
    return services.submit(draft=draft)


@pytest.fixture
def answered(round, departments, groups):
    """Twelve responses: six from Borgerservice (employees 4, middle managers 2),
    five from Skole (employees), one from Sundhed (below the threshold)."""
    employee, manager = groups["employee"], groups["manager"]
    for _ in range(4):
        answer(round, departments[0], employee, 4)
    for _ in range(2):
        answer(round, departments[0], manager, 5)
    for _ in range(5):
        answer(round, departments[1], employee, 2)
    answer(round, departments[2], employee, 1)
    return round
