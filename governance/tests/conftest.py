import pytest

from governance.gates import create_default_checks
from governance.models import Body
from governance.services import create_defaults


@pytest.fixture
def bodies(org):
    """Seed 002's default bodies and mandates, and seed 001's gate checklists."""
    create_defaults(org)
    create_default_checks(org)
    return {b.kind: b for b in Body.objects.for_org(org)}


@pytest.fixture
def decider(org):
    """A decision maker: records decisions, cannot edit initiatives."""
    from conftest import _member

    return _member(org, "direktion@skovby.dk", "decision_maker")
