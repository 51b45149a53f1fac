from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "initiatives"
    verbose_name = _("Initiatives")
    # The main navigation entry of the app's pages (core.context_processors.current_nav).
    nav = "portfolio"
    nav_by_url = {
        "tracks": "tracks",
        "track": "tracks",
    }
