# The governance fixtures (default bodies, a decision maker) serve the meetings too.
from governance.tests.conftest import bodies, decider  # noqa: F401
