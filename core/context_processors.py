from django.conf import settings


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
    }
