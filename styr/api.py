"""The REST API at /api/v1/ (OpenAPI at /api/v1/openapi.json).

Each domain app contributes a router from its api.py. Authentication is a personal access
token (`Authorization: Bearer styr_…`) or the browser session; scoping and permissions are
the web pages' own (organisations.permissions).
"""

from django.core.exceptions import PermissionDenied
from django.db import DataError
from ninja import NinjaAPI

from assessments.api import router as assessments_router
from benefits.api import router as benefits_router
from catalogue.api import router as catalogue_router
from core.api import stale_error
from core.versioning import StaleObjectError
from cycle.api import router as cycle_router
from finance.api import router as finance_router
from governance.api import router as governance_router
from initiatives.api import router as initiatives_router
from involvement.api import router as involvement_router
from meetings.api import router as meetings_router
from organisations.api import router as organisations_router
from portfolio.api import router as portfolio_router
from publication.api import router as publication_router
from reporting.api import router as reporting_router
from strategy.api import router as strategy_router

api = NinjaAPI(
    title="Styr API",
    version="1.0.0",
    description=(
        "Strategies, focus areas, initiatives, business cases, benefits, measurements, scores "
        "scenarios, decisions, meetings, status reports, the yearly cycle and readiness "
        "assessments (aggregates only) of "
        "the municipalities you belong to."
    ),
    urls_namespace="api-1.0.0",
)
api.add_router("/", organisations_router)
api.add_router("/", strategy_router)
api.add_router("/", initiatives_router)
api.add_router("/", finance_router)
api.add_router("/", benefits_router)
api.add_router("/", portfolio_router)
api.add_router("/", governance_router)
api.add_router("/", meetings_router)
api.add_router("/", reporting_router)
api.add_router("/", cycle_router)
api.add_router("/", assessments_router)
api.add_router("/", involvement_router)
api.add_router("/", publication_router)
api.add_router("/", catalogue_router)


@api.exception_handler(StaleObjectError)
def stale(request, exc):
    """A save based on an outdated version, in any endpoint: 409 with the reason."""
    return api.create_response(request, stale_error(), status=409)


@api.exception_handler(OverflowError)
@api.exception_handler(DataError)
def out_of_range(request, exc):
    """A number no column can hold (an id of 2**63): the request is wrong, not the server."""
    return api.create_response(
        request, {"detail": [{"field": None, "message": "A number is out of range."}]}, status=422
    )


@api.exception_handler(PermissionDenied)
def permission_denied(request, exc):
    return api.create_response(request, {"detail": "Your role does not allow this."}, status=403)
