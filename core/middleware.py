from django.conf import settings
from django.utils import translation

LANGUAGE_COOKIE = settings.LANGUAGE_COOKIE_NAME
SUPPORTED = {code for code, _name in settings.LANGUAGES}


class LanguageMiddleware:
    """Danish unless the user chose otherwise.

    The browser's Accept-Language is deliberately ignored: municipal staff on an English
    browser still expect the Danish (or Norwegian) product; the choice is the user's, kept
    on their profile and in a cookie for the login page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = None
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.language in SUPPORTED:
            language = user.language
        if language is None:
            cookie = request.COOKIES.get(LANGUAGE_COOKIE)
            language = cookie if cookie in SUPPORTED else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
