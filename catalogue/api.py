"""The shared catalogue over the API: search the published entries and read one (any
organisation's, only what was published), and list the joint solutions."""

from __future__ import annotations

import datetime
import uuid

from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.pagination import paginate

from core.api import Pagination
from organisations.api_auth import AUTH, api_membership
from organisations.permissions import Perm

from .models import Entry, JointSolution

router = Router(tags=["shared catalogue"], auth=AUTH)


class EntryOut(Schema):
    key: uuid.UUID
    publisher: str
    size: str
    origin: str
    title: str
    track: str
    source: str
    ambition: str
    tags: list[str]
    adoptions: int
    published_at: datetime.datetime

    @staticmethod
    def resolve_publisher(obj) -> str:
        return obj.publisher_name


class EntryDetailOut(EntryOut):
    description: str
    case: dict | None
    benefits: list[dict]
    lessons: str
    contact: str


class JointSolutionOut(Schema):
    id: int
    name: str
    owner: str
    source: str
    deadline: datetime.date
    description: str


@router.get("/organisations/{org_slug}/catalogue", response=list[EntryOut])
@paginate(Pagination)
def search_catalogue(
    request,
    org_slug: str,
    q: str = "",
    track: str = "",
    source: str = "",
    tag: str = "",
    size: str = "",
):
    api_membership(request, org_slug, Perm.VIEW)
    return (
        Entry.objects.published()
        .search(text=q[:200], track=track, source=source, tag=tag[:60], size=size)
        .defer("case", "benefits", "lessons", "description")
    )


@router.get("/organisations/{org_slug}/catalogue/{key}", response=EntryDetailOut)
def read_entry(request, org_slug: str, key: uuid.UUID):
    api_membership(request, org_slug, Perm.VIEW)
    return get_object_or_404(Entry.objects.published(), key=key)


@router.get("/organisations/{org_slug}/joint-solutions", response=list[JointSolutionOut])
@paginate(Pagination)
def list_joint_solutions(request, org_slug: str):
    api_membership(request, org_slug, Perm.VIEW)
    return JointSolution.objects.all()
