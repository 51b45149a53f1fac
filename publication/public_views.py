"""The public page at /public/<org-slug>/, without login: the organisation's published
frozen version (never a draft) with its short version, documents, goals and progress, and
the action plan's initiatives with stage and latest status light. Amounts and names of
people only when the organisation turned them on. 404 when nothing is published.

The page is cached per organisation and language; a publication or a change of the page's
settings moves the cache on (services.forget_public_page), and goal measurements and status
lights show within CACHE_SECONDS.
"""

from __future__ import annotations

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from organisations.models import Organisation

from . import pages, services
from .models import PublicPage, StrategyVersion
from .views import document_response

CACHE_SECONDS = 300


def _published(org: Organisation) -> tuple[StrategyVersion, PublicPage]:
    version = (
        StrategyVersion.objects.for_org(org)
        .published_publicly()
        .select_related("strategy", "recommendation__body", "approval__body")
        .first()
    )
    if version is None:
        raise Http404
    settings = PublicPage.objects.for_org(org).first() or PublicPage(organisation=org)
    return version, settings


@require_safe
@cache_control(public=True, max_age=60)
def public_page(request: HttpRequest, org_slug: str) -> HttpResponse:
    org = get_object_or_404(Organisation, slug=org_slug)
    key = f"public:{org.pk}:{services.public_generation(org)}:{get_language()}"
    content = cache.get(key)
    if content is None:
        version, settings = _published(org)
        page = pages.context(
            org,
            version,
            version.snapshot,
            amounts=settings.show_amounts,
            people=settings.show_people,
        )
        content = render(
            request, "publication/public.html", {**page, "org": org, "settings": settings}
        ).content
        cache.set(key, content, CACHE_SECONDS)
    return HttpResponse(content)


@require_safe
def public_document(request: HttpRequest, org_slug: str, document: str, fmt: str) -> HttpResponse:
    kind = document
    if kind not in ("note", "short") or fmt not in ("pdf", "docx"):
        raise Http404
    org = get_object_or_404(Organisation, slug=org_slug)
    version, settings = _published(org)
    source = pages.source(version, version.snapshot, org, amounts=settings.show_amounts)
    title = version.snapshot["strategy"]["title"]
    name = title if kind == "note" else _("%(title)s, short version") % {"title": title}
    return document_response(source, kind, fmt, name)
