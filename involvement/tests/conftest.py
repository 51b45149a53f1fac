import pytest

from involvement import services
from involvement.models import Item
from organisations.models import Department


@pytest.fixture
def departments(org):
    return [
        Department.objects.create(organisation=org, name=n)
        for n in ("Hjemmeplejen", "Borgerservice")
    ]


def make(
    org,
    user,
    *,
    kind="hassle",
    title="Printeren virker ikke",
    department=None,
    anonymous=False,
    **kw,
):
    defaults = {
        "description": "Den hænger hver morgen.",
        "system": "Printer",
        "minutes": 10,
        "times": 3,
        "per": "week",
        "people": 20,
    }
    if kind == "idea":
        defaults = {"description": "Vi kunne sende SMS.", "benefits_whom": "Borgerne"}
    item = Item(
        organisation=org,
        kind=kind,
        title=title,
        department=department,
        anonymous=anonymous,
        **(defaults | kw),
    )
    return services.submit(item=item, user=user)


@pytest.fixture
def hassle(org, member, departments):
    return make(org, member, department=departments[0])
