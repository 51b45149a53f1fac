from django.apps import apps
from django.conf import settings


def current_nav(request) -> str:
    """The main navigation entry of the page: the app's `nav` (or its `nav_by_url` for a
    URL name), read from the URL the request resolved to, so no view has to pass it."""
    match = getattr(request, "resolver_match", None)
    if match is None or not match.app_name:
        return ""
    try:
        config = apps.get_app_config(match.app_name)
    except LookupError:
        return ""
    return getattr(config, "nav_by_url", {}).get(match.url_name, getattr(config, "nav", ""))


def styr(request):
    """What the base template needs on every page: the current organisation and the
    user's other organisations for the switcher."""
    org = getattr(request, "organisation", None)
    memberships = []
    if request.user.is_authenticated:
        memberships = getattr(request, "_memberships_cache", None)
        if memberships is None:
            memberships = list(
                request.user.memberships.select_related("organisation").order_by(
                    "organisation__name"
                )
            )
            request._memberships_cache = memberships
    return {
        "current_org": org,
        "current_membership": getattr(request, "membership", None),
        "user_memberships": memberships,
        "LANGUAGES": settings.LANGUAGES,
        "nav": current_nav(request),
    }
