"""The published OpenAPI document is valid and true: schemathesis generates requests for
every operation (a bounded number each) with a write token, and every response must be
free of server errors and match the schema (issue 12)."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from accounts.models import PersonalAccessToken

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
not_a_server_error = schemathesis.checks.not_a_server_error


@pytest.fixture
def same_connection():
    """Requests go through the real WSGI handler, which closes the database connection at
    the end of each request; keep it open, as Django's test client does, so the test's
    transaction (and its data) lives through the run."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def token_headers(same_connection, member, org, initiative, business_case, benefit, strategy):
    _token, raw = PersonalAccessToken.issue(user=member, organisation=org, name="st", scope="write")
    return {"Authorization": f"Bearer {raw}"}


CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


def test_every_operation_answers_within_its_schema(token_headers):
    # One test walks every operation (rather than schemathesis' own parametrisation, which
    # pytest-xdist's grouping collapses to a single operation).
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 30
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=8,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
            database=None,
        )
        def answers_within_schema(case):
            if "org_slug" in (case.path_parameters or {}):
                case.path_parameters["org_slug"] = "skovby"
            case.call_and_validate(headers=token_headers, checks=CHECKS)

        answers_within_schema()


def test_no_two_response_schemas_share_a_name():
    # Django Ninja files schemas by class name: a second class of the same name silently
    # replaces the first in the published document.
    from ninja import Schema

    import styr.api  # noqa: F401  (every router and its schemas)

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    apps = {"accounts", "organisations", "strategy", "initiatives", "finance", "benefits"}
    apps |= {"portfolio", "governance", "meetings", "reporting", "cycle", "core"}
    ours = [s for s in subclasses(Schema) if s.__module__.split(".")[0] in apps]
    assert len(ours) > 30
    names = [s.__name__ for s in ours]
    assert sorted({n for n in names if names.count(n) > 1}) == []


@pytest.mark.parametrize("query", ["limit=9223372036854775808", "offset=9223372036854775808"])
def test_limit_and_offset_beyond_their_bounds_answer_422(client, token_headers, query):
    headers = {"HTTP_AUTHORIZATION": token_headers["Authorization"]}
    for path in ("initiatives", "strategies"):
        r = client.get(f"/api/v1/organisations/skovby/{path}?{query}", **headers)
        assert r.status_code == 422, (path, r.content)


def test_an_id_no_column_can_hold_answers_422_or_404_never_500(client, token_headers):
    headers = {"HTTP_AUTHORIZATION": token_headers["Authorization"]}
    for path in ("initiatives/9223372036854775808", "business-cases/99999999999999999999"):
        r = client.get(f"/api/v1/organisations/skovby/{path}", **headers)
        assert r.status_code in (404, 422), (path, r.status_code)


def _list_operations():
    """Every GET operation whose answer is a list of rows, from the published document."""
    document = schema.raw_schema
    for path, methods in document["paths"].items():
        get = methods.get("get")
        if not get:
            continue
        content = get["responses"]["200"].get("content", {}).get("application/json", {})
        ref = content.get("schema", {}).get("$ref", "")
        body = document["components"]["schemas"].get(ref.rsplit("/", 1)[-1], {})
        if content.get("schema", {}).get("type") == "array" or "items" in body.get(
            "properties", {}
        ):
            yield path, get, body


def test_every_list_endpoint_is_paged_with_at_most_200_rows():
    lists = list(_list_operations())
    assert len(lists) >= 15
    for path, get, body in lists:
        assert set(body.get("properties", {})) == {"items", "count"}, path
        limit = next(p for p in get["parameters"] if p["name"] == "limit")
        assert limit["schema"]["maximum"] == 200, path


def test_a_page_beyond_200_rows_is_refused_and_every_page_is_counted(client, token_headers):
    headers = {"HTTP_AUTHORIZATION": token_headers["Authorization"]}
    base = "/api/v1/organisations/skovby"
    assert client.get(f"{base}/business-cases?limit=201", **headers).status_code == 422
    body = client.get(f"{base}/business-cases?limit=200", **headers).json()
    assert body["count"] == 1 and len(body["items"]) == 1
    body = client.get(f"{base}/business-cases?offset=1", **headers).json()
    assert body["count"] == 1 and body["items"] == []
