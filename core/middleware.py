import json

from django.conf import settings
from django.http import JsonResponse
from django.utils import translation

from core.text import NoControlCharactersValidator, first_control_character

LANGUAGE_COOKIE = settings.LANGUAGE_COOKIE_NAME
SUPPORTED = {code for code, _name in settings.LANGUAGES}


class SecurityHeadersMiddleware:
    """The Content-Security-Policy of settings on every response (Django 5.2 has none of
    its own), and no browser features Styr does not use."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"
        )
        return response


class LanguageMiddleware:
    """The page's language: the user's own choice; else the language of the organisation
    the page belongs to (Bokmål for a Norwegian municipality) — or of all the user's
    organisations when they share one; else the login page's cookie; else Danish.

    The browser's Accept-Language is deliberately ignored: municipal staff on an English
    browser still expect the Danish (or Norwegian) product.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = self.choose(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response

    @staticmethod
    def choose(request) -> str:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            if user.language in SUPPORTED:
                return user.language
            memberships = list(
                user.memberships.select_related("organisation").order_by("organisation__name")
            )
            request._memberships_cache = memberships  # the page's organisation switcher
            slug = request.path.strip("/").split("/", 1)[0]
            here = [m.organisation.language for m in memberships if m.organisation.slug == slug]
            languages = here or list({m.organisation.language for m in memberships})
            if len(languages) == 1 and languages[0] in SUPPORTED:
                return languages[0]
        cookie = request.COOKIES.get(LANGUAGE_COOKIE)
        return cookie if cookie in SUPPORTED else settings.LANGUAGE_CODE


class ApiTextMiddleware:
    """The API's side of what every form's text field refuses (core.text): a JSON body
    holding a control character anywhere is answered 422, naming where, before any
    endpoint reads it. (Django Ninja turns errors raised while parsing a body into 400.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.path.startswith("/api/")
            and request.method in ("POST", "PUT", "PATCH")
            and request.content_type == "application/json"
        ):
            try:
                data = json.loads(request.body)
            except ValueError:
                data = None  # Ninja answers a body that is not JSON
            where = first_control_character(data)
            if where is not None:
                validator = NoControlCharactersValidator
                return JsonResponse(
                    {
                        "detail": [
                            {
                                "loc": ["body", *where],
                                "msg": str(validator.message),
                                "type": validator.code,
                            }
                        ]
                    },
                    status=422,
                )
        return self.get_response(request)
