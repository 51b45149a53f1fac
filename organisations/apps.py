from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "organisations"
    verbose_name = _("Municipalities")
    # The main navigation entry of the app's pages (core.context_processors.current_nav).
    nav = "members"
