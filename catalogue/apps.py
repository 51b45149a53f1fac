from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    name = "catalogue"
    verbose_name = _("Shared catalogue")
    # The main navigation entry of the app's pages (core.context_processors.current_nav).
    nav = "catalogue"
