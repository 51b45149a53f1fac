from __future__ import annotations

from django.db import transaction
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from core.api import Pagination, form_data, form_errors

from .api_auth import AUTH, api_membership
from .forms import OrganisationCreateForm, OrganisationSettingsForm
from .models import Membership, Organisation
from .permissions import Perm, Role

router = Router(tags=["organisations"], auth=AUTH)


class OrganisationOut(Schema):
    slug: str
    name: str
    code: str
    country: str
    language: str
    currency: str
    email_domains: str
    answer_days: int
    inhabitants: int | None = None
    shares_benchmark: bool = False
    role: str | None = None


class OrganisationIn(Schema):
    municipality: int
    slug: str | None = None


class OrganisationPatch(Schema):
    name: str | None = None
    language: str | None = None
    currency: str | None = None
    email_domains: str | None = None
    answer_days: int | None = None
    inhabitants: int | None = None
    shares_benchmark: bool | None = None


def _out(org: Organisation, role: str | None) -> dict:
    return {
        "slug": org.slug,
        "name": org.name,
        "code": org.code,
        "country": org.country,
        "language": org.language,
        "currency": org.currency,
        "email_domains": org.email_domains,
        "answer_days": org.answer_days,
        "inhabitants": org.inhabitants,
        "shares_benchmark": org.shares_benchmark,
        "role": role,
    }


@router.get("/organisations", response=list[OrganisationOut])
@paginate(Pagination)
def list_organisations(request):
    """The organisations the caller belongs to (only the token's own, for a token)."""
    memberships = Membership.objects.filter(user=request.user).select_related("organisation")
    token = getattr(request, "api_token", None)
    if token is not None:
        memberships = memberships.filter(organisation=token.organisation)
    return [_out(m.organisation, m.role) for m in memberships.order_by("organisation__name")]


@router.post("/organisations", response={201: OrganisationOut, 403: dict, 422: dict})
def create_organisation(request, payload: OrganisationIn):
    """Staff only, with a session: tokens belong to one organisation and cannot make others."""
    if getattr(request, "api_token", None) is not None or not request.user.is_staff:
        raise HttpError(403, "Only staff can create organisations, and not with a token.")
    form = OrganisationCreateForm(data=payload.dict())
    if not form.is_valid():
        return 422, form_errors(form)
    with transaction.atomic():
        org = form.save()
        Membership.objects.create(user=request.user, organisation=org, role=Role.ADMIN)
    return 201, _out(org, Role.ADMIN)


@router.get("/organisations/{org_slug}", response=OrganisationOut)
def get_organisation(request, org_slug: str):
    membership = api_membership(request, org_slug, Perm.VIEW)
    return _out(membership.organisation, membership.role)


@router.patch("/organisations/{org_slug}", response={200: OrganisationOut, 422: dict})
def update_organisation(request, org_slug: str, payload: OrganisationPatch):
    membership = api_membership(request, org_slug, Perm.MANAGE_ORGANISATION, write=True)
    org = get_object_or_404(Organisation, pk=membership.organisation_id)
    fields = [
        "name",
        "language",
        "currency",
        "inhabitants",
        "shares_benchmark",
        "email_domains",
        "answer_days",
    ]
    form = OrganisationSettingsForm(
        data=form_data(org, payload.dict(exclude_unset=True), fields), instance=org
    )
    if not form.is_valid():
        return 422, form_errors(form)
    form.save()
    return 200, _out(org, membership.role)
