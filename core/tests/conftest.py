# The governance fixtures (default bodies) serve the tests of documents here too.
from governance.tests.conftest import bodies  # noqa: F401
